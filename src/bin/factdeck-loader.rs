//! The loader worker: reads, validates and indexes a visitor's own dataset file (or the
//! text of a `?data=` file) off the page's main thread, so that a 10 MB file never freezes
//! the page.
//!
//! Built by Trunk as a Web Worker (`data-type="worker"` in index.html) and started by the
//! page (`src/ui/loading/worker_client.rs`) only when a dataset is opened. It speaks the
//! typed protocol of `src/loader_protocol.rs`: says it is ready, takes one input, reports
//! progress, then answers with the deck (the validated `Dataset` and its `Index`, in
//! bincode pieces, their buffers transferred), the errors, or why it could not check.

use factdeck::loader_protocol::{deck_pieces, transfer_list, ToPage, ToWorker};
use factdeck_core::dataset;
use factdeck_core::model::format_number;
use factdeck_core::search::Index;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| handle(&reply, e.data()));
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The worker lives for one file; the handler lives as long as the worker.
    onmessage.forget();
    post(&scope, ToPage::Ready);
}

fn handle(scope: &DedicatedWorkerGlobalScope, input: JsValue) {
    let text = match ToWorker::decode(input) {
        Some(ToWorker::Text(text)) => text,
        Some(ToWorker::File(file)) => {
            post(scope, ToPage::Progress(format!("Reading {}…", megabytes(file.size()))));
            match web_sys::FileReaderSync::new().and_then(|r| r.read_as_text(&file)) {
                Ok(text) => text,
                Err(_) => return post(scope, ToPage::Failed("the file could not be read".into())),
            }
        }
        None => return post(scope, ToPage::Failed("not a file".into())),
    };
    // The file's name is shown by the page; errors name the dataset "your file".
    let value = match dataset::parse("file", &text) {
        Ok(value) => value,
        Err(errors) => return post(scope, ToPage::Errors(errors)),
    };
    drop(text);
    let n = dataset::fact_count(&value);
    post(scope, ToPage::Progress(format!("Checking {} facts…", format_number(n as f64))));
    let dataset = match dataset::load_value("file", &value, |_| None) {
        Ok(d) => d,
        Err(errors) => return post(scope, ToPage::Errors(errors)),
    };
    drop(value);
    post(scope, ToPage::Progress(format!("Indexing {} facts…", format_number(dataset.facts.len() as f64))));
    let index = Index::build(&dataset);
    match deck_pieces(&dataset, &index) {
        Ok((message, pieces)) => post_with(scope, ToPage::Deck(message), &pieces),
        Err(_) => post(scope, ToPage::Failed("the checked dataset could not be handed over".into())),
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, message: ToPage<JsValue>) {
    post_with(scope, message, &[]);
}

/// Posts `message`, transferring the buffers of its byte `pieces` rather than copying them.
fn post_with(scope: &DedicatedWorkerGlobalScope, message: ToPage<JsValue>, pieces: &[JsValue]) {
    // A failed post means the page is gone; there is no one left to tell.
    let _ = scope.post_message_with_transfer(&message.encode(), &transfer_list(pieces));
}

/// `9.6 MB`, `512 KB`.
fn megabytes(bytes: f64) -> String {
    factdeck_core::model::format_bytes(bytes.max(0.0) as u64)
}
