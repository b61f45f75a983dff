//! The header's "Open a dataset" control for a visitor's own file, with the progress of a
//! file being opened and a way to cancel it. A file dropped anywhere on the page opens too.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::loading::loader::Command;

#[derive(Properties, PartialEq)]
pub struct DatasetPickerProps {
    /// What is happening while a file is opened (`None` when idle).
    pub busy: Option<String>,
    pub command: Callback<Command>,
    /// The control's visible label.
    #[prop_or(AttrValue::Static("Open your own dataset"))]
    pub title: AttrValue,
}

#[function_component(DatasetPicker)]
pub fn dataset_picker(props: &DatasetPickerProps) -> Html {
    // True while a file is dragged over the page: the page then says where it will go.
    let over = use_state_eq(|| false);
    {
        let (over, command) = (over.clone(), props.command.clone());
        use_effect_with((), move |_| page_drop_target(over, command));
    }
    let onchange = {
        let command = props.command.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                command.emit(Command::Open(file));
            }
            // Picking the same file again (after fixing it) must fire `change` again.
            input.set_value("");
        })
    };
    let cancel = props.command.reform(|_: MouseEvent| Command::Cancel);
    html! {
        <div class="own-file">
            // The input is the control (keyboard, screen readers); its label is what shows.
            <input type="file" id="own-file" class="own-file__input visually-hidden" accept=".json,application/json" aria-describedby="own-file-hint" {onchange} />
            <label for="own-file" class="button button--quiet own-file__label">{ props.title.clone() }</label>
            <p id="own-file-hint" class="own-file__hint">
                { "A JSON file in factdeck's " }<code>{ "dataset.json" }</code>{ " format, picked or dropped on the page. It is read on this device and never uploaded." }
            </p>
            if *over {
                <div class="drop-overlay" aria-hidden="true"><p class="drop-overlay__text">{ "Drop the file to open it" }</p></div>
            }
            if let Some(busy) = &props.busy {
                <div class="own-data__busy">
                    <progress class="own-data__progress" aria-label="Opening your dataset"></progress>
                    <p class="own-data__progress-text" aria-live="polite">{ busy.clone() }</p>
                    <button type="button" class="button button--quiet" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
        </div>
    }
}

/// Makes the whole page a drop target for a dataset file while the picker is shown; the
/// returned closure removes the listeners.
fn page_drop_target(over: UseStateHandle<bool>, command: Callback<Command>) -> impl FnOnce() {
    let document = gloo::utils::document();
    // `prevent_default` needs non-passive listeners: without it the browser opens the
    // dropped file itself, leaving the app.
    let active = EventListenerOptions::enable_prevent_default();
    let is_file = |e: &web_sys::DragEvent| e.data_transfer().is_some_and(|dt| dt.types().includes(&"Files".into(), 0));
    let dragover = {
        let over = over.clone();
        EventListener::new_with_options(&document, "dragover", active, move |e| {
            let e = e.unchecked_ref::<web_sys::DragEvent>();
            if is_file(e) {
                e.prevent_default();
                over.set(true);
            }
        })
    };
    let dragleave = {
        let over = over.clone();
        EventListener::new(&document, "dragleave", move |e| {
            // Leaving the window, not moving between elements of the page.
            if e.unchecked_ref::<web_sys::DragEvent>().related_target().is_none() {
                over.set(false);
            }
        })
    };
    let dropped = EventListener::new_with_options(&document, "drop", active, move |e| {
        let e = e.unchecked_ref::<web_sys::DragEvent>();
        over.set(false);
        if let Some(file) = e.data_transfer().and_then(|dt| dt.files()).and_then(|f| f.get(0)) {
            e.prevent_default();
            command.emit(Command::Open(file));
        }
    });
    move || drop((dragover, dragleave, dropped))
}

/// `9.6 MB`, `512 KB`, `300 bytes`, from the byte count the browser reports.
pub fn size_label(bytes: f64) -> String {
    // Sizes come from `File.size` and storage lengths: whole, non-negative numbers.
    factdeck_core::model::format_bytes(bytes.max(0.0) as u64)
}
