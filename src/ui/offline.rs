//! Registers the service worker (`sw.js`, generated at build time) that keeps the explorer
//! working offline after a first visit.

/// Registers `sw.js` next to the page, on secure contexts served over http(s) only
/// (https or localhost). Not from disk: the single-file build (`factdeck.html`) opened by
/// file:// has no `sw.js` beside it and needs none. Failure (private mode, blocked by the
/// user) only means no offline copy.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    if !crate::ui::browser::served_over_http() || !window.is_secure_context() {
        return;
    }
    let promise = window.navigator().service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // Awaited so that a rejection is handled here, not reported as uncaught.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
