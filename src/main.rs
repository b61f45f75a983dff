//! Browser entry point.

fn main() {
    // index.html carries the app's first view, prerendered at build time (prerender/) into
    // `#app`: adopt those nodes (hydrate) instead of drawing the page again.
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<factdeck::ui::App>::with_root(root).hydrate();
        }
        None => {
            yew::Renderer::<factdeck::ui::App>::new().render();
        }
    }
}
