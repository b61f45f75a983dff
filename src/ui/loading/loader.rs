//! Which dataset the explorer shows: the embedded one, a same-origin JSON file named by
//! `?data=path.json`, or the visitor's own file (`?data=local`).
//!
//! A visitor's file, or the text fetched for `?data=`, is read, validated (the same core
//! validator as at build time) and indexed by the loader worker
//! (`src/bin/factdeck-loader.rs`), off the main thread, while the page stays usable and
//! shows progress: the page's own wasm holds no JSON parser and no validator. A visitor's
//! file is never sent anywhere; it is kept on this device only when they ask (`own_store`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use factdeck_core::dataset::{Dataset, DatasetError};
use factdeck_core::model::{Fact, Sector, Source};
use factdeck_core::search::Index;
use factdeck_core::url_state::{render, ViewState, LOCAL_DATA};
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::ui::browser;
use crate::ui::deck::Deck;
use crate::ui::loading::own_store::{self, Saved};
use crate::ui::url_sync::initial_view;

/// The worker's script, next to index.html (Trunk names workers after their binary).
const WORKER_URL: &str = "factdeck-loader_loader.js";

/// Where the single-file build (`scripts/single-file.mjs`), which carries the worker inline,
/// puts its `blob:` URL; `WORKER_URL` when absent.
const INLINE_WORKER: &str = "factdeckLoaderUrl";

/// What the page shows.
#[derive(Clone, PartialEq)]
pub enum Shown {
    /// A dataset is being fetched or restored, and there is nothing else to show meanwhile.
    Loading(String),
    Deck {
        deck: Rc<Deck>,
        origin: Origin,
    },
    /// The dataset could not be opened. `name` is the file as the visitor knows it.
    Errors {
        name: String,
        own: bool,
        errors: Rc<Vec<DatasetError>>,
    },
    /// `?data=local`, but no copy of a dataset is kept on this device.
    Missing,
}

#[derive(Clone, PartialEq)]
pub enum Origin {
    Embedded,
    /// `?data=path.json`.
    Site,
    Own(Rc<OwnFile>),
}

/// A visitor's dataset file, as opened: its name and size, and what to keep it from.
#[derive(PartialEq)]
pub struct OwnFile {
    pub name: String,
    pub bytes: f64,
    source: OwnSource,
}

#[derive(PartialEq)]
enum OwnSource {
    /// Picked or dropped: read again only if the visitor asks to keep it.
    Picked(web_sys::Blob),
    /// Restored from this device's storage.
    Kept,
}

/// Everything the dataset controls show.
#[derive(Clone, PartialEq)]
pub struct DeckModel {
    pub shown: Shown,
    /// While a file is opened with the explorer still usable: what is happening.
    pub busy: Option<String>,
    /// The dataset kept on this device, if any.
    pub saved: Option<Saved>,
    /// The answer to the last "keep" request, when it needs words (e.g. too big to keep).
    pub note: Option<String>,
    job: u32,
    builtin: Shown,
}

impl DeckModel {
    /// True when the dataset shown is the visitor's and the copy kept is this one.
    pub fn shown_is_kept(&self) -> bool {
        match (&self.shown, &self.saved) {
            (Shown::Deck { origin: Origin::Own(f), .. }, Some(s)) => s.name == f.name && s.bytes == f.bytes,
            _ => false,
        }
    }
}

pub enum DeckAction {
    Show(Shown),
    /// Job `id` starts; `page` when it replaces the page rather than running beside it.
    Start {
        id: u32,
        what: String,
        page: bool,
    },
    Progress(u32, String),
    Finished(u32, Shown),
    Cancel,
    Saved(Option<Saved>, Option<String>),
}

impl Reducible for DeckModel {
    type Action = DeckAction;

    fn reduce(self: Rc<Self>, action: DeckAction) -> Rc<Self> {
        let mut m = (*self).clone();
        match action {
            DeckAction::Show(shown) => {
                m.shown = shown;
                m.busy = None;
                m.job += 1;
            }
            DeckAction::Start { id, what, page } => {
                m.job = id;
                m.note = None;
                if page {
                    m.shown = Shown::Loading(what);
                } else {
                    m.busy = Some(what);
                }
            }
            DeckAction::Progress(id, what) if id == m.job => match &mut m.shown {
                Shown::Loading(w) => *w = what,
                _ => m.busy = Some(what),
            },
            DeckAction::Finished(id, shown) if id == m.job => {
                m.shown = shown;
                m.busy = None;
            }
            DeckAction::Progress(..) | DeckAction::Finished(..) => return self,
            DeckAction::Cancel => {
                m.job += 1;
                m.busy = None;
                if matches!(m.shown, Shown::Loading(_)) {
                    m.shown = m.builtin.clone();
                }
            }
            DeckAction::Saved(saved, note) => {
                m.saved = saved;
                m.note = note;
            }
        }
        Rc::new(m)
    }
}

