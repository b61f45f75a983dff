//! Shown instead of the explorer when a dataset cannot be opened: every problem by record
//! (fact id) and field, focused so that it is announced, with the ways out: back to the
//! built-in dataset, or another file.

use std::rc::Rc;

use factdeck_core::dataset::DatasetError;
use yew::prelude::*;

use crate::ui::loading::dataset_picker::DatasetPicker;
use crate::ui::loading::loader::Command;

/// Problems listed; the rest are counted. The first ones are what a maintainer fixes first.
const MAX_LISTED: usize = 200;

#[derive(Properties, PartialEq)]
pub struct DatasetErrorsProps {
    /// The file as the visitor knows it; `None` for a `?data=local` link with no file here.
    pub name: Option<String>,
    /// A visitor's own file (offer another), rather than one of the site's.
    pub own: bool,
    pub errors: Rc<Vec<DatasetError>>,
    /// `None` before the app runs (the page cannot act yet).
    pub command: Option<Callback<Command>>,
    pub busy: Option<String>,
}

#[function_component(DatasetErrors)]
pub fn dataset_errors(props: &DatasetErrorsProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.errors.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let n = props.errors.len();
    let title = match &props.name {
        None => "Your dataset is not on this device".to_owned(),
        Some(name) if props.own => format!("“{name}” could not be opened"),
        Some(_) => "The dataset could not be loaded".to_owned(),
    };
    let summary = match &props.name {
        None => "This link shows a dataset someone opened from their own device. factdeck never uploads files, so a link cannot carry one, and no copy is kept in this browser. Open the file yourself, or go back to the built-in dataset.".to_owned(),
        Some(name) => format!(
            "{} in {name}. Nothing was uploaded; fix the file and open it again.",
            if n == 1 { "1 problem".to_owned() } else { format!("{n} problems") }
        ),
    };
    let actions = match &props.command {
        Some(command) => html! {
            <>
                <p><button type="button" class="button" onclick={command.reform(|_: MouseEvent| Command::BuiltIn)}>{ "Back to the built-in dataset" }</button></p>
                <DatasetPicker busy={props.busy.clone()} command={command.clone()} title="Open another file" />
            </>
        },
        None => html! { <p><a href="?">{ "Open the built-in dataset" }</a></p> },
    };
    html! {
        <main class="dataset-errors" role="alert">
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            <p>{ summary }</p>
            if n > 0 {
                <ul class="dataset-errors__list" aria-label="Problems">
                    { for props.errors.iter().take(MAX_LISTED).map(error_item) }
                </ul>
                if n > MAX_LISTED {
                    <p>{ format!("…and {} more.", n - MAX_LISTED) }</p>
                }
            }
            { actions }
        </main>
    }
}

fn error_item(e: &DatasetError) -> Html {
    html! {
        <li class="dataset-errors__item">
            <span class="dataset-errors__record">{ e.record.clone() }</span>
            if !e.field.is_empty() {
                { ", field " }<code>{ e.field.clone() }</code>
            }
            { ": " }{ e.message.clone() }
        </li>
    }
}
