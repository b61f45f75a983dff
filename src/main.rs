//! Browser entry point.

use factdeck::ui::{hydration, prepare, App};

fn main() {
    // index.html carries the app's first view, prerendered at build time (prerender/) into
    // `#app`: adopt those nodes (hydrate) instead of drawing the page again. The dataset is
    // parsed and indexed first, and the adoption runs in a task of its own, so that neither
    // holds the main thread for long (see ui/hydration.rs).
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => {
            prepare();
            hydration::in_next_task(move || {
                hydration::begin();
                yew::Renderer::<App>::with_root(root).hydrate();
            });
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
