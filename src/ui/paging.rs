//! Long result lists shown a page at a time, with a "Show more" button; shared by the card
//! list and the table.

use factdeck_core::search::Ranked;
use yew::prelude::*;

/// Cards rendered per page. A closed card is some 48 DOM nodes; rendering and laying out
/// more than a screenful per keystroke is what makes typing lag on large datasets, and so
/// does removing them (about 0.14 ms a card at 10k facts), hence 20 rather than 30. The
/// whole page renders in the task that answers the keystroke: rendering 6 cards before the
/// frame and the rest after it (until e3fd144) made the page quiet one frame later, which
/// a user waits for, so the split was dropped when keystrokes came to be measured until the
/// page is quiet (same-run A/B at 10k facts, loaded machine: DOM work p50 27.9 → 15.4 ms,
/// end-to-end p95 107 → 82 ms). Only a page's first list, drawn afresh, still opens in two
/// frames (a screenful, then the rest: `card_list::use_opening`): no keystroke waits on it,
/// and a visitor opening a dataset waits for its first frame.
pub const PAGE: usize = 20;

/// The part of a result list to show, and the button that shows the next page.
pub struct Pages {
    /// How many of the results to show.
    pub limit: usize,
    /// "Show N more of M", or nothing once every result is shown.
    pub more: Html,
}

/// One page of `results` at first (`first` results for a list that must start whole, such
/// as the prerendered page's), and one page again as soon as the results or their order
/// change: decided during the render, not in an effect, so that a keystroke renders the
/// list once.
#[hook]
pub fn use_pages(results: &Ranked, first: usize) -> Pages {
    let pages = use_state_eq(|| (results.clone(), first));
    let total = results.len();
    let limit = page_end(if pages.0 == *results { pages.1 } else { PAGE }, total);
    let remaining = total.saturating_sub(limit);
    let next = page_end(limit + PAGE, total) - limit;
    let more = if remaining > 0 {
        let results = results.clone();
        let onclick = Callback::from(move |_: MouseEvent| pages.set((results.clone(), limit + next)));
        html! {
            <button type="button" class="button show-more" {onclick}>
                { format!("Show {next} more of {remaining}") }
            </button>
        }
    } else {
        Html::default()
    };
    Pages { limit, more }
}

/// How many of `total` results to show when `wanted` are asked for: a last page shorter than
/// half a page joins the one before it, so that 25 results show at once rather than 20 and
/// a button for 5. The table pages the same way.
fn page_end(wanted: usize, total: usize) -> usize {
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
