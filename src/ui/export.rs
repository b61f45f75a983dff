//! Download buttons: the facts of the current view as CSV or JSON, and the whole dataset
//! as JSON. The files are written by `factdeck_core::export`; this module hands them to
//! `browser::download`. A compiled dataset (`?data=DIR/`) first fetches the chunks holding
//! those facts, then the text files of the sources they quote, with progress and a Cancel
//! button; a file is never written from part of them.

use std::cell::Cell;
use std::rc::Rc;

use factdeck_core::dataset::Dataset;
use factdeck_core::export;
use factdeck_core::search::Ranked;
use yew::prelude::*;

use crate::ui::browser::{download, page_url};
use crate::ui::deck::Deck;

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    pub deck: Rc<Deck>,
    /// The view's matches (all of them, not only the rendered page); ranked in full only
    /// when a file is asked for, never on a keystroke.
    pub results: Ranked,
}

/// Which file a button asks for.
#[derive(Clone, Copy, PartialEq)]
enum Wanted {
    ViewCsv,
    ViewJson,
    Dataset,
}

/// A download of a compiled dataset's facts under way: files fetched of those needed.
#[derive(Clone, PartialEq)]
enum Job {
    Idle,
    Fetching { done: usize, of: usize },
    Failed(String),
}

#[function_component(ExportBar)]
pub fn export_bar(props: &ExportBarProps) -> Html {
    let job = use_state_eq(|| Job::Idle);
    let cancelled = use_mut_ref(|| Rc::new(Cell::new(false)));
    let n = props.results.len();
    let total = props.deck.size().0;
    let facts = if n == 1 { "the 1 fact shown".to_owned() } else { format!("the {n} facts shown") };
    let start = |wanted: Wanted| {
        let (deck, results, job, cancelled) = (props.deck.clone(), props.results.clone(), job.clone(), cancelled.clone());
        Callback::from(move |_: MouseEvent| {
            let facts: Vec<usize> = match wanted {
                Wanted::Dataset => (0..deck.size().0).collect(),
                _ => results.best_first(),
            };
            if deck.with_facts(&facts, |d, at| write(wanted, d, at)).is_some() {
                return;
            }
            let Some(remote) = deck.remote_store().cloned() else { return };
            let chunks = remote.compiled().chunks_for(&facts);
            let flag = Rc::new(Cell::new(false));
            *cancelled.borrow_mut() = flag.clone();
            let (deck, job) = (deck.clone(), job.clone());
            job.set(Job::Fetching { done: 0, of: chunks.len() });
            wasm_bindgen_futures::spawn_local(async move {
                let fetched = async {
                    if !remote.fetch_all(&chunks, |done| job.set(Job::Fetching { done, of: chunks.len() }), &flag).await? {
                        return Ok(false);
                    }
                    // Then the texts of the sources those chunks name.
                    let texts = {
                        let c = remote.compiled();
                        let sources: Vec<usize> = facts.iter().filter_map(|&i| Some(c.fact_and_source(i)?.0.source)).collect();
                        c.texts_for(&sources)
                    };
                    let of = chunks.len() + texts.len();
                    remote.fetch_all(&texts, |done| job.set(Job::Fetching { done: chunks.len() + done, of }), &flag).await
                };
                match fetched.await {
                    Ok(true) => {
                        job.set(Job::Idle);
                        deck.with_facts(&facts, |d, at| write(wanted, d, at));
                    }
                    Ok(false) => job.set(Job::Idle),
                    Err(e) => job.set(Job::Failed(format!("The download stopped: {e}"))),
                }
            });
        })
    };
    let cancel = {
        let (job, cancelled) = (job.clone(), cancelled.clone());
        Callback::from(move |_: MouseEvent| {
            cancelled.borrow().set(true);
            job.set(Job::Idle);
        })
    };
    let busy = matches!(*job, Job::Fetching { .. });
    html! {
        <div class="export" role="group" aria-labelledby="export-label">
            <span id="export-label" class="export__label">{ "Download" }</span>
            <button type="button" class="button button--quiet" onclick={start(Wanted::ViewCsv)} disabled={n == 0 || busy}
                aria-label={format!("Download {facts} as CSV")}>{ "CSV" }</button>
            <button type="button" class="button button--quiet" onclick={start(Wanted::ViewJson)} disabled={n == 0 || busy}
                aria-label={format!("Download {facts} as JSON")}>{ "JSON" }</button>
            <button type="button" class="button button--quiet" onclick={start(Wanted::Dataset)} disabled={busy}
                aria-label={format!("Download the whole dataset ({total} facts) as JSON")}>{ "Whole dataset" }</button>
            <span class="export__progress" aria-live="polite">
                { match &*job {
                    Job::Idle => Html::default(),
                    Job::Fetching { done, of } => html! {
                        <>
                            { format!("Fetching the facts: {done} of {of} files… ") }
                            <button type="button" class="button button--quiet" onclick={cancel}>{ "Cancel" }</button>
                        </>
                    },
                    Job::Failed(why) => html! { { why.clone() } },
                } }
            </span>
        </div>
    }
}

/// Writes the file `wanted` of facts `at` of `d` and hands it to the browser.
fn write(wanted: Wanted, d: &Dataset, at: &[usize]) {
    match wanted {
        Wanted::ViewCsv => {
            let text = export::csv(d, at, page_url().as_deref());
            download(&export::view_file_name(d, at.len(), "csv"), "text/csv;charset=utf-8", &text);
        }
        Wanted::ViewJson => download(&export::view_file_name(d, at.len(), "json"), "application/json", &export::json(d, at)),
        Wanted::Dataset => download(&export::dataset_file_name(d), "application/json", &export::json(d, at)),
    }
}
