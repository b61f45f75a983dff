//! Removable chips for the active query and filters, plus "Clear all".
//! A plain function: it holds no state (see `source_link` on why not a component).

use factdeck_core::url_state::ViewState;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::ui::deck::Deck;
use crate::ui::filters::search_box::focus_search;
use crate::ui::state::Action;

/// The chips of `view`'s query and filters (sector names from `deck`); nothing when
/// the view is unfiltered.
pub fn active_filters(deck: &Deck, view: &ViewState, dispatch: &Callback<Action>) -> Html {
    if !view.is_filtered() {
        return html! {};
    }
    let chip = |label: String, kind: &str, action: Action| {
        let onclick = dispatch.reform(move |e: MouseEvent| {
            keep_focus_after_removal(&e);
            action.clone()
        });
        html! {
            <li key={format!("{kind}:{label}")}>
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
        if let Some(i) = deck.sector_index(id) {
            chips.push(chip(deck.sectors()[i].label.clone(), "sector", Action::ToggleSector(id.clone())));
        }
    }
    for &k in &view.kinds {
        chips.push(chip(k.label().to_owned(), "kind", Action::ToggleKind(k)));
    }
    let clear = dispatch.reform(|_: MouseEvent| {
        focus_search();
        Action::ClearAll
    });
    html! {
        <div class="active-filters">
            <ul class="active-filters__list" aria-label="Active filters">{ for chips }</ul>
            <button type="button" class="button button--quiet" onclick={clear}>{ "Clear all" }</button>
        </div>
    }
}

/// The clicked chip is about to disappear: move focus to the next chip, else the previous
/// one, else the search box, so keyboard users never fall back to the top of the page.
fn keep_focus_after_removal(e: &MouseEvent) {
    let item = e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|el| el.closest("li").ok().flatten());
    let neighbour = item.and_then(|li| li.next_element_sibling().or_else(|| li.previous_element_sibling()));
    match neighbour.and_then(|li| li.query_selector("button").ok().flatten()).and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        // Focus fails only on detached elements; the search box is the fallback then too.
        Some(button) if button.focus().is_ok() => {}
        _ => focus_search(),
    }
}
