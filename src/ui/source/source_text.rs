//! A source text with quotes marked: the current fact's quote focusable, the others as
//! links that highlight theirs instead. Pieces come from `factdeck_core::source_view`.
//! A plain function: it holds no state (see `source_link` on why not a component).

use factdeck_core::facts::Facts;
use factdeck_core::source_view::{pieces, Piece, QuoteSpan};
use yew::prelude::*;

use crate::ui::cards::source_link::in_app;
use crate::ui::state::Action;
use crate::ui::url_sync::Links;

/// DOM id of the highlighted quote, which receives focus.
pub const CURRENT_ID: &str = "source-current";

/// A source's `text` with `spans` marked, `current` (a fact index) highlighted.
/// Every fact of `spans` is at hand in `facts` (the source view waits for them).
pub fn source_text(
    facts: &impl Facts,
    links: &Links,
    text: &str,
    spans: &[QuoteSpan],
    current: usize,
    dispatch: &Callback<Action>,
) -> Html {
    let parts = pieces(text.len(), spans, Some(current));
    html! {
        <div class="source-text">
            { for parts.into_iter().map(|piece| match piece {
                Piece::Plain(r) => html! { { &text[r] } },
                Piece::Current(r) => html! {
                    <mark id={CURRENT_ID} class="source-mark source-mark--current" tabindex="-1">
                        <span class="visually-hidden">{ "Highlighted quote: " }</span>{ &text[r] }
                    </mark>
                },
                Piece::Other { range, fact } => {
                    let Some(f) = facts.fact(fact) else { return html! { { &text[range] } } };
                    html! {
                        <mark class="source-mark source-mark--other">
                            <a href={links.source(f.id.as_str())} title={f.title.clone()} onclick={in_app(dispatch, Action::ShowSource(f.id.to_string()))}>{ &text[range] }</a>
                        </mark>
                    }
                }
            }) }
        </div>
    }
}
