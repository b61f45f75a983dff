//! The verbatim supporting quote and its citation.

use std::rc::Rc;

use factdeck_core::search::Query;
use yew::prelude::*;

use super::app::Deck;
use super::highlighted::Highlighted;

#[derive(Properties, PartialEq)]
pub struct SourceQuoteProps {
    pub quote: AttrValue,
    pub deck: Rc<Deck>,
    /// Index into the dataset's sources (not the source itself: its full text is large).
    pub source: usize,
    pub query: Query,
    /// Excerpt length for long quotes; `None` shows the whole quote.
    #[prop_or_default]
    pub max_chars: Option<usize>,
}

#[function_component(SourceQuote)]
pub fn source_quote(props: &SourceQuoteProps) -> Html {
    let s = &props.deck.dataset.sources[props.source];
    let place = s.place.as_ref().map(|p| format!(", {p}")).unwrap_or_default();
    html! {
        <figure class="quote">
            <blockquote class="quote__text">
                <Highlighted text={props.quote.clone()} query={props.query.clone()} max_chars={props.max_chars} />
            </blockquote>
            <figcaption class="quote__cite">
                { "Source: " }
                if let Some(url) = &s.url {
                    <a href={url.clone()} rel="noopener noreferrer">{ &s.publisher }</a>
                } else {
                    <cite>{ &s.publisher }</cite>
                }
                { format!("{place} · ") }
                <time datetime={s.published.iso()}>{ s.published.to_string() }</time>
            </figcaption>
        </figure>
    }
}
