//! Text with the query's matches wrapped in `<mark>`, optionally cut to an excerpt around
//! the first match. Text is always inserted as text nodes, never as markup.

use factdeck_core::search::{excerpt, highlight, Query};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    pub query: Query,
    /// Show at most about this many characters, centred on the first match.
    #[prop_or_default]
    pub max_chars: Option<usize>,
}

#[function_component(Highlighted)]
pub fn highlighted(props: &HighlightedProps) -> Html {
    let (range, cut_before, cut_after) = match props.max_chars {
        Some(max) => excerpt(&props.text, &props.query, max),
        None => (0..props.text.len(), false, false),
    };
    let text = &props.text[range];
    html! {
        <>
            if cut_before { { "… " } }
            { for highlight(text, &props.query).into_iter().map(|(part, marked)| {
                if marked { html! { <mark>{ part }</mark> } } else { html! { { part } } }
            }) }
            if cut_after { { " …" } }
        </>
    }
}
