//! The verbatim supporting quote and its citation (a plain function: it holds no state).

use factdeck_core::model::Source;
use factdeck_core::search::Query;
use yew::prelude::*;

use crate::ui::highlighted::highlighted;

/// `quote` from source `s`, its matches of `query` marked, cut to an excerpt of about
/// `max_chars` when given; `in_context` (the link to the quote in its source text) ends the
/// citation.
pub fn source_quote(quote: &str, s: &Source, query: &Query, max_chars: Option<usize>, in_context: Html) -> Html {
    let place = s.place.as_ref().map(|p| format!(", {p}")).unwrap_or_default();
    html! {
        <figure class="quote">
            <blockquote class="quote__text">{ highlighted(quote, query, max_chars) }</blockquote>
            <figcaption class="quote__cite">
                { "Source: " }
                if let Some(url) = &s.url {
                    <a href={url.clone()} rel="noopener noreferrer">{ &s.publisher }</a>
                } else {
                    <cite>{ &s.publisher }</cite>
                }
                { format!("{place} · ") }
                <time datetime={s.published.iso()}>{ s.published.to_string() }</time>
                { " · " }{ in_context }
            </figcaption>
        </figure>
    }
}
