//! The one door to the browser's page services: the page's address (`location`), the
//! session history, the clipboard, downloads through object URLs, `fetch`, and timers.
//! Every other UI module asks here, so what the app does to the page it runs in can be read
//! in one file (`tests/tidy.rs` keeps it so). Each call is quiet where the browser refuses:
//! the app shows what it can and never panics. Outside a browser (the prerender, native
//! tests) there is no window, and every call does nothing or returns nothing.

use std::cell::{Cell, RefCell};

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The address bar's query string, `?` included (`""` when there is none).
pub fn query_string() -> Option<String> {
    web_sys::window()?.location().search().ok()
}

/// The page's path (with any sub-path the app is served under), without query.
pub fn page_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// The app's address without query or fragment, for links that leave the page (exports,
/// citations); `None` where it would not be a shareable link (a file opened from disk).
pub fn page_url() -> Option<String> {
    if !served_over_http() {
        return None;
    }
    absolute("")
}

/// A relative address (`?fact=id…`) resolved against the page, keeping any sub-path.
pub fn absolute(relative: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!("{}{}{relative}", location.origin().ok()?, location.pathname().ok()?))
}

/// Whether the page came over http(s), as opposed to a file opened from disk.
pub fn served_over_http() -> bool {
    protocol().is_some_and(|p| p == "https:" || p == "http:")
}

/// Whether the page was opened from disk (the single-file build, by file://), where the
/// browser lets it read no other file.
pub fn opened_from_disk() -> bool {
    protocol().is_some_and(|p| p == "file:")
}

fn protocol() -> Option<String> {
    web_sys::window()?.location().protocol().ok()
}

