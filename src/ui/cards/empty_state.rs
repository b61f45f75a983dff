//! Shown when nothing matches: says what to remove to get results back.
//! A plain function: it holds no state (see `source_link` on why not a component).

use factdeck_core::explore::Relaxation;
use yew::prelude::*;

use crate::ui::deck::Deck;
use crate::ui::filters::search_box::focus_search;
use crate::ui::state::Action;

/// The empty state of `deck` for the search `query`: a corrected query if there is one
/// (`suggestion`, "did you mean"), then the `relaxations` that bring results back.
pub fn empty_state(deck: &Deck, query: &str, relaxations: &[Relaxation], suggestion: Option<&str>, dispatch: &Callback<Action>) -> Html {
    let sectors = deck.sectors();
    let plural = |n: usize| if n == 1 { "1 fact".to_owned() } else { format!("{n} facts") };
    let relaxation = |r: &Relaxation| {
        let (label, action) = match r {
            Relaxation::ClearQuery { .. } => (format!("Clear the search “{}”", query.trim()), Action::ClearQuery),
            Relaxation::RemoveSector { sector, .. } => {
                let s = &sectors[*sector];
                (format!("Remove sector {}", s.label), Action::ToggleSector(s.id.clone()))
            }
            Relaxation::RemoveKind { kind, .. } => (format!("Remove kind {}", kind.label()), Action::ToggleKind(*kind)),
        };
        // The empty state (and this button) goes away once results are back.
        let onclick = dispatch.reform(move |_: MouseEvent| {
            focus_search();
            action.clone()
        });
        html! {
            <li><button type="button" class="button" {onclick}>{ label }{ format!(" → {}", plural(r.results())) }</button></li>
        }
    };
    let clear = dispatch.reform(|_: MouseEvent| {
        focus_search();
        Action::ClearAll
    });
    html! {
        <div class="empty">
            <p class="empty__title">{ "No facts match this view." }</p>
            if let Some(fixed) = suggestion {
                <p class="empty__suggestion">{ "Did you mean " }
                    <button type="button" class="button button--quiet" onclick={{
                        let fixed = fixed.to_string();
                        dispatch.reform(move |_: MouseEvent| {
                            focus_search();
                            Action::SetQuery(fixed.clone())
                        })
                    }}>{ format!("“{fixed}”") }</button>{ "?" }</p>
            }
            if relaxations.is_empty() {
                <p>{ "No single change brings results back. " }
                    <button type="button" class="button" onclick={clear}>{ "Clear all filters" }</button></p>
            } else {
                <p>{ "Try one of these:" }</p>
                <ul class="empty__list">{ for relaxations.iter().map(relaxation) }</ul>
            }
        </div>
    }
}