/// What a visitor can do about datasets.
#[derive(Clone, PartialEq)]
pub enum Command {
    /// Open a picked or dropped file.
    Open(web_sys::File),
    /// Open the copy kept on this device.
    OpenSaved,
    /// Stop opening a file.
    Cancel,
    /// Show the built-in dataset again.
    BuiltIn,
    /// Keep the shown dataset on this device (`true`) or forget the kept copy (`false`).
    Keep(bool),
}

/// The dataset to show, and how to change it. The first render always has the embedded
/// dataset, whatever `path` says: it must match the page prerendered at build time, which it
/// hydrates. Loading what the URL asks for starts right after.
#[hook]
pub fn use_decks(path: Option<String>) -> (UseReducerHandle<DeckModel>, Callback<Command>) {
    let model = use_reducer(|| {
        let builtin = PREPARED.with(|p| p.take()).unwrap_or_else(builtin);
        DeckModel { shown: builtin.clone(), busy: None, saved: None, note: None, job: 0, builtin }
    });
    let jobs = use_mut_ref(|| Jobs { next: 1, running: None });
    // Rebuilt on every render: commands read the model as it is now.
    let command = {
        let (model, jobs) = (model.clone(), jobs.clone());
        Callback::from(move |cmd: Command| run(&model, &jobs, cmd))
    };
    {
        let (model, jobs) = (model.clone(), jobs.clone());
        // In a task after the render: reading storage can wait for the page to be adopted.
        use_effect_with(path.clone(), move |_| {
            browser::in_next_task(move || {
                let saved = own_store::saved();
                model.dispatch(DeckAction::Saved(saved.clone(), None));
                match path.as_deref() {
                    None => {}
                    Some(LOCAL_DATA) => match (saved, own_store::text()) {
                        (Some(saved), Some(text)) => {
                            let file = OwnFile { name: saved.name, bytes: saved.bytes, source: OwnSource::Kept };
                            open(&model, &jobs, JsValue::from_str(&text), file, true);
                        }
                        _ => model.dispatch(DeckAction::Show(Shown::Missing)),
                    },
                    Some(path) => fetch_site_dataset(&model, &jobs, path.to_owned()),
                }
            })
        });
    }
    (model, command)
}

thread_local! {
    /// The built-in dataset, parsed and indexed ahead of the first render (`prepare`).
    static PREPARED: Cell<Option<Shown>> = const { Cell::new(None) };
}

/// The built-in dataset, ready to show (or its errors).
fn builtin() -> Shown {
    match crate::data::load() {
        Ok(d) => Shown::Deck { deck: Rc::new(Deck::new(d)), origin: Origin::Embedded },
        Err(errors) => Shown::Errors { name: "the built-in dataset".into(), own: false, errors: Rc::new(errors) },
    }
}

/// Parses and indexes the built-in dataset now, so that the first render, which adopts the
/// prerendered page, need not: the two then run in separate tasks (`main`).
pub fn prepare() {
    PREPARED.with(|p| p.set(Some(builtin())));
}

struct Jobs {
    next: u32,
    running: Option<Job>,
}

fn run(model: &UseReducerHandle<DeckModel>, jobs: &Rc<RefCell<Jobs>>, cmd: Command) {
    match cmd {
        Command::Open(file) => {
            let own = OwnFile { name: file.name(), bytes: file.size(), source: OwnSource::Picked(file.clone().into()) };
            open(model, jobs, file.into(), own, false);
        }
        Command::OpenSaved => match (own_store::saved(), own_store::text()) {
            (Some(saved), Some(text)) => {
                let own = OwnFile { name: saved.name, bytes: saved.bytes, source: OwnSource::Kept };
                open(model, jobs, JsValue::from_str(&text), own, false);
            }
            _ => model.dispatch(DeckAction::Saved(None, Some("The kept copy is gone from this device.".into()))),
        },
        Command::Cancel => {
            jobs.borrow_mut().running = None;
            model.dispatch(DeckAction::Cancel);
            if matches!(model.shown, Shown::Loading(_)) {
                go_to(&ViewState::default());
            }
        }
        Command::BuiltIn => {
            jobs.borrow_mut().running = None;
            if initial_view().data.is_some() {
                go_to(&ViewState::default());
            }
            model.dispatch(DeckAction::Show(model.builtin.clone()));
        }
        Command::Keep(false) => {
            own_store::forget();
            model.dispatch(DeckAction::Saved(None, None));
        }
        Command::Keep(true) => {
            let Shown::Deck { origin: Origin::Own(file), .. } = &model.shown else { return };
            let file = file.clone();
            let model = model.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = match &file.source {
                    OwnSource::Kept => own_store::text(),
                    OwnSource::Picked(blob) => JsFuture::from(blob.text()).await.ok().and_then(|t| t.as_string()),
                };
                let outcome = match text {
                    Some(text) => own_store::keep(&file.name, file.bytes, &text),
                    None => Err("The file could not be read again to keep it.".to_owned()),
                };
                match outcome {
                    Ok(saved) => model.dispatch(DeckAction::Saved(Some(saved), None)),
                    Err(why) => model.dispatch(DeckAction::Saved(own_store::saved(), Some(why))),
                }
            });
        }
    }
}

