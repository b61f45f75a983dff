//! The result list, rendered a page at a time so large datasets stay responsive; the
//! result count shown elsewhere is always exact.

use std::rc::Rc;

use factdeck_core::search::Query;
use yew::prelude::*;

use super::app::Deck;
use super::fact_card::{anchor, FactCard};
use super::state::Action;

/// Cards rendered per page. Each card is some 60 DOM nodes; rendering and laying out more
/// than a screenful per keystroke is what makes typing lag on large datasets.
pub const PAGE: usize = 30;

#[derive(Properties, PartialEq)]
pub struct CardListProps {
    pub deck: Rc<Deck>,
    /// Fact indices, best first; never empty.
    pub results: Vec<usize>,
    pub query: Query,
    pub open: Option<String>,
    /// Scroll the open card into view after rendering (it came from the URL).
    pub reveal: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(CardList)]
pub fn card_list(props: &CardListProps) -> Html {
    // Back to one page whenever the results change; `_eq` so that resetting an unchanged
    // limit does not render the list a second time.
    let limit = use_state_eq(|| PAGE);
    {
        let limit = limit.clone();
        use_effect_with(props.results.clone(), move |_| limit.set(PAGE));
    }
    let open_index = props.open.as_deref().and_then(|id| props.deck.dataset.fact_index(id));
    {
        let target = open_index.filter(|_| props.reveal).map(|i| anchor(&props.deck.dataset.facts[i]));
        use_effect_with(target, |target| {
            if let Some(el) = target.as_ref().and_then(|id| gloo::utils::document().get_element_by_id(id)) {
                el.scroll_into_view();
            }
        });
    }
    // The open card is always rendered, even when it lies beyond the current page.
    let shown: Vec<usize> = props
        .results
        .iter()
        .copied()
        .enumerate()
        .filter(|&(pos, f)| pos < *limit || Some(f) == open_index)
        .map(|(_, f)| f)
        .collect();
    let remaining = props.results.len().saturating_sub(*limit);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    html! {
        <>
            <div class="cards">
                { for shown.into_iter().map(|f| html! {
                    <FactCard key={f} deck={props.deck.clone()} fact={f} query={props.query.clone()}
                        open={Some(f) == open_index} dispatch={props.dispatch.clone()} />
                }) }
            </div>
            if remaining > 0 {
                <button type="button" class="button show-more" onclick={more}>
                    { format!("Show {} more of {remaining}", remaining.min(PAGE)) }
                </button>
            }
        </>
    }
}
