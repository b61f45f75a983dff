//! The header's dataset controls: which dataset is shown, and how to change it. For the
//! visitor's own file: keep it on this device (or forget it) and go back to the built-in
//! dataset. Otherwise: open a kept copy, forget it, or open a new file.
//! A plain function: it holds no state (see `source_link` on why not a component); the
//! built-in dataset's bar has no handlers of its own, so it compares equal from one render
//! of `App` to the next and does not re-render the explorer.

use yew::prelude::*;

use crate::ui::loading::dataset_picker::{size_label, DatasetPicker};
use crate::ui::loading::deck_model::{DeckModel, Provenance, Shown};
use crate::ui::loading::loader::Command;

/// The controls for the datasets of model `m`, sending `command`s.
pub fn dataset_bar(m: &DeckModel, command: &Callback<Command>) -> Html {
    let back = html! {
        <button type="button" class="button own-data__back" onclick={command.reform(|_: MouseEvent| Command::BuiltIn)}>
            { "Back to the built-in dataset" }
        </button>
    };
    let note = m.note.clone().map(|n| html! { <p class="own-data__note">{ n }</p> });
    let provenance = match &m.shown {
        Shown::Deck { provenance, .. } => provenance.clone(),
        _ => Provenance::Embedded,
    };
    if let Provenance::Own(file) = provenance {
        let kept = m.shown_is_kept();
        let onchange = command.reform(move |_: Event| Command::Keep(!kept));
        return html! {
            <section class="own-data own-data--active" aria-labelledby="own-data-title">
                <h2 id="own-data-title" class="own-data__title">{ "Your own dataset" }</h2>
                <p class="own-data__which">
                    { "Shown: your file " }<strong>{ format!("“{}”", file.name) }</strong>{ format!(" ({}). ", size_label(file.bytes)) }
                    { "It stays on this device; nothing was uploaded." }
                </p>
                <div class="own-data__actions">
                    <label class="own-data__keep">
                        <input type="checkbox" id="own-keep" checked={kept} {onchange} />
                        { " Keep on this device" }
                    </label>
                    { back }
                </div>
                <div aria-live="polite">
                    if kept {
                        <p class="own-data__note">{ "Kept in this browser: this address opens it again. Untick to forget it." }</p>
                    }
                    { for note }
                </div>
                <DatasetPicker busy={m.busy.clone()} command={command.clone()} title="Open another file" />
            </section>
        };
    }
    let saved = m.saved.clone().map(|s| {
        html! {
            <div class="own-data__saved">
                <p>{ "Kept on this device: " }<strong>{ format!("“{}”", s.name) }</strong>{ format!(" ({})", size_label(s.bytes)) }</p>
                <button type="button" class="button" onclick={command.reform(|_: MouseEvent| Command::OpenSaved)}>{ "Open it" }</button>
                <button type="button" class="button button--quiet" onclick={command.reform(|_: MouseEvent| Command::Keep(false))}>{ "Forget it" }</button>
            </div>
        }
    });
    html! {
        <>
            { for saved }
            <div aria-live="polite">{ for note }</div>
            if matches!(provenance, Provenance::Site) { { back } }
            <DatasetPicker busy={m.busy.clone()} command={command.clone()} />
        </>
    }
}
