//! Removable chips for the active query and filters, plus "Clear all".

use std::rc::Rc;

use factdeck_core::url_state::ViewState;
use yew::prelude::*;

use super::app::Deck;
use super::state::Action;

#[derive(Properties, PartialEq)]
pub struct ActiveFiltersProps {
    pub deck: Rc<Deck>,
    pub view: ViewState,
    pub dispatch: Callback<Action>,
}

#[function_component(ActiveFilters)]
pub fn active_filters(props: &ActiveFiltersProps) -> Html {
    let view = &props.view;
    if !view.is_filtered() {
        return html! {};
    }
    let chip = |label: String, kind: &str, action: Action| {
        let onclick = props.dispatch.reform(move |_: MouseEvent| action.clone());
        html! {
            <li>
                <button type="button" class="chip" {onclick} aria-label={format!("Remove {kind} {label}")}>
                    <span class="chip__kind">{ kind }</span>{ " " }{ label }<span class="chip__x" aria-hidden="true">{ "×" }</span>
                </button>
            </li>
        }
    };
    let mut chips = Vec::new();
    if !view.query.trim().is_empty() {
        chips.push(chip(format!("“{}”", view.query.trim()), "search", Action::ClearQuery));
    }
    for id in &view.sectors {
        if let Some(i) = props.deck.dataset.sector_index(id) {
            chips.push(chip(props.deck.dataset.sectors[i].label.clone(), "sector", Action::ToggleSector(id.clone())));
        }
    }
    for &k in &view.kinds {
        chips.push(chip(k.label().to_owned(), "kind", Action::ToggleKind(k)));
    }
    let clear = props.dispatch.reform(|_: MouseEvent| Action::ClearAll);
    html! {
        <div class="active-filters">
            <ul class="active-filters__list" aria-label="Active filters">{ for chips }</ul>
            <button type="button" class="button button--quiet" onclick={clear}>{ "Clear all" }</button>
        </div>
    }
}
