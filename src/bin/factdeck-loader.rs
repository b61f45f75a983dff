//! The loader worker: reads, validates and indexes a visitor's own dataset file off the
//! page's main thread, so that a 10 MB file never freezes the page.
//!
//! Built by Trunk as a Web Worker (`data-type="worker"` in index.html) and started by
//! `src/ui/loader.rs` only when a visitor opens a file. Protocol (each message an array):
//! the worker posts `["ready"]` once it listens; the page then posts one `File` (or the
//! file's text, for a copy kept on this device); the worker answers with any number of
//! `["progress", text]`, then exactly one of `["deck", pieces]` (the validated `Dataset`
//! and its `Index`, bincode-encoded in pieces, see [`hand_over`], the buffers transferred), `["errors", [[record, field,
//! message], …]]` or `["failed", message]`. The page terminates it after that.

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
    post(&scope, &["ready".into()], None);
}

fn handle(scope: &DedicatedWorkerGlobalScope, input: JsValue) {
    let text = match input.as_string() {
        Some(text) => text,
        None => {
            let Ok(file) = input.dyn_into::<web_sys::Blob>() else {
                return post(scope, &["failed".into(), "not a file".into()], None);
            };
            post(scope, &["progress".into(), format!("Reading {}…", megabytes(file.size())).into()], None);
            match web_sys::FileReaderSync::new().and_then(|r| r.read_as_text(&file)) {
                Ok(text) => text,
                Err(_) => return post(scope, &["failed".into(), "the file could not be read".into()], None),
            }
        }
    };
    // The file's name is shown by the page; errors name the dataset "your file".
    let value = match dataset::parse("file", &text) {
        Ok(value) => value,
        Err(errors) => return post_errors(scope, &errors),
    };
    drop(text);
    let n = dataset::fact_count(&value);
    post(scope, &["progress".into(), format!("Checking {} facts…", format_number(n as f64)).into()], None);
    let dataset = match dataset::load_value("file", &value, |_| None) {
        Ok(d) => d,
        Err(errors) => return post_errors(scope, &errors),
    };
    drop(value);
    post(scope, &["progress".into(), format!("Indexing {} facts…", format_number(dataset.facts.len() as f64)).into()], None);
    let index = Index::build(&dataset);
    match hand_over(&dataset, &index) {
        Ok((message, buffers)) => post(scope, &["deck".into(), message.into()], Some(buffers)),
        Err(_) => post(scope, &["failed".into(), "the checked dataset could not be handed over".into()], None),
    }
}

/// Sources and facts per piece: each piece is decoded by the page in its own task, so that
/// no single task holds the page for long.
const SOURCES_PER_PIECE: usize = 100;
const FACTS_PER_PIECE: usize = 500;

/// `[header, [sources…], [facts…], index]`, each piece bincode in a `Uint8Array`, and the
/// list of their buffers (transferred, not copied).
fn hand_over(dataset: &dataset::Dataset, index: &Index) -> Result<(js_sys::Array, js_sys::Array), bincode::Error> {
    let buffers = js_sys::Array::new();
    let piece = |bytes: Vec<u8>| {
        let array = js_sys::Uint8Array::from(&bytes[..]);
        buffers.push(&array.buffer());
        JsValue::from(array)
    };
    let header = piece(bincode::serialize(&(&dataset.title, &dataset.description, &dataset.sectors))?);
    let sources: js_sys::Array =
        dataset.sources.chunks(SOURCES_PER_PIECE).map(|c| bincode::serialize(c).map(piece)).collect::<Result<_, _>>()?;
    let facts: js_sys::Array = dataset.facts.chunks(FACTS_PER_PIECE).map(|c| bincode::serialize(c).map(piece)).collect::<Result<_, _>>()?;
    let index = piece(bincode::serialize(index)?);
    Ok((js_sys::Array::of4(&header, &sources, &facts, &index), buffers))
}

fn post_errors(scope: &DedicatedWorkerGlobalScope, errors: &[dataset::DatasetError]) {
    let list: js_sys::Array = errors
        .iter()
        .map(|e| js_sys::Array::of3(&e.record.as_str().into(), &e.field.as_str().into(), &e.message.as_str().into()))
        .collect();
    post(scope, &["errors".into(), list.into()], None);
}

fn post(scope: &DedicatedWorkerGlobalScope, parts: &[JsValue], transfer: Option<js_sys::Array>) {
    let message: js_sys::Array = parts.iter().collect();
    // A failed post means the page is gone; there is no one left to tell.
    let _ = match transfer {
        Some(buffers) => scope.post_message_with_transfer(&message, &buffers),
        None => scope.post_message(&message),
    };
}

/// `9.6 MB`, `512 KB`.
fn megabytes(bytes: f64) -> String {
    factdeck_core::model::format_bytes(bytes.max(0.0) as u64)
}