/// Loads the page afresh from its current address (with any address still waiting to be
/// written: `set_query`).
pub fn reload() {
    write_waiting_query();
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// How long an in-place address waits for the next change before it is written: a typist's
/// keys come closer together than this, so the address is written once they pause.
const ADDRESS_PAUSE_MS: u32 = 400;

thread_local! {
    /// An in-place address that `set_query` has not written yet.
    static WAITING: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The timer that writes it; replacing or dropping it cancels it.
    static WRITER: RefCell<Option<gloo::timers::callback::Timeout>> = const { RefCell::new(None) };
    /// Whether the page writes a waiting address as it is hidden or left.
    static WRITES_ON_HIDE: Cell<bool> = const { Cell::new(false) };
}

/// Moves the address bar to `query` (a rendered view, `?…` or `""`) on this page: a new
/// history entry when `new_entry`, else in place. A new entry is written at once, after
/// any in-place write still waiting. An in-place write (each keystroke makes one) waits
/// until the address has not changed for [`ADDRESS_PAUSE_MS`], and only the latest is
/// written: each write took 2–3 ms of `history.replaceState`, and Chromium reads the page's
/// icon again after it (for an SVG icon, a document of its own: some 8 ms of the page's
/// main thread and a request), which fell in the middle of the next keystroke. A waiting
/// address is also written when the page is hidden or left (the visitor may copy it from
/// another tab, or come Back to it), and before a reload by the app. A failed write leaves
/// the old address; what the page shows is right either way.
pub fn set_query(query: &str, new_entry: bool) {
    if new_entry {
        write_waiting_query();
        write_query(query, true);
        return;
    }
    WAITING.with(|w| *w.borrow_mut() = Some(query.to_owned()));
    let writer = gloo::timers::callback::Timeout::new(ADDRESS_PAUSE_MS, write_waiting_query);
    WRITER.with(|w| *w.borrow_mut() = Some(writer));
    write_when_hidden();
}

/// Writes the in-place address `set_query` holds, if any.
fn write_waiting_query() {
    if let Some(query) = WAITING.with(|w| w.borrow_mut().take()) {
        write_query(&query, false);
    }
}

/// Listens, once, for the page being hidden or left, to write a waiting address then.
fn write_when_hidden() {
    if WRITES_ON_HIDE.with(|w| w.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    gloo::events::EventListener::new(&window, "pagehide", |_| write_waiting_query()).forget();
    let document = gloo::utils::document();
    gloo::events::EventListener::new(&document.clone(), "visibilitychange", move |_| {
        if document.hidden() {
            write_waiting_query();
        }
    })
    .forget();
}

/// Drops the in-place address `set_query` holds, if any: the visitor has moved through
/// the history meanwhile, and it was for the entry they left.
pub fn forget_waiting_query() {
    WAITING.with(|w| w.borrow_mut().take());
    WRITER.with(|w| w.borrow_mut().take());
}

fn write_query(query: &str, new_entry: bool) {
    let Some(window) = web_sys::window() else { return };
    if query_string().is_some_and(|here| here == query) {
        return;
    }
    let url = format!("{}{query}", page_path());
    if let Ok(history) = window.history() {
        let _ = if new_entry {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Puts `text` on the clipboard. The browser may refuse (no permission); callers keep the
/// text on screen, where it can be selected instead.
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Offers `text` as a file download named `name`. Quietly does nothing if the browser
/// refuses (there is nothing useful to say that the missing download does not).
pub fn download(name: &str, mime: &str, text: &str) {
    let _ = try_download(name, mime, text);
}

fn try_download(name: &str, mime: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has taken its own reference to the blob by now; freeing the URL in the
    // next task (not at once) is what every browser tolerates.
    in_next_task(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Some(())
}

/// Fetches a same-origin file as text. Errors are short phrases for a message: "network
/// error", "HTTP 404", "unreadable body".
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let text = response(start_fetch(path)).await?.text().map_err(|_| "unreadable body".to_owned())?;
    let text = JsFuture::from(text).await.map_err(|_| "unreadable body".to_owned())?;
    text.as_string().ok_or_else(|| "body is not text".to_owned())
}

/// Fetches a same-origin file's bytes (a compiled dataset's), with the errors of
/// [`fetch_text`]. The request leaves at once, before the future is first polled, so that
/// several started together are fetched together.
pub fn fetch_bytes(path: &str) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    bytes_of(start_fetch(path))
}

/// The body of the response `started` (a `fetch` promise), if it is one and it is ok.
async fn bytes_of(started: Option<js_sys::Promise>) -> Result<Vec<u8>, String> {
    let buffer = response(started).await?.array_buffer().map_err(|_| "unreadable body".to_owned())?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| "unreadable body".to_owned())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn start_fetch(path: &str) -> Option<js_sys::Promise> {
    Some(web_sys::window()?.fetch_with_str(path))
}

/// [`fetch_bytes`] of a compiled dataset's manifest, which the page's opening script may
/// have asked for already, before the app started (scripts/defer-hook.mjs: it leaves
/// `{ url, response }` in `window.factdeckManifest`, and asks for the first view's files
/// once it has the manifest). That request is taken, once, if it is for `path`.
pub fn fetch_manifest(path: &str) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    let opened = web_sys::window().and_then(|window| {
        let key = JsValue::from_str("factdeckManifest");
        let early = js_sys::Reflect::get(&window, &key).ok().filter(|v| v.is_object())?;
        let _ = js_sys::Reflect::delete_property(&window, &key);
        let same = js_sys::Reflect::get(&early, &JsValue::from_str("url")).ok()?.as_string()? == path;
        js_sys::Reflect::get(&early, &JsValue::from_str("response")).ok()?.dyn_into::<js_sys::Promise>().ok().filter(|_| same)
    });
    bytes_of(opened.or_else(|| start_fetch(path)))
}

async fn response(started: Option<js_sys::Promise>) -> Result<web_sys::Response, String> {
    let response = JsFuture::from(started.ok_or("no window")?).await.map_err(|_| "network error".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    Ok(response)
}

/// Marks this moment on the page's performance timeline (`performance.mark`), where a
/// benchmark can read it.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Puts back the page's icon, which the opening script of a page opened on another dataset
/// points at nothing (scripts/defer-hook.mjs leaves its address in `window.factdeckIcon`),
/// once the next frame has been rendered. Chromium reads an icon on the page's main thread,
/// and an SVG icon is a document of its own (a 22–31 ms task in traces): read while the app
/// starts, it held the first cards back (BENCHMARKS.md, "Opening a compiled dataset").
/// Once: later calls do nothing.
pub fn show_icon() {
    let held = web_sys::window().and_then(|window| {
        let key = JsValue::from_str("factdeckIcon");
        let href = js_sys::Reflect::get(&window, &key).ok()?.as_string()?;
        let _ = js_sys::Reflect::delete_property(&window, &key);
        Some(href)
    });
    if let Some(href) = held {
        wasm_bindgen_futures::spawn_local(async move {
            after_next_frame(100).await;
            if let Ok(Some(icon)) = gloo::utils::document().query_selector("link[rel=\"icon\"]") {
                let _ = icon.set_attribute("href", &href);
            }
        });
    }
}

/// The viewport's size in CSS pixels, `(width, height)`, if the page has a window.
pub fn viewport() -> Option<(f64, f64)> {
    let window = web_sys::window()?;
    Some((window.inner_width().ok()?.as_f64()?, window.inner_height().ok()?.as_f64()?))
}

/// Runs `f` in a new task, after the tasks already queued (a zero timeout: browsers run
/// zero timeouts in the order they were set).
pub fn in_next_task(f: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, f).forget();
}

/// Resolves once the next frame has been rendered (a task after its animation frame), or
/// after `at_most_ms` if no frame comes (a page in a background tab renders none).
pub async fn after_next_frame(at_most_ms: i32) {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, at_most_ms);
        }
    });
    let _ = JsFuture::from(frame).await;
    next_task().await;
}

/// Resolves in a later task: the browser may handle input and paint in between.
pub async fn next_task() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}
