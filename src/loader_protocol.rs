//! What the page and its loader worker (`src/bin/factdeck-loader.rs`) say to each other,
//! typed, and the one place that turns it into the values posted between them.
//!
//! The worker posts `["ready"]` once it listens; the page then posts one [`ToWorker`] (a
//! `File`, or a dataset's text); the worker answers with any number of progress messages,
//! then exactly one deck, error list or failure ([`ToPage`]), and the page stops it. A
//! message to the page is an array `[tag, payload]`; a deck travels as bincode in pieces
//! ([`deck_pieces`]), their buffers transferred rather than copied, and the page decodes
//! one piece per task ([`read_deck`]) so that a large dataset never holds it for long.
//!
//! Encoding and decoding are written once, over [`Wire`]: `JsValue` between page and worker,
//! plain Rust values in the native tests.

use std::future::Future;

use factdeck_core::dataset::{Dataset, DatasetError};
use factdeck_core::model::{Fact, Sector, Source};
use factdeck_core::search::Index;
use wasm_bindgen::{JsCast, JsValue};

/// The form a message takes between page and worker: text, lists and bytes.
pub trait Wire: Sized + Clone {
    fn text(text: &str) -> Self;
    fn list(items: &[Self]) -> Self;
    fn bytes(bytes: &[u8]) -> Self;
    fn as_text(&self) -> Option<String>;
    /// How many items a list has; 0 for anything else.
    fn count(&self) -> u32;
    /// Item `i` of a list.
    fn item(&self, i: u32) -> Option<Self>;
    fn as_bytes(&self) -> Option<Vec<u8>>;
}

/// The tags, as the worker has always sent them (a worker cached by an older page still
/// speaks to this one).
const READY: &str = "ready";
const PROGRESS: &str = "progress";
const DECK: &str = "deck";
const ERRORS: &str = "errors";
const FAILED: &str = "failed";

/// A message from the worker to the page.
#[derive(Debug, PartialEq)]
pub enum ToPage<W> {
    /// The worker listens: post it the input.
    Ready,
    /// What the worker is doing, in words for the visitor.
    Progress(String),
    /// The validated dataset and its index, in pieces ([`deck_pieces`], [`read_deck`]).
    Deck(W),
    /// Why the dataset is not valid. Their `file` is not sent: the page names the file.
    Errors(Vec<DatasetError>),
    /// Why the input could not be checked at all.
    Failed(String),
}

/// Said when a message is not one of the above: a worker and page that do not match.
pub const NOT_UNDERSTOOD: &str = "the checker's answer was not understood";

impl<W: Wire> ToPage<W> {
    pub fn encode(self) -> W {
        let tagged = |tag: &str, payload: W| W::list(&[W::text(tag), payload]);
        match self {
            ToPage::Ready => W::list(&[W::text(READY)]),
            ToPage::Progress(what) => tagged(PROGRESS, W::text(&what)),
            ToPage::Deck(pieces) => tagged(DECK, pieces),
            ToPage::Errors(errors) => {
                let row = |e: &DatasetError| W::list(&[W::text(&e.record), W::text(&e.field), W::text(&e.message)]);
                tagged(ERRORS, W::list(&errors.iter().map(row).collect::<Vec<_>>()))
            }
            ToPage::Failed(why) => tagged(FAILED, W::text(&why)),
        }
    }

    /// Never fails: what it cannot read is a [`ToPage::Failed`] that says so.
    pub fn decode(message: &W) -> ToPage<W> {
        let tag = message.item(0).and_then(|t| t.as_text());
        let payload = message.item(1);
        let text = payload.as_ref().and_then(W::as_text);
        match (tag.as_deref(), payload) {
            (Some(READY), _) => ToPage::Ready,
            (Some(PROGRESS), _) => ToPage::Progress(text.unwrap_or_default()),
            (Some(DECK), Some(pieces)) => ToPage::Deck(pieces),
            (Some(ERRORS), Some(list)) => ToPage::Errors((0..list.count()).map(|i| error_from(list.item(i))).collect()),
            (Some(FAILED), _) => ToPage::Failed(text.unwrap_or_else(|| "the file could not be checked".into())),
            _ => ToPage::Failed(NOT_UNDERSTOOD.into()),
        }
    }
}

