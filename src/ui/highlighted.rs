//! Text with the query's matches wrapped in `<mark>`. Text is always inserted as text
//! nodes, never as markup.

use factdeck_core::search::{highlight, Query};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    pub query: Query,
}

#[function_component(Highlighted)]
pub fn highlighted(props: &HighlightedProps) -> Html {
    if props.query.is_empty() {
        return html! { { props.text.clone() } };
    }
    html! {
        { for highlight(&props.text, &props.query).into_iter().map(|(part, marked)| {
            if marked { html! { <mark>{ part }</mark> } } else { html! { { part } } }
        }) }
    }
}
