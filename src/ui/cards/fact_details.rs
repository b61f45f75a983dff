//! The open card's extra fields: who, period, derived figures and full source citation.
//! A plain function: it holds no state (see `source_link` on why not a component).

use factdeck_core::model::{Fact, Source};
use yew::prelude::*;

use crate::ui::cards::fact_card::date_html;

/// The details of `fact`, drawn from `source`, in an element with DOM id `id` (which the
/// card's toggle names in `aria-controls`).
pub fn fact_details(fact: &Fact, source: &Source, id: String) -> Html {
    let row = |term: &str, value: Html| html! { <><dt>{ term }</dt><dd>{ value }</dd></> };
    let list = |items: &[String]| html! { { items.join(", ") } };
    html! {
        <div {id} class="details">
            <dl class="details__list">
                if !fact.countries.is_empty() { { row("Countries", list(&fact.countries)) } }
                if !fact.parties.is_empty() { { row("Parties", list(&fact.parties)) } }
                if let Some(a) = &fact.attribution { { row("Attributed to", html! { { a } }) } }
                if let Some(p) = fact.quantity.as_ref().and_then(|q| q.period.as_ref()) { { row("Period", date_html(p)) } }
                { row("Source", html! { <>{ format!("{} — “{}”", source.publisher, source.title) }</> }) }
                if let Some(note) = &source.note { { row("Source note", html! { { note } }) } }
                { row("Fact id", html! { <code>{ fact.id.to_string() }</code> }) }
            </dl>
            if !fact.derived.is_empty() {
                <ul class="derived" aria-label="Derived figures">
                    { for fact.derived.iter().map(|d| {
                        let value = d.quantity.as_ref().map(ToString::to_string).or_else(|| d.date.map(|x| x.to_string())).unwrap_or_default();
                        html! {
                            <li class="derived__item">
                                <span class="badge badge--derived">{ "Derived" }</span>
                                { format!(" {}: {value}", d.label) }
                                <span class="derived__method">{ format!(" ({})", d.method) }</span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