/// Starts checking a visitor's dataset (`input` is a `File` or its text) in the worker.
fn open(model: &UseReducerHandle<DeckModel>, jobs: &Rc<RefCell<Jobs>>, input: JsValue, file: OwnFile, page: bool) {
    let what = if page { format!("Opening your dataset “{}”…", file.name) } else { format!("Opening “{}”…", file.name) };
    let id = begin(model, jobs, what, page);
    let file = Rc::new(file);
    check(model, jobs, id, input, move |outcome| match outcome {
        Ok(deck) => {
            let view = initial_view();
            if view.data.as_deref() != Some(LOCAL_DATA) {
                go_to(&ViewState { data: Some(LOCAL_DATA.into()), ..ViewState::default() });
            }
            Shown::Deck { deck, origin: Origin::Own(file.clone()) }
        }
        Err(errors) => Shown::Errors { name: file.name.clone(), own: true, errors: Rc::new(errors) },
    });
}

/// Numbers a new job (any running one stops) and says what it does.
fn begin(model: &UseReducerHandle<DeckModel>, jobs: &Rc<RefCell<Jobs>>, what: String, page: bool) -> u32 {
    let id = {
        let mut j = jobs.borrow_mut();
        j.next += 1;
        j.running = None;
        j.next
    };
    model.dispatch(DeckAction::Start { id, what, page });
    id
}

/// Job `id`: the worker checks `input` (a `File` or a dataset's text); `done` says what to
/// show for its deck or its errors.
fn check(
    model: &UseReducerHandle<DeckModel>,
    jobs: &Rc<RefCell<Jobs>>,
    id: u32,
    input: JsValue,
    done: impl Fn(Result<Rc<Deck>, Vec<DatasetError>>) -> Shown + 'static,
) {
    if jobs.borrow().next != id {
        return;
    }
    let on_event = {
        let (model, jobs) = (model.clone(), jobs.clone());
        Rc::new(move |event: JobEvent| {
            if jobs.borrow().next != id {
                return;
            }
            let shown = match event {
                JobEvent::Progress(what) => return model.dispatch(DeckAction::Progress(id, what)),
                JobEvent::Deck(deck) => done(Ok(deck)),
                JobEvent::Errors(errors) => done(Err(errors)),
                JobEvent::Failed(why) => done(Err(vec![problem(&why)])),
            };
            jobs.borrow_mut().running = None;
            model.dispatch(DeckAction::Finished(id, shown));
        }) as Rc<dyn Fn(JobEvent)>
    };
    let job = Job::spawn(input, on_event);
    jobs.borrow_mut().running = job;
}

fn problem(message: &str) -> DatasetError {
    DatasetError { file: String::new(), record: "dataset".into(), field: String::new(), message: message.to_owned() }
}

/// Writes `view` to the address bar as a new history entry.
fn go_to(view: &ViewState) {
    browser::set_query(&render(view), true);
}

enum JobEvent {
    Progress(String),
    Deck(Rc<Deck>),
    Errors(Vec<DatasetError>),
    Failed(String),
}

/// One running check of a visitor's file. Dropping it stops the worker.
struct Job {
    worker: Option<web_sys::Worker>,
    _listeners: Vec<EventListener>,
}

impl Drop for Job {
    fn drop(&mut self) {
        if let Some(w) = &self.worker {
            w.terminate();
        }
    }
}

