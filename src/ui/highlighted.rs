//! Text with the query's matches wrapped in `<mark>`, optionally cut to an excerpt around
//! the first match. Text is always inserted as text nodes, never as markup.
//!
//! A plain function rather than a component: it holds no state, and a card renders three
//! of them on every keystroke, where each component would cost its own scope and render.

use factdeck_core::search::{excerpt, highlight, Query};
use yew::prelude::*;

/// `text` with the matches of `query` marked; with `max_chars`, at most about that many
/// characters, centred on the first match.
pub fn highlighted(text: &str, query: &Query, max_chars: Option<usize>) -> Html {
    let (range, cut_before, cut_after) = match max_chars {
        Some(max) => excerpt(text, query, max),
        None => (0..text.len(), false, false),
    };
    let text = &text[range];
    html! {
        <>
            if cut_before { { "… " } }
            { for highlight(text, query).into_iter().map(|(part, marked)| {
                if marked { html! { <mark>{ part }</mark> } } else { html! { { part } } }
            }) }
            if cut_after { { " …" } }
        </>
    }
}
