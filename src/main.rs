//! Browser entry point.

use factdeck::ui::browser::in_next_task;
use factdeck::ui::{hydration, prepare, remote, App};

fn main() {
    // A compiled dataset named by the address (`?data=DIR/`) starts loading now, beside
    // the steps below.
    remote::open_early_from_address();
    // index.html carries the app's first view, prerendered at build time (prerender/) into
    // `#app`: adopt those nodes (hydrate) instead of drawing the page again. Starting the
    // wasm, parsing and indexing the dataset, and adopting the page each get a task of
    // their own, so that none holds the main thread for long (see ui/hydration.rs).
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => in_next_task(move || {
            prepare();
            in_next_task(move || {
                hydration::begin();
                yew::Renderer::<App>::with_root(root).hydrate();
            });
        }),
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
