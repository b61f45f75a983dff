//! Which dataset the explorer shows and how a new one arrives: the embedded one, a
//! same-origin JSON file named by `?data=path.json`, a compiled dataset's directory named by
//! `?data=DIR/` (opened here, its files fetched as views need them: `ui::remote`), or the
//! visitor's own file (`?data=local`). [`use_decks`] holds the [`DeckModel`] and carries out the visitor's
//! [`Command`]s: it starts the worker (`worker_client`), fetches `?data=` files, reads and
//! writes the copy kept on this device (`own_store`), and writes history when the dataset
//! changes.
//!
//! A visitor's file, or the text fetched for `?data=`, is read, validated (the same core
//! validator as at build time) and indexed by the loader worker
//! (`src/bin/factdeck-loader.rs`), off the main thread, while the page stays usable and
//! shows progress: the page's own wasm holds no JSON parser and no validator. A visitor's
//! file is never sent anywhere; it is kept on this device only when they ask (`own_store`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use factdeck_core::compiled::Error;
use factdeck_core::dataset::DatasetError;
use factdeck_core::url_state::{is_compiled_path, render, ViewState, LOCAL_DATA};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::loader_protocol::ToWorker;
use crate::ui::browser;
use crate::ui::deck::Deck;
use crate::ui::loading::deck_model::{Builtin, DeckAction, DeckModel, JobIds, OwnFile, Provenance, Shown};
use crate::ui::loading::own_store;
use crate::ui::loading::worker_client::{Job, JobEvent};
use crate::ui::remote;
use crate::ui::url_sync::initial_view;

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

/// The dataset to show, and how to change it, for an address whose `?data=` names `path`.
/// Without one, the first render has the embedded dataset: it must match the page
/// prerendered at build time, which it hydrates. With one, it shows that the dataset is
/// loading (`replaces_page`), and loading it starts right after.
#[hook]
pub fn use_decks(path: Option<String>) -> (UseReducerHandle<DeckModel>, Callback<Command>) {
    let model = use_reducer(|| {
        let builtin = Builtin::new(|| PREPARED.with(|p| p.take()).unwrap_or_else(builtin));
        if path.is_some() {
            DeckModel::waiting(builtin, LOADING.into())
        } else {
            DeckModel::new(builtin)
        }
    });
    let jobs = use_mut_ref(Jobs::default);
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
                model.dispatch(DeckAction::Saved(own_store::saved(), None));
                match path.as_deref() {
                    None => {}
                    Some(LOCAL_DATA) => open_kept(&model, &jobs, true),
                    Some(path) if is_compiled_path(path) => open_compiled(&model, &jobs, path.to_owned()),
                    Some(path) => fetch_site_dataset(&model, &jobs, path.to_owned()),
                }
            })
        });
    }
    (model, command)
}

/// Whether the address names a dataset (`?data=`) other than the built-in one, which the
/// page prerendered at build time shows. The app then replaces that page rather than
/// hydrating it: the built-in dataset is neither decoded nor drawn on the way to the one
/// asked for (`main`).
pub fn replaces_page() -> bool {
    initial_view().data.is_some()
}

const LOADING: &str = "Loading dataset…";

thread_local! {
    /// The built-in dataset, parsed and indexed ahead of the first render (`prepare`).
    static PREPARED: Cell<Option<Shown>> = const { Cell::new(None) };
}

/// The built-in dataset, ready to show (or its errors).
fn builtin() -> Shown {
    match crate::data::load() {
        Ok(d) => Shown::Deck { deck: Rc::new(Deck::new(d)), provenance: Provenance::Embedded },
        Err(errors) => Shown::Errors { name: "the built-in dataset".into(), own: false, errors: Rc::new(errors) },
    }
}

/// Parses and indexes the built-in dataset now, so that the first render, which adopts the
/// prerendered page, need not: the two then run in separate tasks (`main`).
pub fn prepare() {
    PREPARED.with(|p| p.set(Some(builtin())));
}

/// What runs beside the model.
#[derive(Default)]
struct Jobs {
    ids: JobIds,
    running: Option<Job>,
    /// When the dataset shown is from a file picked or dropped: that file, read again if
    /// the visitor asks to keep it. Set whenever a job shows its deck.
    picked: Option<web_sys::Blob>,
}

