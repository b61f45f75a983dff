//! Browser entry point.

fn main() {
    yew::Renderer::<factdeck::ui::App>::new().render();
}