impl Job {
    fn spawn(input: JsValue, on_event: Rc<dyn Fn(JobEvent)>) -> Option<Job> {
        let url = js_sys::Reflect::get(&js_sys::global(), &INLINE_WORKER.into()).ok().and_then(|u| u.as_string());
        let Ok(worker) = web_sys::Worker::new(url.as_deref().unwrap_or(WORKER_URL)) else {
            on_event(JobEvent::Failed(NO_CHECKER.into()));
            return None;
        };
        let ready = Rc::new(std::cell::Cell::new(false));
        let on_message = {
            let (worker, ready, input, on_event) = (worker.clone(), ready.clone(), input.clone(), on_event.clone());
            EventListener::new(&worker.clone(), "message", move |e| {
                let Some(data) = e.dyn_ref::<web_sys::MessageEvent>().map(|m| js_sys::Array::from(&m.data())) else { return };
                let tag = data.get(0).as_string().unwrap_or_default();
                let payload = data.get(1);
                match tag.as_str() {
                    "ready" => {
                        ready.set(true);
                        if worker.post_message(&input).is_err() {
                            on_event(JobEvent::Failed("the file could not be handed to the checker".into()));
                        }
                    }
                    "progress" => on_event(JobEvent::Progress(payload.as_string().unwrap_or_default())),
                    "deck" => {
                        let on_event = on_event.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            on_event(match decode(&payload).await {
                                Some(deck) => JobEvent::Deck(Rc::new(deck)),
                                None => JobEvent::Failed("the checked dataset could not be read back".into()),
                            })
                        });
                    }
                    "errors" => on_event(JobEvent::Errors(errors_from(&payload))),
                    _ => on_event(JobEvent::Failed(payload.as_string().unwrap_or_else(|| "the file could not be checked".into()))),
                }
            })
        };
        let on_error = {
            let (ready, on_event) = (ready.clone(), on_event.clone());
            EventListener::new(&worker, "error", move |_| {
                on_event(JobEvent::Failed(if ready.get() { "the checker stopped unexpectedly" } else { NO_CHECKER }.into()));
            })
        };
        Some(Job { worker: Some(worker), _listeners: vec![on_message, on_error] })
    }
}

/// The worker's `["deck", pieces]` → a deck, one piece per task (the page stays responsive
/// while a large dataset arrives). The bytes come from our own worker, which produced them
/// from a dataset the core validator accepted.
async fn decode(payload: &JsValue) -> Option<Deck> {
    let parts = js_sys::Array::from(payload);
    let bytes = |v: JsValue| js_sys::Uint8Array::new(&v).to_vec();
    let (title, description, sectors): (String, String, Vec<Sector>) = bincode::deserialize(&bytes(parts.get(0))).ok()?;
    let mut sources: Vec<Source> = Vec::new();
    for piece in js_sys::Array::from(&parts.get(1)).iter() {
        browser::next_task().await;
        sources.extend(bincode::deserialize::<Vec<Source>>(&bytes(piece)).ok()?);
    }
    let mut facts: Vec<Fact> = Vec::new();
    for piece in js_sys::Array::from(&parts.get(2)).iter() {
        browser::next_task().await;
        facts.extend(bincode::deserialize::<Vec<Fact>>(&bytes(piece)).ok()?);
    }
    browser::next_task().await;
    let index: Index = bincode::deserialize(&bytes(parts.get(3))).ok()?;
    browser::next_task().await;
    Some(Deck { dataset: Dataset { title, description, sectors, sources, facts }, index })
}

fn errors_from(payload: &JsValue) -> Vec<DatasetError> {
    js_sys::Array::from(payload)
        .iter()
        .map(|e| {
            let e = js_sys::Array::from(&e);
            let s = |i| e.get(i).as_string().unwrap_or_default();
            DatasetError { file: String::new(), record: s(0), field: s(1), message: s(2) }
        })
        .collect()
}

/// `?data=path.json`: fetched here, checked by the worker like a visitor's file.
fn fetch_site_dataset(model: &UseReducerHandle<DeckModel>, jobs: &Rc<RefCell<Jobs>>, path: String) {
    let id = begin(model, jobs, "Loading dataset…".into(), true);
    let (model, jobs) = (model.clone(), jobs.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let fetched = if browser::opened_from_disk() { Err(FROM_DISK.to_owned()) } else { browser::fetch_text(&path).await };
        let name = path.clone();
        let shown = move |outcome: Result<Rc<Deck>, Vec<DatasetError>>| match outcome {
            Ok(deck) => Shown::Deck { deck, origin: Origin::Site },
            Err(errors) => Shown::Errors { name: name.clone(), own: false, errors: Rc::new(errors) },
        };
        match fetched {
            Ok(json) => check(&model, &jobs, id, JsValue::from_str(&json), shown),
            Err(e) => model.dispatch(DeckAction::Finished(id, shown(Err(vec![problem(&format!("could not load: {e}"))])))),
        }
    });
}

/// Why no dataset can be checked when the worker does not start.
const NO_CHECKER: &str = "the dataset checker could not start: it is downloaded when first needed, so check that this device is online";

/// Why a page opened from disk (the single-file build, by file://) loads no other file:
/// browsers refuse it, and its policy forbids it.
const FROM_DISK: &str =
    "this page was opened from disk (file://), where it may not read other files; serve the app over http(s) to open another dataset";
