//! Hydration in slices. The page arrives with every card prerendered; adopting them all in
//! one go (Yew walks every node and sets every attribute and text again) blocked the main
//! thread for one long task on slow phones. Instead the first render adopts the page's
//! frame (header, search box, filters, count) and the cards then adopt their nodes one per
//! task, so the browser can paint, scroll and take input in between.
//!
//! A card waits by suspending (`use_adopt_later`) inside the card list's `<Suspense>`.
//! Meanwhile the prerendered cards stay on screen as they were; once the last card has
//! caught up, the list swaps in the adopted copies of those nodes (identical markup, so
//! nothing moves or flashes).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use factdeck_core::model::Kind;
use factdeck_core::url_state::{ViewState, MAX_QUERY_CHARS};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Reflect;

use crate::ui::browser::in_next_task;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;
use yew::suspense::{Suspension, SuspensionResult};

type Job = Box<dyn FnOnce()>;

thread_local! {
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
    /// What the visitor did to the prerendered controls before the app ran.
    static EARLY: RefCell<Early> = const { RefCell::new(Early { query: None, ticked: Vec::new() }) };
    /// Work waiting for a task of its own, oldest first (`later`).
    static QUEUE: RefCell<VecDeque<Job>> = RefCell::new(VecDeque::new());
}

/// What a visitor did to the prerendered controls before the app ran: the page works as
/// plain HTML until then, and adopting it resets every control to the first render's view.
#[derive(Debug, Default)]
pub struct Early {
    /// Text typed into the search box.
    pub query: Option<String>,
    /// Filter checkboxes ticked, as `(name, value)`: `("sector", "energy")`.
    pub ticked: Vec<(String, String)>,
}

impl Early {
    /// Applies it to `view`, the URL's: typed text replaces the query, ticked filters join
    /// the URL's.
    pub fn apply(self, view: &mut ViewState) {
        if let Some(typed) = self.query {
            view.query = typed.chars().take(MAX_QUERY_CHARS).collect();
        }
        for (name, value) in self.ticked {
            match name.as_str() {
                "sector" => {
                    view.sectors.insert(value);
                }
                "kind" => view.kinds.extend(Kind::from_slug(&value)),
                _ => {}
            }
        }
    }
}

/// Marks the coming first render as the hydration of the prerendered page (`main`), and
/// keeps what the visitor did to its controls meanwhile for the view that follows (`early`).
pub fn begin() {
    HYDRATING.with(|h| h.set(true));
    keep_early();
}

/// Keeps what the visitor did to the prerendered controls, for the view that follows
/// (`early`): before the page is hydrated (`begin`) or replaced.
pub fn keep_early() {
    let document = gloo::utils::document();
    let query = document
        .get_element_by_id("search")
        .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
        .map(|input| input.value())
        .filter(|q| !q.trim().is_empty());
    // The prerendered view has no filter ticked: any ticked box was the visitor's doing.
    let mut ticked = Vec::new();
    if let Ok(boxes) = document.query_selector_all("#facets input[type=checkbox]:checked") {
        for i in 0..boxes.length() {
            if let Some(input) = boxes.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) {
                ticked.push((input.name(), input.value()));
            }
        }
    }
    EARLY.with(|e| *e.borrow_mut() = Early { query, ticked });
}

/// Takes what the visitor did to the prerendered controls before the app ran.
pub fn early() -> Early {
    EARLY.with(|e| std::mem::take(&mut *e.borrow_mut()))
}

/// Whether the render running now adopts prerendered nodes: true only during the app's
/// first render in a browser, never on the server and never afterwards.
pub fn active() -> bool {
    HYDRATING.with(Cell::get)
}

/// Whether this render makes or adopts the page prerendered at build time: the server-side
/// render (native, in `prerender/` and the tests) or the browser's hydration of it.
pub fn prerendered() -> bool {
    !cfg!(target_arch = "wasm32") || active()
}

/// Ends hydration: renders from now on draw new nodes (the root's first effect).
pub fn end() {
    HYDRATING.with(|h| h.set(false));
}

/// Suspends the calling component's first render when the page is being hydrated, until
/// its turn comes in a later task; a no-op otherwise. Its prerendered nodes stay shown.
#[hook]
pub fn use_adopt_later() -> SuspensionResult<()> {
    let wait = use_memo((), |_| {
        active().then(|| {
            let (suspension, handle) = Suspension::new();
            later(move || handle.resume());
            suspension
        })
    });
    match wait.as_ref() {
        Some(s) if !s.resumed() => Err(s.clone()),
        _ => Ok(()),
    }
}

/// The expando that marks a prerendered node not yet replaced by its adopted copy.
const PRERENDERED: &str = "__factdeckPrerendered";

/// Calls `done` once the adopted cards have replaced the prerendered ones inside `list`
/// (or `list` is gone). Call it from an effect of the hydrating render, after the cards
/// have queued their turns.
pub fn when_adopted(list: NodeRef, done: impl FnOnce() + 'static) {
    let Some(list) = list.cast::<Element>() else { return done() };
    let children = list.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            // Setting a property on a live element cannot fail.
            let _ = Reflect::set(&child, &PRERENDERED.into(), &JsValue::TRUE);
        }
    }
    later(move || settle(list, Box::new(done)));
}

/// Waits, a task at a time, until no marked node is left in `list`.
fn settle(list: Element, done: Job) {
    let children = list.children();
    let waiting = list.is_connected()
        && (0..children.length()).filter_map(|i| children.item(i)).any(|c| Reflect::has(&c, &PRERENDERED.into()).unwrap_or(false));
    if waiting {
        later(move || settle(list, done));
    } else {
        done();
    }
}

/// Runs `job` in a task of its own, after every job queued before it has had its task and
/// the renders it started have run (they run in the microtasks that end its task).
fn later(job: impl FnOnce() + 'static) {
    let first = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.push_back(Box::new(job));
        q.len() == 1
    });
    if first {
        in_next_task(pump);
    }
}

/// Runs the oldest queued job, then books the next task for the one after it.
fn pump() {
    let job = QUEUE.with(|q| q.borrow_mut().pop_front());
    if let Some(job) = job {
        job();
    }
    if QUEUE.with(|q| !q.borrow().is_empty()) {
        in_next_task(pump);
    }
}