/// `[record, field, message]`.
fn error_from<W: Wire>(row: Option<W>) -> DatasetError {
    let cell = |i| row.as_ref().and_then(|r| r.item(i)).and_then(|c| c.as_text()).unwrap_or_default();
    DatasetError { file: String::new(), record: cell(0), field: cell(1), message: cell(2) }
}

/// Sources and facts per piece: each piece is decoded by the page in its own task, so that
/// no single task holds the page for long.
const SOURCES_PER_PIECE: usize = 100;
const FACTS_PER_PIECE: usize = 500;

/// `[header, [sources…], [facts…], index]`, each piece bincode bytes; and the pieces
/// alone, whose buffers the worker transfers rather than copies ([`transfer_list`]).
pub fn deck_pieces<W: Wire>(dataset: &Dataset, index: &Index) -> Result<(W, Vec<W>), bincode::Error> {
    let header = W::bytes(&bincode::serialize(&(&dataset.title, &dataset.description, &dataset.sectors))?);
    let mut sources = Vec::new();
    for chunk in dataset.sources.chunks(SOURCES_PER_PIECE) {
        sources.push(W::bytes(&bincode::serialize(chunk)?));
    }
    let mut facts = Vec::new();
    for chunk in dataset.facts.chunks(FACTS_PER_PIECE) {
        facts.push(W::bytes(&bincode::serialize(chunk)?));
    }
    let index = W::bytes(&bincode::serialize(index)?);
    let message = W::list(&[header.clone(), W::list(&sources), W::list(&facts), index.clone()]);
    let mut pieces = sources;
    pieces.extend(facts);
    pieces.extend([header, index]);
    Ok((message, pieces))
}

/// The deck [`deck_pieces`] made, awaiting `pause()` before each piece so that the page
/// may handle input and paint in between. `None` if any piece does not decode. The bytes
/// come from our own worker, which made them from a dataset the core validator accepted.
pub async fn read_deck<W: Wire, P: Future<Output = ()>>(pieces: &W, mut pause: impl FnMut() -> P) -> Option<(Dataset, Index)> {
    let bytes = |list: &W, i: u32| list.item(i).and_then(|piece| piece.as_bytes());
    let (title, description, sectors): (String, String, Vec<Sector>) = bincode::deserialize(&bytes(pieces, 0)?).ok()?;
    let (sources, facts) = (pieces.item(1)?, pieces.item(2)?);
    let mut all_sources: Vec<Source> = Vec::new();
    for i in 0..sources.count() {
        pause().await;
        all_sources.extend(bincode::deserialize::<Vec<Source>>(&bytes(&sources, i)?).ok()?);
    }
    let mut all_facts: Vec<Fact> = Vec::new();
    for i in 0..facts.count() {
        pause().await;
        all_facts.extend(bincode::deserialize::<Vec<Fact>>(&bytes(&facts, i)?).ok()?);
    }
    pause().await;
    let index: Index = bincode::deserialize(&bytes(pieces, 3)?).ok()?;
    pause().await;
    Some((Dataset { title, description, sectors, sources: all_sources, facts: all_facts }, index))
}

/// What the page gives the worker to check.
pub enum ToWorker {
    /// A file the visitor picked or dropped, read by the worker.
    File(web_sys::Blob),
    /// A dataset's text: fetched for `?data=`, or the copy kept on this device.
    Text(String),
}

impl ToWorker {
    pub fn encode(self) -> JsValue {
        match self {
            ToWorker::File(file) => file.into(),
            ToWorker::Text(text) => JsValue::from_str(&text),
        }
    }

    pub fn decode(input: JsValue) -> Option<ToWorker> {
        match input.as_string() {
            Some(text) => Some(ToWorker::Text(text)),
            None => input.dyn_into().ok().map(ToWorker::File),
        }
    }
}

impl Wire for JsValue {
    fn text(text: &str) -> Self {
        JsValue::from_str(text)
    }

    fn list(items: &[Self]) -> Self {
        js_sys::Array::of(items).into()
    }

    fn bytes(bytes: &[u8]) -> Self {
        js_sys::Uint8Array::from(bytes).into()
    }

