//! The result list, rendered a page at a time so large datasets stay responsive; the
//! result count shown elsewhere is always exact.

use std::rc::Rc;

use factdeck_core::facts::Facts;
use factdeck_core::search::{Query, Ranked};
use yew::prelude::*;

use crate::ui::cards::fact_card::{anchor, FactCard};
use crate::ui::deck::{Answer, Deck};
use crate::ui::hydration;
use crate::ui::paging::{use_pages, Pages, PAGE};
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct CardListProps {
    pub deck: Rc<Deck>,
    /// The facts to list; never empty. Only the shown page is ranked (`Ranked::top`).
    pub results: Ranked,
    pub query: Query,
    pub open: Option<String>,
    /// Scroll the open card into view after rendering (it came from the URL).
    pub reveal: bool,
    pub dispatch: Callback<Action>,
    /// The deck's changes so far: a compiled dataset's facts arriving show their cards.
    pub generation: u32,
}

#[function_component(CardList)]
pub fn card_list(props: &CardListProps) -> Html {
    // How many cards to show, and for which results: one page again as soon as the results
    // change (decided here, not in an effect, so that a keystroke renders the list once).
    // The prerendered page lists every card, so that it reads in full without JavaScript; its
    // adoption shows the same. Any later results start with one page.
    let first = if hydration::prerendered() { props.results.len().max(PAGE) } else { PAGE };
    let Pages { limit, more } = use_pages(&props.results, first);
    // A compiled dataset finds the open card's fact first (`Deck::fact_index`).
    let open_index = match props.open.as_deref().map(|id| props.deck.fact_index(id)) {
        Some(Answer::Ready(found)) => found,
        _ => None,
    };
    {
        let target = open_index.filter(|_| props.reveal).and_then(|i| props.deck.facts().fact(i).map(anchor));
        use_effect_with(target, |target| {
            if let Some(el) = target.as_ref().and_then(|id| gloo::utils::document().get_element_by_id(id)) {
                el.scroll_into_view();
            }
        });
    }
    // Only the shown page is ranked; the open card is always rendered, even when it lies
    // beyond the current page.
    let shown = use_memo((props.results.clone(), limit, open_index), |(results, count, open)| {
        let mut shown = results.top(*count);
        if let Some(open) = open.filter(|&o| results.contains(o) && !shown.contains(&o)) {
            shown.push(open);
        }
        shown
    });
    // A compiled dataset's cards show once their facts have arrived; until then a
    // placeholder keeps each one's place.
    let fetched = props.deck.at_hand(&shown);
    let waiting = fetched == Answer::Waiting;
    let facts = props.deck.facts();
    // While the prerendered cards adopt their nodes, one task each (hydration.rs), the list
    // says it is busy.
    let adopting = use_state_eq(hydration::active);
    // Only a prerendered list needs a `<Suspense>`: its cards suspend while they wait their
    // turn to adopt. A list drawn afresh keeps its cards as its own children, so that one
    // render of the list both clears its busy mark and draws the cards that were waiting:
    // a `<Suspense>` draws its children in a later step, which Yew's scheduler may put off
    // to a later task, and a frame then showed a list no longer busy, its cards not drawn.
    let suspends = *use_memo((), |_| hydration::prerendered());
    let list = use_node_ref();
    {
        let (adopting, list) = (adopting.clone(), list.clone());
        use_effect_with((), move |_| {
            if *adopting {
                hydration::when_adopted(list, move || adopting.set(false));
            }
        });
    }
    let cards: Html = shown
        .iter()
        .map(|&f| match complete(&facts, f) {
            true => html! {
                <FactCard key={f} deck={props.deck.clone()} fact={f} query={props.query.clone()}
                    open={Some(f) == open_index} dispatch={props.dispatch.clone()} />
            },
            false => html! { <div key={f} class="card card--pending" aria-hidden="true"></div> },
        })
        .collect();
    html! {
        <>
            if let Answer::Failed(e) = fetched {
                <p class="empty" role="alert">{ format!("Some of these cards could not be read: {}: {}", e.file, e.message) }</p>
            }
            <div class="cards" ref={list} aria-busy={(*adopting || waiting).then_some("true")}>
                if suspends {
                    <Suspense>{ cards }</Suspense>
                } else {
                    { cards }
                }
            </div>
            { more }
        </>
    }
}

/// Whether fact `f`, its source and the fact its chart compares with are all at hand: its
/// card then renders whole, once.
fn complete(facts: &impl Facts, f: usize) -> bool {
    facts.quoting(f).is_some_and(|(x, _)| x.compare_with.is_none_or(|c| facts.fact(c).is_some()))
}
