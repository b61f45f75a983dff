//! The drop zone and file input for a visitor's own dataset, with the progress of a file
//! being opened and a way to cancel it.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::loader::Command;

#[derive(Properties, PartialEq)]
pub struct DatasetPickerProps {
    /// What is happening while a file is opened (`None` when idle).
    pub busy: Option<String>,
    pub command: Callback<Command>,
    /// The section's heading.
    #[prop_or(AttrValue::Static("Explore your own dataset"))]
    pub title: AttrValue,
}

#[function_component(DatasetPicker)]
pub fn dataset_picker(props: &DatasetPickerProps) -> Html {
    let over = use_state_eq(|| false);
    // On narrow screens the drop zone folds behind a button, so that the search box is not
    // pushed below the fold; wide screens always show it (style.css).
    let open = use_state_eq(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
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
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser opens the dropped file itself, leaving the app.
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (over, command) = (over.clone(), props.command.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if let Some(file) = e.data_transfer().and_then(|dt| dt.files()).and_then(|f| f.get(0)) {
                command.emit(Command::Open(file));
            }
        })
    };
    let cancel = props.command.reform(|_: MouseEvent| Command::Cancel);
    html! {
        <section class={classes!("own-data", "own-data--picker", open.then_some("own-data--open"))} aria-labelledby="own-file-title">
            <h2 id="own-file-title" class="own-data__title">{ props.title.clone() }</h2>
            <button type="button" class="button button--quiet own-data__toggle" aria-expanded={open.to_string()} aria-controls="own-file-zone" onclick={toggle}>
                { props.title.clone() }
            </button>
            <div id="own-file-zone" class={classes!("drop-zone", over.then_some("drop-zone--over"))} {ondragover} {ondragleave} {ondrop}>
                <label for="own-file" class="drop-zone__label">{ "Choose a dataset file (JSON)" }</label>
                <input type="file" id="own-file" class="drop-zone__input" accept=".json,application/json" aria-describedby="own-file-hint" {onchange} />
                <p id="own-file-hint" class="drop-zone__hint">
                    { "…or drop it here. It is read on this device and never uploaded. Format: the same as factdeck's " }
                    <code>{ "dataset.json" }</code>{ ", with each source's text inline." }
                </p>
            </div>
            if let Some(busy) = &props.busy {
                <div class="own-data__busy">
                    <progress class="own-data__progress" aria-label="Opening your dataset"></progress>
                    <p class="own-data__progress-text" aria-live="polite">{ busy.clone() }</p>
                    <button type="button" class="button button--quiet" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
        </section>
    }
}

/// `9.6 MB`, `512 KB`, `300 bytes`, from the byte count the browser reports.
pub fn size_label(bytes: f64) -> String {
    // Sizes come from `File.size` and storage lengths: whole, non-negative numbers.
    factdeck_core::model::format_bytes(bytes.max(0.0) as u64)
}
