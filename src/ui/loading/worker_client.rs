//! The page's side of the loader worker (`src/bin/factdeck-loader.rs`): starts it for one
//! dataset, hands it the input once it is ready, turns its messages (`loader_protocol`)
//! into [`JobEvent`]s, and stops it when dropped.

use std::cell::Cell;
use std::rc::Rc;

use factdeck_core::dataset::DatasetError;
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

use crate::loader_protocol::{read_deck, ToPage, ToWorker};
use crate::ui::browser;
use crate::ui::deck::Deck;

/// The worker's script, next to index.html (Trunk names workers after their binary).
const WORKER_URL: &str = "factdeck-loader_loader.js";

/// Where the single-file build (`scripts/single-file.mjs`), which carries the worker inline,
/// puts its `blob:` URL; `WORKER_URL` when absent.
const INLINE_WORKER: &str = "factdeckLoaderUrl";

/// Why no dataset can be checked when the worker does not start.
const NO_CHECKER: &str = "the dataset checker could not start: it is downloaded when first needed, so check that this device is online";

/// What a job tells the page.
pub enum JobEvent {
    Progress(String),
    Deck(Rc<Deck>),
    Errors(Vec<DatasetError>),
    Failed(String),
}

/// One running check of a dataset. Dropping it stops the worker.
pub struct Job {
    worker: web_sys::Worker,
    _listeners: [EventListener; 2],
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Job {
    /// Starts a worker on `input`. `None` if it cannot start, which `on_event` has been
    /// told (as a failure) by then.
    pub fn spawn(input: ToWorker, on_event: Rc<dyn Fn(JobEvent)>) -> Option<Job> {
        let url = js_sys::Reflect::get(&js_sys::global(), &INLINE_WORKER.into()).ok().and_then(|u| u.as_string());
        let Ok(worker) = web_sys::Worker::new(url.as_deref().unwrap_or(WORKER_URL)) else {
            on_event(JobEvent::Failed(NO_CHECKER.into()));
            return None;
        };
        let input = input.encode();
        let ready = Rc::new(Cell::new(false));
        let on_message = {
            let (worker, ready, on_event) = (worker.clone(), ready.clone(), on_event.clone());
            EventListener::new(&worker.clone(), "message", move |e| {
                let Some(message) = e.dyn_ref::<web_sys::MessageEvent>() else { return };
                match ToPage::decode(&message.data()) {
                    ToPage::Ready => {
                        ready.set(true);
                        if worker.post_message(&input).is_err() {
                            on_event(JobEvent::Failed("the file could not be handed to the checker".into()));
                        }
                    }
                    ToPage::Progress(what) => on_event(JobEvent::Progress(what)),
                    ToPage::Deck(pieces) => {
                        let on_event = on_event.clone();
                        wasm_bindgen_futures::spawn_local(async move { on_event(deck_from(&pieces).await) });
                    }
                    ToPage::Errors(errors) => on_event(JobEvent::Errors(errors)),
                    ToPage::Failed(why) => on_event(JobEvent::Failed(why)),
                }
            })
        };
        let on_error = EventListener::new(&worker, "error", move |_| {
            on_event(JobEvent::Failed(if ready.get() { "the checker stopped unexpectedly" } else { NO_CHECKER }.into()));
        });
        Some(Job { worker, _listeners: [on_message, on_error] })
    }
}

/// The deck in `pieces`, decoded one piece per task (the page stays responsive while a
/// large dataset arrives).
async fn deck_from(pieces: &JsValue) -> JobEvent {
    match read_deck(pieces, browser::next_task).await {
        Some((dataset, index)) => JobEvent::Deck(Rc::new(Deck::with_index(dataset, index))),
        None => JobEvent::Failed("the checked dataset could not be read back".into()),
    }
}
