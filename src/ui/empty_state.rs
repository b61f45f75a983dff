//! Shown when nothing matches: says what to remove to get results back.

use std::rc::Rc;

use factdeck_core::explore::Relaxation;
use yew::prelude::*;

use super::app::Deck;
use super::search_box::focus_search;
use super::state::Action;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub deck: Rc<Deck>,
    pub query: AttrValue,
    pub relaxations: Vec<Relaxation>,
    /// A corrected query ("did you mean").
    pub suggestion: Option<AttrValue>,
    pub dispatch: Callback<Action>,
}

#[function_component(EmptyState)]
pub fn empty_state(props: &EmptyStateProps) -> Html {
    let dataset = &props.deck.dataset;
    let plural = |n: usize| if n == 1 { "1 fact".to_owned() } else { format!("{n} facts") };
    let suggestion = |r: &Relaxation| {
        let (label, action) = match r {
            Relaxation::ClearQuery { .. } => (format!("Clear the search “{}”", props.query.trim()), Action::ClearQuery),
            Relaxation::RemoveSector { sector, .. } => {
                let s = &dataset.sectors[*sector];
                (format!("Remove sector {}", s.label), Action::ToggleSector(s.id.clone()))
            }
            Relaxation::RemoveKind { kind, .. } => (format!("Remove kind {}", kind.label()), Action::ToggleKind(*kind)),
        };
        // The empty state (and this button) goes away once results are back.
        let onclick = props.dispatch.reform(move |_: MouseEvent| {
            focus_search();
            action.clone()
        });
        html! {
            <li><button type="button" class="button" {onclick}>{ label }{ format!(" → {}", plural(r.results())) }</button></li>
        }
    };
    let clear = props.dispatch.reform(|_: MouseEvent| {
        focus_search();
        Action::ClearAll
    });
    html! {
        <div class="empty">
            <p class="empty__title">{ "No facts match this view." }</p>
            if let Some(fixed) = &props.suggestion {
                <p class="empty__suggestion">{ "Did you mean " }
                    <button type="button" class="button button--quiet" onclick={{
                        let fixed = fixed.to_string();
                        props.dispatch.reform(move |_: MouseEvent| {
                            focus_search();
                            Action::SetQuery(fixed.clone())
                        })
                    }}>{ format!("“{fixed}”") }</button>{ "?" }</p>
            }
            if props.relaxations.is_empty() {
                <p>{ "No single change brings results back. " }
                    <button type="button" class="button" onclick={clear}>{ "Clear all filters" }</button></p>
            } else {
                <p>{ "Try one of these:" }</p>
                <ul class="empty__list">{ for props.relaxations.iter().map(suggestion) }</ul>
            }
        </div>
    }
}
