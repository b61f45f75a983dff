//! A card's permalink: an in-page link to `?fact=id` and a "Copy link" button.
//!
//! A plain function: the card holds the "copied" state (one component per card, not one
//! per control, keeps a keystroke's re-render of the list cheap).

use yew::prelude::*;

use crate::ui::browser::{absolute, copy_to_clipboard};
use crate::ui::state::Action;

/// The links of the fact `id` titled `title`, whose own URL is `href`; `copied` is true
/// once the link has been copied.
pub fn permalink(href: String, id: &str, title: &str, dispatch: &Callback<Action>, copied: &UseStateHandle<bool>) -> Html {
    let open = {
        let id = id.to_owned();
        dispatch.reform(move |e: MouseEvent| {
            e.prevent_default();
            Action::Open(Some(id.clone()))
        })
    };
    let copy = {
        let copied = copied.clone();
        let href = href.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = absolute(&href) {
                // The permalink beside the button carries the same URL if the browser refuses.
                copy_to_clipboard(&url);
                copied.set(true);
            }
        })
    };
    html! {
        <>
            <a class="button button--quiet" href={href} onclick={open} aria-label={format!("Permalink to “{title}”")}>{ "Permalink" }</a>
            <button type="button" class="button button--quiet" onclick={copy} aria-label={format!("Copy link to “{title}”")}>
                { if **copied { "Link copied" } else { "Copy link" } }
            </button>
        </>
    }
}
