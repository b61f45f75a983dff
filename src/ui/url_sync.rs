//! Keeps the address bar and the view in step: every view change writes the URL, and
//! Back/Forward restore the view (the address itself is read and written through `browser`).

use factdeck_core::url_state::{parse, render, Mode, ViewState};
use yew::prelude::*;

use crate::ui::browser;
use crate::ui::state::{Action, AppState};

/// The view the current URL describes (the default view outside a browser).
pub fn initial_view() -> ViewState {
    current_search().map(|s| parse(&s)).unwrap_or_default()
}

/// Addresses within the dataset shown now: a fact's permalink or source link keeps
/// `?data=…`, so that it opens the same dataset, not the built-in one. The explorer provides
/// it as a context (`use_links`), so links need not read the address bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links {
    data: Option<String>,
}

impl Links {
    /// Links within the dataset that `?data=` names (`None`: the built-in one).
    pub fn new(data: Option<String>) -> Links {
        Links { data }
    }

    /// The address of `view` within this dataset.
    pub fn to(&self, view: ViewState) -> String {
        render(&ViewState { data: self.data.clone(), ..view })
    }

    /// The address of fact `id`'s card.
    pub fn fact(&self, id: &str) -> String {
        self.to(ViewState { open: Some(id.to_owned()), ..ViewState::default() })
    }

    /// The address of fact `id`'s quote in its source text.
    pub fn source(&self, id: &str) -> String {
        self.to(ViewState { open: Some(id.to_owned()), mode: Mode::Source, ..ViewState::default() })
    }
}

/// The links of the explorer this component is in.
#[hook]
pub fn use_links() -> Links {
    use_context::<Links>().unwrap_or_default()
}

fn current_search() -> Option<String> {
    if cfg!(target_arch = "wasm32") {
        browser::query_string()
    } else {
        None
    }
}

/// Switches to the URL's view once the first render is on screen, then writes each new view
/// to the URL (a new history entry when `entry` moved on, else in place once the view has
/// stopped changing for a moment: `browser::set_query`), and restores views on popstate.
#[hook]
pub fn use_url_sync(state: &UseReducerHandle<AppState>) {
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "popstate", move |_| {
                    browser::forget_waiting_query();
                    let view = initial_view();
                    if view.data != state.view.data {
                        // Another dataset: start afresh rather than mix two decks.
                        browser::reload();
                        return;
                    }
                    state.dispatch(Action::Restore(view));
                })
            });
            move || drop(listener)
        });
    }
    let last_entry = use_mut_ref(|| state.entry);
    let deps = (state.view.clone(), state.entry, state.from_url, state.started);
    let handle = state.clone();
    use_effect_with(deps, move |(view, entry, from_url, started)| {
        if !started {
            // The first render reproduced the prerendered page (the default view) so that it
            // could be hydrated; the URL says what to show. Nothing is written until then.
            // A URL naming another dataset is the loader's business: it replaces this deck.
            // What the visitor typed or ticked before the app ran is their latest word.
            let mut url = initial_view();
            crate::ui::hydration::early().apply(&mut url);
            if url.data == view.data {
                // In a task of its own: the adoption of the page is work enough for one.
                browser::in_next_task(move || handle.dispatch(Action::Start(url)));
            }
            return;
        }
        let push = !from_url && *entry != *last_entry.borrow();
        *last_entry.borrow_mut() = *entry;
        browser::set_query(&render(view), push);
    });
}

#[cfg(test)]
mod tests {
    use super::Links;

    #[test]
    fn links_keep_the_dataset_they_were_made_for() {
        assert_eq!(Links::default().fact("treaty"), "?fact=treaty");
        assert_eq!(Links::default().source("treaty"), "?fact=treaty&view=source");
        let other = Links::new(Some("more/facts.json".into()));
        assert_eq!(other.fact("treaty"), "?fact=treaty&data=more%2Ffacts.json");
        assert_eq!(other.source("treaty"), "?fact=treaty&view=source&data=more%2Ffacts.json");
        assert_eq!(Links::new(Some("local".into())).fact("a"), "?fact=a&data=local");
    }
}
