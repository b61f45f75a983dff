//! Download buttons: the facts of the current view as CSV or JSON, and the whole dataset
//! as JSON. The files are written by `factdeck_core::export`; this module only hands them
//! to `browser::download`. A plain function: it holds no state (see `source_link` on why
//! not a component).

use std::rc::Rc;

use factdeck_core::export;
use factdeck_core::search::Ranked;
use yew::prelude::*;

use crate::ui::browser::{download, page_url};
use crate::ui::deck::Deck;

/// The buttons for `results`, the view's matches in `deck` (all of them, not only the
/// rendered page); ranked in full only when a file is asked for, never on a keystroke.
pub fn export_bar(deck: &Rc<Deck>, results: &Ranked) -> Html {
    let n = results.len();
    let total = deck.dataset.facts.len();
    let facts = if n == 1 { "the 1 fact shown".to_owned() } else { format!("the {n} facts shown") };
    let view_csv = {
        let (deck, results) = (deck.clone(), results.clone());
        Callback::from(move |_: MouseEvent| {
            let (d, results) = (&deck.dataset, results.best_first());
            let text = export::csv(d, &results, page_url().as_deref());
            download(&export::view_file_name(d, results.len(), "csv"), "text/csv;charset=utf-8", &text);
        })
    };
    let view_json = {
        let (deck, results) = (deck.clone(), results.clone());
        Callback::from(move |_: MouseEvent| {
            let (d, results) = (&deck.dataset, results.best_first());
            download(&export::view_file_name(d, results.len(), "json"), "application/json", &export::json(d, &results));
        })
    };
    let all_json = {
        let deck = deck.clone();
        Callback::from(move |_: MouseEvent| {
            let d = &deck.dataset;
            let all: Vec<usize> = (0..d.facts.len()).collect();
            download(&export::dataset_file_name(d), "application/json", &export::json(d, &all));
        })
    };
    html! {
        <div class="export" role="group" aria-labelledby="export-label">
            <span id="export-label" class="export__label">{ "Download" }</span>
            <button type="button" class="button button--quiet" onclick={view_csv} disabled={n == 0}
                aria-label={format!("Download {facts} as CSV")}>{ "CSV" }</button>
            <button type="button" class="button button--quiet" onclick={view_json} disabled={n == 0}
                aria-label={format!("Download {facts} as JSON")}>{ "JSON" }</button>
            <button type="button" class="button button--quiet" onclick={all_json}
                aria-label={format!("Download the whole dataset ({total} facts) as JSON")}>{ "Whole dataset" }</button>
        </div>
    }
}
