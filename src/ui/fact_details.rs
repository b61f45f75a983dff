//! The open card's extra fields: who, period, derived figures and full source citation.

use std::rc::Rc;

use yew::prelude::*;

use super::app::Deck;
use super::fact_card::date_html;

#[derive(Properties, PartialEq)]
pub struct FactDetailsProps {
    pub deck: Rc<Deck>,
    pub fact: usize,
    /// DOM id, referenced by the card's toggle `aria-controls`.
    pub id: AttrValue,
}

#[function_component(FactDetails)]
pub fn fact_details(props: &FactDetailsProps) -> Html {
    let dataset = &props.deck.dataset;
    let fact = &dataset.facts[props.fact];
    let source = dataset.source_of(fact);
    let row = |term: &str, value: Html| html! { <><dt>{ term }</dt><dd>{ value }</dd></> };
    let list = |items: &[String]| html! { { items.join(", ") } };
    html! {
        <div id={props.id.clone()} class="details">
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
