//! One fact as an `<article>`: kind, title, figure, summary, date, status, sectors and the
//! verbatim source quote; opening it shows every remaining field.

use std::rc::Rc;

use factdeck_core::model::{DateSpec, Fact};
use factdeck_core::search::Query;
use yew::prelude::*;

use super::app::Deck;
use super::chart::chart;
use super::cite_fact::{cite_fact, Citing};
use super::fact_details::FactDetails;
use super::highlighted::highlighted;
use super::hydration::use_adopt_later;
use super::permalink::permalink;
use super::source_link::source_link;
use super::source_quote::source_quote;
use super::state::Action;
use super::url_sync::use_links;

#[derive(Properties, PartialEq)]
pub struct FactCardProps {
    pub deck: Rc<Deck>,
    /// Index into the dataset's facts.
    pub fact: usize,
    pub query: Query,
    pub open: bool,
    pub dispatch: Callback<Action>,
}

/// Longest summary or quote a closed card shows, in characters.
const EXCERPT_CHARS: usize = 320;

/// The DOM id of a fact's card; also its `#` anchor.
pub fn anchor(fact: &Fact) -> String {
    format!("fact-{}", fact.id)
}

#[function_component(FactCard)]
pub fn fact_card(props: &FactCardProps) -> HtmlResult {
    let links = use_links();
    // A prerendered card adopts its nodes in a task of its own (see hydration.rs).
    use_adopt_later()?;
    // The state of the card's controls lives here, so that a card is one component: a
    // keystroke that brings new results creates several cards, and each component costs.
    let link_copied = use_state(|| false);
    let citing = use_state(Citing::default);
    let dataset = &props.deck.dataset;
    let fact = &dataset.facts[props.fact];
    let anchor = anchor(fact);
    let title_id = format!("{anchor}-title");
    let details_id = format!("{anchor}-details");
    let kind = fact.kind.slug();
    // Long texts show an excerpt around the match; the open card shows them whole.
    let limit = (!props.open).then_some(EXCERPT_CHARS);
    let toggle = {
        let id = fact.id.to_string();
        let open = props.open;
        props.dispatch.reform(move |_: MouseEvent| Action::Open((!open).then(|| id.clone())))
    };
    Ok(html! {
        <article id={anchor.clone()} class={classes!("card", format!("card--{kind}"), props.open.then_some("card--open"))} aria-labelledby={title_id.clone()}>
            <div class="card__top">
                <span class={classes!("badge", format!("badge--{kind}"))}>{ fact.kind.label() }</span>
                if let Some(status) = fact.status {
                    <span class={classes!("status", format!("status--{}", status.slug()))}>{ status.label() }</span>
                }
            </div>
            <h3 id={title_id} class="card__title">
                { highlighted(&fact.title, &props.query, None) }
            </h3>
            if let Some(q) = &fact.quantity {
                <p class="card__figure">
                    <span class="card__figure-value">{ q.to_string() }</span>
                    <span class="card__figure-measure">{ q.measure.label() }</span>
                    if let Some(p) = &q.period {
                        <span class="card__figure-period">{ period_text(p) }</span>
                    }
                </p>
            }
            { chart(dataset, props.fact, &format!("{anchor}-chart")) }
            <p class="card__summary">{ highlighted(&fact.summary, &props.query, limit) }</p>
            if let Some(date) = &fact.date {
                <p class="card__date"><span class="card__label">{ "Date: " }</span>{ date_html(date) }</p>
            }
            <ul class="tags" aria-label="Sectors">
                { for fact.sectors.iter().map(|&s| html! { <li class="tag">{ &dataset.sectors[s].label }</li> }) }
            </ul>
            { source_quote(&fact.quote, dataset, fact.source, &props.query, limit) }
            if props.open {
                <FactDetails deck={props.deck.clone()} fact={props.fact} id={details_id.clone()} />
            }
            <div class="card__actions">
                <button type="button" class="button button--quiet" aria-expanded={props.open.to_string()} aria-controls={details_id} onclick={toggle}>
                    { if props.open { "Hide details" } else { "Details" } }
                </button>
                { permalink(links.fact(fact.id.as_str()), fact.id.as_str(), &fact.title, &props.dispatch, &link_copied) }
                { source_link(&links, fact.id.as_str(), &fact.title, &props.dispatch) }
                { cite_fact(&props.deck, props.fact, &citing) }
            </div>
        </article>
    })
}

/// A date with its "inferred" mark and the source's own phrase.
pub fn date_html(date: &DateSpec) -> Html {
    html! {
        <>
            <time datetime={date.start.iso()}>{ date.to_string() }</time>
            if date.inferred {
                <span class="inferred">{ " inferred from “" }{ date.phrase.clone().unwrap_or_default() }{ "”" }</span>
            } else if let Some(p) = &date.phrase {
                <span class="phrase">{ format!(" (“{p}”)") }</span>
            }
        </>
    }
}

fn period_text(p: &DateSpec) -> String {
    if p.inferred {
        format!("{p} (inferred)")
    } else {
        p.to_string()
    }
}
