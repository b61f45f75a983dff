//! A card's link to its quote in the full source text (`?fact=id&view=source`).
//!
//! Plain functions rather than components: they hold no state, and every Yew component
//! adds some 3 KB of generic code to the WebAssembly.

use yew::prelude::*;

use crate::ui::state::Action;
use crate::ui::url_sync::Links;

/// The DOM id of a fact's source link: focus returns here when the source view closes.
pub fn source_link_id(fact_id: &str) -> String {
    format!("fact-{fact_id}-source")
}

/// The "Source text" link of the card of fact `id` titled `title`. Its own URL drops the
/// current filters; the action keeps them, so closing the source view comes back to the
/// same list.
pub fn source_link(links: &Links, id: &str, title: &str, dispatch: &Callback<Action>) -> Html {
    html! {
        <a id={source_link_id(id)} class="quote__context" href={links.source(id)}
            onclick={in_app(dispatch, Action::ShowSource(id.to_owned()))} aria-label={format!("Source text of “{title}”")}>
            { "Source text" }
        </a>
    }
}

/// A link's click handler that performs `action` in place of following the link, unless
/// the user asked for a new tab or window (modifier keys, other buttons).
pub fn in_app(dispatch: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
            e.prevent_default();
            dispatch.emit(action.clone());
        }
    })
}
