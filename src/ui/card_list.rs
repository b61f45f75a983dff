//! The result list, rendered a page at a time so large datasets stay responsive; the
//! result count shown elsewhere is always exact.

use std::rc::Rc;

use factdeck_core::search::{Query, Ranked};
use yew::prelude::*;

use super::app::Deck;
use super::fact_card::{anchor, FactCard};
use super::hydration;
use super::state::Action;

/// Cards rendered per page. A closed card is some 48 DOM nodes; rendering and laying out
/// more than a screenful per keystroke is what makes typing lag on large datasets, and so
/// does removing them (about 0.14 ms a card at 10k facts), hence 20 rather than 30. The
/// whole page renders in the task that answers the keystroke: rendering 6 cards before the
/// frame and the rest after it (until e3fd144) made the page quiet one frame later, which
/// a user waits for, so the split was dropped when keystrokes came to be measured until the
/// page is quiet (same-run A/B at 10k facts, loaded machine: DOM work p50 27.9 → 15.4 ms,
/// end-to-end p95 107 → 82 ms).
pub const PAGE: usize = 20;

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
}

#[function_component(CardList)]
pub fn card_list(props: &CardListProps) -> Html {
    // How many cards to show, and for which results: one page again as soon as the results
    // change (decided here, not in an effect, so that a keystroke renders the list once).
    // The prerendered page lists every card, so that it reads in full without JavaScript; its
    // adoption shows the same. Any later results start with one page.
    let first = if hydration::prerendered() { props.results.len().max(PAGE) } else { PAGE };
    let pages = use_state_eq(|| (props.results.clone(), first));
    let total = props.results.len();
    let limit = page_end(if pages.0 == props.results { pages.1 } else { PAGE }, total);
    let open_index = props.open.as_deref().and_then(|id| props.deck.dataset.fact_index(id));
    {
        let target = open_index.filter(|_| props.reveal).map(|i| anchor(&props.deck.dataset.facts[i]));
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
    let remaining = total.saturating_sub(limit);
    let next = page_end(limit + PAGE, total) - limit;
    let more = {
        let results = props.results.clone();
        Callback::from(move |_: MouseEvent| pages.set((results.clone(), limit + next)))
    };
    // While the prerendered cards adopt their nodes, one task each (hydration.rs), the list
    // says it is busy.
    let adopting = use_state_eq(hydration::active);
    let list = use_node_ref();
    {
        let (adopting, list) = (adopting.clone(), list.clone());
        use_effect_with((), move |_| {
            if *adopting {
                hydration::when_adopted(list, move || adopting.set(false));
            }
        });
    }
    html! {
        <>
            <div class="cards" ref={list} aria-busy={adopting.then_some("true")}>
                <Suspense>
                    { for shown.iter().map(|&f| html! {
                        <FactCard key={f} deck={props.deck.clone()} fact={f} query={props.query.clone()}
                            open={Some(f) == open_index} dispatch={props.dispatch.clone()} />
                    }) }
                </Suspense>
            </div>
            if remaining > 0 {
                <button type="button" class="button show-more" onclick={more}>
                    { format!("Show {next} more of {remaining}") }
                </button>
            }
        </>
    }
}

/// How many of `total` results to show when `wanted` are asked for: a last page shorter than
/// half a page joins the one before it, so that 25 results show at once rather than 20 and
/// a button for 5. The table pages the same way.
pub fn page_end(wanted: usize, total: usize) -> usize {
    if total <= wanted + PAGE / 2 {
        total
    } else {
        wanted
    }
}

#[cfg(test)]
mod tests {
    use super::{page_end, PAGE};

    #[test]
    fn a_short_last_page_joins_the_one_before() {
        // The built-in 25 facts show at once; 31 do not.
        assert_eq!(page_end(PAGE, 25), 25);
        assert_eq!(page_end(PAGE, PAGE + PAGE / 2), PAGE + PAGE / 2);
        assert_eq!(page_end(PAGE, PAGE + PAGE / 2 + 1), PAGE);
        // Asking for more never shows more than there are, nor fewer than asked.
        assert_eq!(page_end(3 * PAGE, 70), 70);
        assert_eq!(page_end(3 * PAGE, 75), 3 * PAGE);
        assert_eq!(page_end(2 * PAGE, 75), 2 * PAGE);
        assert_eq!(page_end(PAGE, 7), 7);
        assert_eq!(page_end(PAGE, 0), 0);
    }
}
