//! The result list, rendered a page at a time so large datasets stay responsive; the
//! result count shown elsewhere is always exact.

use std::rc::Rc;

use factdeck_core::search::{Query, Ranked};
use yew::prelude::*;

use crate::ui::cards::fact_card::{anchor, FactCard};
use crate::ui::deck::Deck;
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
}

#[function_component(CardList)]
pub fn card_list(props: &CardListProps) -> Html {
    // How many cards to show, and for which results: one page again as soon as the results
    // change (decided here, not in an effect, so that a keystroke renders the list once).
    // The prerendered page lists every card, so that it reads in full without JavaScript; its
    // adoption shows the same. Any later results start with one page.
    let first = if hydration::prerendered() { props.results.len().max(PAGE) } else { PAGE };
    let Pages { limit, more } = use_pages(&props.results, first);
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
            { more }
        </>
    }
}