    fn as_text(&self) -> Option<String> {
        self.as_string()
    }

    fn count(&self) -> u32 {
        self.dyn_ref::<js_sys::Array>().map_or(0, |a| a.length())
    }

    fn item(&self, i: u32) -> Option<Self> {
        self.dyn_ref::<js_sys::Array>().filter(|a| i < a.length()).map(|a| a.get(i))
    }

    fn as_bytes(&self) -> Option<Vec<u8>> {
        Some(js_sys::Uint8Array::new(self).to_vec())
    }
}

/// The buffers of byte pieces made by [`Wire::bytes`], to post them transferred.
pub fn transfer_list(pieces: &[JsValue]) -> js_sys::Array {
    pieces.iter().map(|p| p.unchecked_ref::<js_sys::Uint8Array>().buffer()).collect()
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    /// The wire as plain values, so that encoding and decoding run natively.
    #[derive(Debug, Clone, PartialEq)]
    enum Value {
        Text(String),
        List(Vec<Value>),
        Bytes(Vec<u8>),
        Number,
    }

    impl Wire for Value {
        fn text(text: &str) -> Self {
            Value::Text(text.into())
        }
        fn list(items: &[Self]) -> Self {
            Value::List(items.to_vec())
        }
        fn bytes(bytes: &[u8]) -> Self {
            Value::Bytes(bytes.to_vec())
        }
        fn as_text(&self) -> Option<String> {
            match self {
                Value::Text(t) => Some(t.clone()),
                _ => None,
            }
        }
        fn count(&self) -> u32 {
            match self {
                Value::List(items) => items.len() as u32,
                _ => 0,
            }
        }
        fn item(&self, i: u32) -> Option<Self> {
            match self {
                Value::List(items) => items.get(i as usize).cloned(),
                _ => None,
            }
        }
        fn as_bytes(&self) -> Option<Vec<u8>> {
            match self {
                Value::Bytes(b) => Some(b.clone()),
                _ => None,
            }
        }
    }

    fn text(t: &str) -> Value {
        Value::Text(t.into())
    }

    fn error(record: &str, field: &str, message: &str) -> DatasetError {
        DatasetError { file: String::new(), record: record.into(), field: field.into(), message: message.into() }
    }

    fn round_trip(message: ToPage<Value>) -> ToPage<Value> {
        ToPage::decode(&message.encode())
    }

    #[test]
    fn every_message_reads_back_as_it_was_sent() {
        let pieces = Value::List(vec![Value::Bytes(vec![1, 2, 3])]);
        let errors = vec![error("fact \"a\"", "quantity.unit", "unknown unit"), error("dataset", "", "no facts")];
        let messages = [
            ToPage::Ready,
            ToPage::Progress("Checking 1,200 facts…".into()),
            ToPage::Deck(pieces.clone()),
            ToPage::Errors(errors.clone()),
            ToPage::Failed("the file could not be read".into()),
        ];
        let expected = [
            ToPage::Ready,
            ToPage::Progress("Checking 1,200 facts…".into()),
            ToPage::Deck(pieces),
            ToPage::Errors(errors),
            ToPage::Failed("the file could not be read".into()),
        ];
        for (message, expected) in messages.into_iter().zip(expected) {
            assert_eq!(round_trip(message), expected);
        }
    }

    #[test]
    fn messages_keep_the_tags_a_worker_cached_by_an_older_page_sends() {
        assert_eq!(ToPage::<Value>::Ready.encode(), Value::List(vec![text("ready")]));
        assert_eq!(ToPage::<Value>::Progress("Reading…".into()).encode(), Value::List(vec![text("progress"), text("Reading…")]));
        assert_eq!(ToPage::<Value>::Failed("no".into()).encode(), Value::List(vec![text("failed"), text("no")]));
        assert_eq!(
            ToPage::<Value>::Errors(vec![error("dataset", "title", "missing")]).encode(),
            Value::List(vec![text("errors"), Value::List(vec![Value::List(vec![text("dataset"), text("title"), text("missing")])])])
        );
    }

    #[test]
    fn an_error_list_keeps_every_error_in_order_without_the_workers_file_name() {
        let sent =
            vec![error("fact \"b\"", "date", "not a date"), error("fact \"a\"", "quote", "not in the source"), error("dataset", "", "x")];
        let with_file: Vec<_> = sent.iter().map(|e| DatasetError { file: "file".into(), ..e.clone() }).collect();
        assert_eq!(round_trip(ToPage::Errors(with_file)), ToPage::Errors(sent));
        assert_eq!(round_trip(ToPage::Errors(Vec::new())), ToPage::Errors(Vec::new()));
    }

    #[test]
    fn an_unknown_tag_is_a_failure_that_says_the_checker_was_not_understood() {
        let unknown = Value::List(vec![text("dek"), Value::List(Vec::new())]);
        assert_eq!(ToPage::decode(&unknown), ToPage::Failed(NOT_UNDERSTOOD.into()));
        for garbage in [Value::List(Vec::new()), Value::Number, text("deck"), Value::List(vec![Value::Number, text("x")])] {
            assert_eq!(ToPage::decode(&garbage), ToPage::Failed(NOT_UNDERSTOOD.into()), "{garbage:?}");
        }
        // A deck or an error list without its payload is not understood either.
        assert_eq!(ToPage::decode(&Value::List(vec![text("deck")])), ToPage::Failed(NOT_UNDERSTOOD.into()));
        assert_eq!(ToPage::decode(&Value::List(vec![text("errors")])), ToPage::Failed(NOT_UNDERSTOOD.into()));
    }

    #[test]
    fn a_failure_without_words_still_says_the_file_could_not_be_checked() {
        assert_eq!(ToPage::decode(&Value::List(vec![text("failed")])), ToPage::Failed("the file could not be checked".into()));
    }

    /// The embedded dataset with its facts repeated until they fill three pieces.
    fn big_dataset() -> Dataset {
        let mut d = crate::data::load().expect("the embedded dataset");
        let facts = d.facts.clone();
        while d.facts.len() <= 2 * FACTS_PER_PIECE {
            d.facts.extend(facts.iter().cloned());
        }
        d
    }

    fn read(pieces: &Value, pauses: &Cell<usize>) -> Option<(Dataset, Index)> {
        futures::executor::block_on(read_deck(pieces, || {
            pauses.set(pauses.get() + 1);
            async {}
        }))
    }

    #[test]
    fn a_deck_arrives_whole_and_the_page_pauses_before_every_piece() {
        let dataset = big_dataset();
        let index = Index::build(&dataset);
        let (pieces, transferred): (Value, _) = deck_pieces(&dataset, &index).expect("encodes");
        let count = |i| pieces.item(i).map_or(0, |list| list.count() as usize);
        let (source_pieces, fact_pieces) = (count(1), count(2));
        assert_eq!(fact_pieces, dataset.facts.len().div_ceil(FACTS_PER_PIECE));
        assert!(fact_pieces >= 3);
        assert_eq!(transferred.len(), source_pieces + fact_pieces + 2, "every piece's bytes are transferred");
        assert!(transferred.iter().all(|b| matches!(b, Value::Bytes(_))));
        let pauses = Cell::new(0);
        let (read_dataset, read_index) = read(&pieces, &pauses).expect("decodes");
        assert_eq!(read_dataset, dataset);
        let bytes = |i: &Index| bincode::serialize(i).expect("encodes");
        assert_eq!(bytes(&read_index), bytes(&index));
        // One pause before each source and fact piece, one before the index, one after.
        assert_eq!(pauses.get(), source_pieces + fact_pieces + 2);
    }

    #[test]
    fn a_damaged_deck_is_not_read() {
        let dataset = crate::data::load().expect("the embedded dataset");
        let (pieces, _): (Value, _) = deck_pieces(&dataset, &Index::build(&dataset)).expect("encodes");
        let Value::List(mut parts) = pieces else { panic!("a list") };
        let Value::List(mut facts) = parts[2].clone() else { panic!("a list") };
        facts[0] = Value::Bytes(vec![1, 2, 3]);
        parts[2] = Value::List(facts);
        let pauses = Cell::new(0);
        assert!(read(&Value::List(parts.clone()), &pauses).is_none());
        parts.pop();
        assert!(read(&Value::List(parts), &pauses).is_none(), "a deck without its index");
    }
}
