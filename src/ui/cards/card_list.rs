//! The result list, rendered a page at a time so large datasets stay responsive; the
//! result count shown elsewhere is always exact.

use std::cell::Cell;
use std::rc::Rc;

use factdeck_core::facts::Facts;
use factdeck_core::search::{Query, Ranked};
use yew::prelude::*;

use crate::ui::browser;
use crate::ui::cards::fact_card::{anchor, FactCard};
use crate::ui::deck::{Answer, Deck};
use crate::ui::hydration;
use crate::ui::paging::{use_pages, Pages, PAGE};
use crate::ui::state::Action;

thread_local! {
    /// Whether a card list has been made on this page yet: only the first may open in two
    /// frames (`use_opening`).
    static FIRST_LIST: Cell<bool> = const { Cell::new(false) };
}

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
    // The page's first list, drawn afresh, shows a screenful of cards in its first frame.
    let opening = use_opening(props.open.is_some());
    let limit = match *opening {
        true => limit.min(screenful(browser::viewport())),
        false => limit,
    };
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
    {
        // Once that screenful has been drawn and its frame rendered, the rest of the page.
        let opening = opening.clone();
        use_effect_with(waiting, move |&waiting| {
            if *opening && !waiting {
                wasm_bindgen_futures::spawn_local(async move {
                    browser::after_next_frame(100).await;
                    opening.set(false);
                });
            }
        });
    }
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
            <div class="cards" ref={list} aria-busy={(*adopting || waiting || *opening).then_some("true")}>
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

/// Whether this list opens in two frames: a screenful of cards, then, once that frame has
/// been rendered, the rest of the page. Only the page's first list does, and only when it is
/// drawn afresh (a `?data=` page; a prerendered list is on screen already) with no card open
/// (`opened`: the open card is scrolled into view at once, and the rest of the page drawn
/// a frame later would push it out of view). That first frame is what a visitor opening a
/// dataset waits for, and laying out the cards below the fold with it made it later: a
/// static copy of a compiled dataset's first view, no script, painted in a median of 364 ms
/// with its 20 cards and 298 ms with all but the first 6 hidden (10 loads each, in turns,
/// on the 2-core bench machine). Later lists, such as a keystroke's, draw the whole page at
/// once (`paging::PAGE`).
#[hook]
fn use_opening(opened: bool) -> UseStateHandle<bool> {
    use_state_eq(|| {
        let first = !FIRST_LIST.with(|made| made.replace(true));
        first && !hydration::prerendered() && !opened
    })
}

/// About how many cards a viewport of `(width, height)` CSS pixels shows at once: the grid's
/// columns (at least 18rem each, 0.75rem apart, beside the 15rem filter column from 56rem
/// up: style.css, `.cards` and `.layout`) times the rows that a card of about 500 px starts
/// in. At least two cards, at most a page; a page when the size is unknown.
fn screenful(viewport: Option<(f64, f64)>) -> usize {
    const REM: f64 = 16.0;
    let Some((width, height)) = viewport.filter(|&(w, h)| w > 0.0 && h > 0.0) else {
        return PAGE;
    };
    // The layout is at most 80rem wide, with 1rem of padding each side and 1.5rem between
    // its columns.
    let list = match width >= 56.0 * REM {
        true => width.min(80.0 * REM) - 2.0 * REM - 15.0 * REM - 1.5 * REM,
        false => width - 2.0 * REM,
    };
    let columns = ((list + 0.75 * REM) / (18.75 * REM)).floor().max(1.0);
    let rows = (height / 500.0).ceil().max(1.0);
    ((columns * rows) as usize).clamp(2, PAGE)
}

#[cfg(test)]
mod tests {
    use super::{screenful, PAGE};

    #[test]
    fn a_screenful_is_the_cards_a_viewport_shows_at_once() {
        // The bench's 1280×900 desktop: three columns, two rows begun.
        assert_eq!(screenful(Some((1280.0, 900.0))), 6);
        // A phone: one column; never fewer than two cards.
        assert_eq!(screenful(Some((320.0, 568.0))), 2);
        assert_eq!(screenful(Some((320.0, 300.0))), 2);
        // The layout stops widening at 80rem: a large monitor has more rows, not columns,
        // and never more than a page.
        assert_eq!(screenful(Some((1920.0, 1080.0))), 9);
        assert_eq!(screenful(Some((1280.0, 5000.0))), PAGE);
        // Unknown or nonsensical sizes draw the whole page.
        assert_eq!(screenful(None), PAGE);
        assert_eq!(screenful(Some((0.0, 900.0))), PAGE);
        assert_eq!(screenful(Some((f64::NAN, 900.0))), PAGE);
    }
}
