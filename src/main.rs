//! Browser entry point.

use factdeck::ui::browser::in_next_task;
use factdeck::ui::{hydration, prepare, remote, replaces_page, App};

fn main() {
    // A compiled dataset named by the address (`?data=DIR/`) starts loading now, beside
    // the steps below.
    remote::open_early_from_address();
    // index.html carries the app's first view, prerendered at build time (prerender/) into
    // `#app`: adopt those nodes (hydrate) instead of drawing the page again. Starting the
    // wasm, parsing and indexing the dataset, and adopting the page each get a task of
    // their own, so that none holds the main thread for long (see ui/hydration.rs).
    // An address that names another dataset replaces that page instead, at once: it shows
    // the built-in dataset. A script in <head> hid it for such an address
    // (scripts/defer-hook.mjs); the app shows what it renders, whichever way it starts.
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.class_list().remove_1("opening");
    }
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) if !replaces_page() => in_next_task(move || {
            prepare();
            in_next_task(move || {
                hydration::begin();
                yew::Renderer::<App>::with_root(root).hydrate();
            });
        }),
        Some(root) => {
            // What the visitor typed or ticked on the prerendered page still counts.
            hydration::keep_early();
            root.set_text_content(None);
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
