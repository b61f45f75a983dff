//! One fact as an `<article>`: kind, status and date, title (its permalink), figure or
//! chart, summary, sectors and the verbatim source quote with a link to it in the source
//! text. Its other controls (details, permalink, copy link, cite) sit behind one "Actions"
//! button; opening the card shows every remaining field and those controls.

use std::rc::Rc;

use factdeck_core::facts::Facts;
use factdeck_core::model::{DateSpec, Fact};
use factdeck_core::search::Query;
use yew::prelude::*;

use crate::ui::cards::chart::chart;
use crate::ui::cards::cite_fact::{cite_fact, Citing};
use crate::ui::cards::fact_details::fact_details;
use crate::ui::cards::permalink::permalink;
use crate::ui::cards::source_link::{in_app, source_link};
use crate::ui::cards::source_quote::source_quote;
use crate::ui::deck::Deck;
use crate::ui::highlighted::highlighted;
use crate::ui::hydration::use_adopt_later;
use crate::ui::mode_focus::focus;
use crate::ui::state::Action;
use crate::ui::url_sync::use_links;

#[derive(Properties, PartialEq)]
pub struct FactCardProps {
    pub deck: Rc<Deck>,
    /// Index into the dataset's facts.
    pub fact: usize,
    pub query: Query,
    pub open: bool,
    pub dispatch: Callback<Action>,
}

/// Longest summary or quote a closed card shows, in characters. Every text of the built-in
/// dataset shows whole, since the prerendered page must read in full without scripts; long
/// texts of large datasets show an excerpt around the first match, whole once opened.
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
    let menu = use_state(|| false);
    let facts = props.deck.facts();
    // The card list renders a card once its fact and source are at hand (`Deck::at_hand`).
    let Some((fact, source)) = facts.quoting(props.fact) else {
        return Ok(Html::default());
    };
    let anchor = anchor(fact);
    let title_id = format!("{anchor}-title");
    let details_id = format!("{anchor}-details");
    let details_id_for_details = details_id.clone();
    let actions_id = format!("{anchor}-actions");
    let kind = fact.kind.slug();
    let drawn = chart(&facts, props.fact, &format!("{anchor}-chart"));
    // Long texts show an excerpt around the match; the open card shows them whole.
    let limit = (!props.open).then_some(EXCERPT_CHARS);
    let toggle = {
        let id = fact.id.to_string();
        let open = props.open;
        props.dispatch.reform(move |_: MouseEvent| Action::Open((!open).then(|| id.clone())))
    };
    // The card's title is its permalink: a click opens the card in place.
    let open_card = in_app(&props.dispatch, Action::Open(Some(fact.id.to_string())));
    let href = links.fact(fact.id.as_str());
    // A closed card carries one "Actions" button; its controls exist only while it is
    // open, so a keystroke that brings new cards makes and removes a few nodes per card,
    // not a toolbar each. An open card shows its controls directly.
    let actions = if props.open || *menu {
        let close_menu = {
            let (menu, button) = (menu.clone(), format!("#{}", menu_button_id(&anchor)));
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" && *menu {
                    menu.set(false);
                    focus(&button);
                }
            })
        };
        html! {
            <div id={actions_id.clone()} class="card__actions" onkeydown={close_menu}>
                <button type="button" class="button button--quiet" aria-expanded={props.open.to_string()} aria-controls={details_id} onclick={toggle}>
                    { if props.open { "Hide details" } else { "Details" } }
                </button>
                { permalink(href.clone(), fact.id.as_str(), &fact.title, &props.dispatch, &link_copied) }
                { cite_fact(&props.deck, props.fact, fact, &citing) }
            </div>
        }
    } else {
        Html::default()
    };
    let menu_button = (!props.open).then(|| {
        let onclick = {
            let menu = menu.clone();
            Callback::from(move |_: MouseEvent| menu.set(!*menu))
        };
        html! {
            <button type="button" id={menu_button_id(&anchor)} class="button button--quiet card__more" aria-expanded={menu.to_string()}
                aria-controls={actions_id.clone()} aria-label={format!("Actions for “{}”", fact.title)} {onclick}>
                { "Actions" }
            </button>
        }
    });
    Ok(html! {
        <article id={anchor.clone()} class={classes!("card", format!("card--{kind}"), props.open.then_some("card--open"))} aria-labelledby={title_id.clone()}>
            <p class="card__top">
                <span class={classes!("badge", format!("badge--{kind}"))}>{ fact.kind.label() }</span>
                if let Some(status) = fact.status {
                    <span class={classes!("status", format!("status--{}", status.slug()))}>{ status.label() }</span>
                }
                if let Some(date) = &fact.date {
                    <span class="card__date">{ date_html(date) }</span>
                }
            </p>
            <h3 id={title_id} class="card__title">
                <a href={href} onclick={open_card}>{ highlighted(&fact.title, &props.query, None) }</a>
            </h3>
            // The key figure or its chart: a closed card shows one of them, the open card both.
            if let Some(q) = fact.quantity.as_ref().filter(|_| props.open || drawn.is_none()) {
                <p class="card__figure">
                    <span class="card__figure-value">{ q.to_string() }</span>
                    <span class="card__figure-measure">{ q.measure.label() }</span>
                    if let Some(p) = &q.period {
                        <span class="card__figure-period">{ period_text(p) }</span>
                    }
                </p>
            }
            { for drawn }
            <p class="card__summary">{ highlighted(&fact.summary, &props.query, limit) }</p>
            <ul class="tags" aria-label="Sectors">
                { for fact.sectors.iter().map(|&s| html! { <li class="tag">{ &facts.sectors()[s].label }</li> }) }
            </ul>
            { source_quote(&fact.quote, source, &props.query, limit, source_link(&links, fact.id.as_str(), &fact.title, &props.dispatch)) }
            if props.open {
                { fact_details(fact, source, details_id_for_details) }
            }
            { for menu_button }
            { actions }
        </article>
    })
}

/// The id of a card's "Actions" button; focus returns there when its menu closes.
fn menu_button_id(anchor: &str) -> String {
    format!("{anchor}-more")
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