impl Jobs {
    /// No job counts any more; a running worker stops.
    fn stop(&mut self) {
        self.ids.end();
        self.running = None;
    }
}

type JobsRef = Rc<RefCell<Jobs>>;

/// Starts opening the copy kept on this device. When there is none, the page says so
/// (`page`: a `?data=local` address), or a note beside the explorer does.
fn open_kept(model: &UseReducerHandle<DeckModel>, jobs: &JobsRef, page: bool) {
    match (own_store::saved(), own_store::text()) {
        (Some(saved), Some(text)) => {
            open(model, jobs, ToWorker::Text(text), OwnFile { name: saved.name, bytes: saved.bytes, restored: true }, page)
        }
        _ if page => model.dispatch(DeckAction::Missing),
        _ => model.dispatch(DeckAction::Saved(None, Some("The kept copy is gone from this device.".into()))),
    }
}

fn run(model: &UseReducerHandle<DeckModel>, jobs: &JobsRef, cmd: Command) {
    match cmd {
        Command::Open(file) => {
            let own = OwnFile { name: file.name(), bytes: file.size(), restored: false };
            open(model, jobs, ToWorker::File(file.into()), own, false);
        }
        Command::OpenSaved => open_kept(model, jobs, false),
        Command::Cancel => {
            jobs.borrow_mut().stop();
            model.dispatch(DeckAction::Cancel);
            if matches!(model.shown, Shown::Loading(_)) {
                go_to(&ViewState::default());
            }
        }
        Command::BuiltIn => {
            jobs.borrow_mut().stop();
            if initial_view().data.is_some() {
                go_to(&ViewState::default());
            }
            model.dispatch(DeckAction::Back);
        }
        Command::Keep(false) => {
            own_store::forget();
            model.dispatch(DeckAction::Saved(None, None));
        }
        Command::Keep(true) => {
            let Shown::Deck { provenance: Provenance::Own(file), .. } = &model.shown else { return };
            let picked = jobs.borrow().picked.clone();
            let (file, model) = (file.clone(), model.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = match picked {
                    _ if file.restored => own_store::text(),
                    Some(blob) => JsFuture::from(blob.text()).await.ok().and_then(|t| t.as_string()),
                    None => None,
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

/// Starts checking a visitor's dataset in the worker; `page` when it replaces the page.
fn open(model: &UseReducerHandle<DeckModel>, jobs: &JobsRef, input: ToWorker, file: OwnFile, page: bool) {
    let what = format!("Opening {}“{}”…", if page { "your dataset " } else { "" }, file.name);
    let id = begin(model, jobs, what, page);
    let file = Rc::new(file);
    let done = move |outcome| match outcome {
        Ok(deck) => {
            if initial_view().data.as_deref() != Some(LOCAL_DATA) {
                go_to(&ViewState { data: Some(LOCAL_DATA.into()), ..ViewState::default() });
            }
            Shown::Deck { deck, provenance: Provenance::Own(file.clone()) }
        }
        Err(errors) => Shown::Errors { name: file.name.clone(), own: true, errors: Rc::new(errors) },
    };
    check(model, jobs, id, Ok(input), Box::new(done));
}

/// Numbers a new job (any running one stops) and says what it does.
fn begin(model: &UseReducerHandle<DeckModel>, jobs: &JobsRef, what: String, page: bool) -> u32 {
    let id = {
        let mut j = jobs.borrow_mut();
        j.running = None;
        j.ids.begin()
    };
    model.dispatch(DeckAction::Start { id, what, page });
    id
}

/// What to show for a job's deck, or for its errors. Boxed: one `check` serves every kind
/// of dataset, in one copy in the wasm.
type Done = Box<dyn Fn(Result<Rc<Deck>, Vec<DatasetError>>) -> Shown>;

/// Job `id`: the worker checks `input` (or the job fails with its error); `done` says what
/// to show for its deck or its errors. Nothing happens for a job that no longer counts
/// (cancelled, or replaced).
fn check(model: &UseReducerHandle<DeckModel>, jobs: &JobsRef, id: u32, input: Result<ToWorker, String>, done: Done) {
    if !jobs.borrow().ids.is_current(id) {
        return;
    }
    let picked = match &input {
        Ok(ToWorker::File(blob)) => Some(blob.clone()),
        _ => None,
    };
    let on_event = {
        let (model, jobs) = (model.clone(), jobs.clone());
        Rc::new(move |event: JobEvent| {
            if !jobs.borrow().ids.is_current(id) {
                return;
            }
            let shown = match event {
                JobEvent::Progress(what) => return model.dispatch(DeckAction::Progress(id, what)),
                JobEvent::Deck(deck) => {
                    jobs.borrow_mut().picked = picked.clone();
                    done(Ok(deck))
                }
                JobEvent::Errors(errors) => done(Err(errors)),
                JobEvent::Failed(why) => done(Err(vec![problem(&why)])),
            };
            jobs.borrow_mut().stop();
            model.dispatch(DeckAction::Finished(id, shown));
        }) as Rc<dyn Fn(JobEvent)>
    };
    match input {
        Ok(input) => {
            let job = Job::spawn(input, on_event);
            jobs.borrow_mut().running = job;
        }
        Err(why) => on_event(JobEvent::Failed(why)),
    }
}

fn problem(message: &str) -> DatasetError {
    DatasetError { file: String::new(), record: "dataset".into(), field: String::new(), message: message.to_owned() }
}

/// Writes `view` to the address bar as a new history entry.
fn go_to(view: &ViewState) {
    browser::set_query(&render(view), true);
}

/// `?data=path.json`: fetched here, checked by the worker like a visitor's file.
fn fetch_site_dataset(model: &UseReducerHandle<DeckModel>, jobs: &JobsRef, path: String) {
    let id = begin(model, jobs, LOADING.into(), true);
    let (model, jobs) = (model.clone(), jobs.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let fetched = if browser::opened_from_disk() { Err(FROM_DISK.to_owned()) } else { browser::fetch_text(&path).await };
        let shown = move |outcome: Result<Rc<Deck>, Vec<DatasetError>>| match outcome {
            Ok(deck) => Shown::Deck { deck, provenance: Provenance::Site },
            Err(errors) => Shown::Errors { name: path.clone(), own: false, errors: Rc::new(errors) },
        };
        let input = fetched.map(ToWorker::Text).map_err(|e| format!("could not load: {e}"));
        check(&model, &jobs, id, input, Box::new(shown));
    });
}

/// `?data=DIR/`: a compiled dataset, opened from its manifest, dictionary and table; the
/// rest is fetched as views need it. Nothing to check in a worker: every file is checked
/// against the manifest's checksums as it arrives.
fn open_compiled(model: &UseReducerHandle<DeckModel>, jobs: &JobsRef, path: String) {
    let id = begin(model, jobs, LOADING.into(), true);
    let (model, jobs) = (model.clone(), jobs.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let progress = {
            let (model, jobs) = (model.clone(), jobs.clone());
            move |what: String| {
                if jobs.borrow().ids.is_current(id) {
                    model.dispatch(DeckAction::Progress(id, what));
                }
            }
        };
        let opened = if browser::opened_from_disk() { Err(Error::new(&path, FROM_DISK)) } else { remote::open(&path, progress).await };
        if !jobs.borrow().ids.is_current(id) {
            return;
        }
        let shown = match opened {
            Ok(remote) => Shown::Deck { deck: Rc::new(Deck::remote(remote)), provenance: Provenance::Site },
            Err(e) => Shown::Errors { name: path.clone(), own: false, errors: Rc::new(vec![compiled_problem(&path, &e)]) },
        };
        jobs.borrow_mut().stop();
        model.dispatch(DeckAction::Finished(id, shown));
    });
}

/// A compiled dataset's error, as the error list shows it: the file in the directory.
fn compiled_problem(dir: &str, e: &Error) -> DatasetError {
    DatasetError { file: format!("{dir}{}", e.file), record: "compiled dataset".into(), field: String::new(), message: e.message.clone() }
}

/// Why a page opened from disk (the single-file build, by file://) loads no other file:
/// browsers refuse it, and its policy forbids it.
const FROM_DISK: &str =
    "this page was opened from disk (file://), where it may not read other files; serve the app over http(s) to open another dataset";
