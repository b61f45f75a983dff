//! A card's permalink: an in-page link to `?fact=id` and a "Copy link" button.

use yew::prelude::*;

use super::state::Action;
use super::url_sync::use_links;

#[derive(Properties, PartialEq)]
pub struct PermalinkProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub dispatch: Callback<Action>,
}

#[function_component(Permalink)]
pub fn permalink(props: &PermalinkProps) -> Html {
    let copied = use_state(|| false);
    let href = use_links().fact(&props.id);
    let open = {
        let id = props.id.to_string();
        props.dispatch.reform(move |e: MouseEvent| {
            e.prevent_default();
            Action::Open(Some(id.clone()))
        })
    };
    let copy = {
        let copied = copied.clone();
        let href = href.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = absolute(&href) {
                copy_text(&url);
                copied.set(true);
            }
        })
    };
    html! {
        <>
            <a class="button button--quiet" href={href} onclick={open} aria-label={format!("Permalink to “{}”", props.title)}>{ "Permalink" }</a>
            <button type="button" class="button button--quiet" onclick={copy} aria-label={format!("Copy link to “{}”", props.title)}>
                { if *copied { "Link copied" } else { "Copy link" } }
            </button>
        </>
    }
}

/// A relative link (`?fact=id…`) resolved against the current page, keeping any sub-path.
fn absolute(relative: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!("{}{}{relative}", location.origin().ok()?, location.pathname().ok()?))
}

fn copy_text(text: &str) {
    if let Some(window) = web_sys::window() {
        // The promise rejects when the page lacks clipboard permission; the permalink
        // link beside the button still carries the same URL.
        let _ = window.navigator().clipboard().write_text(text);
    }
}
