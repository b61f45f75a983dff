//! Root component: loads the embedded dataset once, owns the one reducer, derives the
//! outcome of the current view with `use_memo`.

use std::rc::Rc;

use factdeck_core::dataset::Dataset;
use factdeck_core::explore::explore;
use factdeck_core::model::Kind;
use factdeck_core::search::Index;
use factdeck_core::url_state::ViewState;
use yew::prelude::*;

use super::active_filters::ActiveFilters;
use super::card_list::CardList;
use super::empty_state::EmptyState;
use super::export_bar::ExportBar;
use super::facet_panel::{FacetOption, FacetPanel};
use super::header::Header;
use super::search_box::SearchBox;
use super::state::{Action, AppState};
use super::loader::{use_deck, Loaded};
use super::url_sync::{initial_view, use_url_sync};

/// A dataset with its search index. Compared by identity: one `Deck` is built per load.
pub struct Deck {
    pub dataset: Dataset,
    pub index: Index,
}

impl Deck {
    pub fn new(dataset: Dataset) -> Deck {
        let index = Index::build(&dataset);
        Deck { dataset, index }
    }
}

impl PartialEq for Deck {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[function_component(App)]
pub fn app() -> Html {
    // The view the URL asks for. The first render shows the embedded dataset's default view
    // whatever the URL says: that is the page prerendered at build time (prerender/), which
    // this render hydrates node for node. The URL's view follows at once (`use_url_sync`).
    let url_view = use_memo((), |_| initial_view());
    use_effect_with((), |_| super::offline::register_service_worker());
    let loaded = use_deck(url_view.data.clone());
    match loaded.as_deref() {
        None => html! { <main class="loading"><p role="status">{ "Loading dataset…" }</p></main> },
        Some(Loaded { path, deck: Ok(deck) }) => {
            // A fetched dataset is not prerendered: it starts from the URL's view directly.
            let initial = if path.is_some() { (*url_view).clone() } else { ViewState::default() };
            html! { <Explorer deck={deck.clone()} {initial} /> }
        }
        Some(Loaded { deck: Err(errors), .. }) => html! { <DatasetErrors errors={errors.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    pub deck: Rc<Deck>,
    /// The view of the first render. Once running in a browser, the explorer switches to
    /// the URL's view (`use_url_sync`); rendered on a server, it shows this one.
    pub initial: ViewState,
}

#[function_component(Explorer)]
pub fn explorer(props: &ExplorerProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || AppState::from_url(initial));
    // Only matters on narrow screens, where the facets fold away behind a button.
    let filters_open = use_state(|| false);
    use_url_sync(&state);
    let deck = props.deck.clone();
    let outcome = {
        let deck = deck.clone();
        use_memo(state.view.clone(), move |view| explore(&deck.dataset, &deck.index, view))
    };
    let dataset = &deck.dataset;
    let view = &state.view;
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let sector_options: Vec<FacetOption> = outcome
        .counts
        .sectors
        .iter()
        .map(|&(i, count)| {
            let s = &dataset.sectors[i];
            FacetOption { value: s.id.clone(), label: s.label.clone(), count, checked: view.sectors.contains(&s.id) }
        })
        .collect();
    let kind_options: Vec<FacetOption> = outcome
        .counts
        .kinds
        .iter()
        .map(|&(k, count)| FacetOption { value: k.slug().into(), label: k.label().into(), count, checked: view.kinds.contains(&k) })
        .collect();
    let on_sector = dispatch.reform(Action::ToggleSector);
    let on_kind = {
        let dispatch = dispatch.clone();
        Callback::from(move |slug: String| {
            if let Some(kind) = Kind::from_slug(&slug) {
                dispatch.emit(Action::ToggleKind(kind));
            }
        })
    };
    let active = view.sectors.len() + view.kinds.len();
    let toggle_filters = {
        let filters_open = filters_open.clone();
        Callback::from(move |_: MouseEvent| filters_open.set(!*filters_open))
    };
    let total = dataset.facts.len();
    let status = if view.is_filtered() {
        format!("{} of {total} facts", outcome.results.len())
    } else {
        format!("{total} facts")
    };
    html! {
        <>
            <Header dataset_title={dataset.title.clone()} description={dataset.description.clone()} facts={total} sources={dataset.sources.len()} />
            <main id="main" class="layout">
                <div class="layout__controls">
                    if !state.started {
                        // Part of the prerendered page, gone once the app runs. Browsers that
                        // run scripts hide it from the start unless the app fails to start
                        // (static/style.css, static/initializer.mjs).
                        <p class="js-notice" role="note">
                            { "Search and filters need JavaScript and WebAssembly. Without them, every fact is still listed here with its source quote." }
                        </p>
                    }
                    <SearchBox query={view.query.clone()} onquery={dispatch.reform(Action::SetQuery)} />
                    <button type="button" class="button button--quiet filters-toggle" aria-expanded={filters_open.to_string()} aria-controls="facets" onclick={toggle_filters}>
                        { if active > 0 { format!("Filters · {active} active") } else { "Filters".to_owned() } }
                    </button>
                    <div id="facets" class={classes!("facets", filters_open.then_some("facets--open"))}>
                        <FacetPanel legend="Sector" name="sector" options={sector_options} ontoggle={on_sector} />
                        <FacetPanel legend="Kind" name="kind" options={kind_options} ontoggle={on_kind} />
                    </div>
                </div>
                <section class="layout__results" aria-labelledby="results-heading">
                    <h2 id="results-heading" class="visually-hidden">{ "Results" }</h2>
                    <div class="results-bar">
                        <p role="status" id="result-count" class="results-bar__count">{ status }</p>
                        <ActiveFilters deck={deck.clone()} view={view.clone()} dispatch={dispatch.clone()} />
                        <ExportBar deck={deck.clone()} results={outcome.results.clone()} />
                    </div>
                    if outcome.results.is_empty() {
                        <EmptyState deck={deck.clone()} query={view.query.clone()} relaxations={outcome.relaxations.clone()} suggestion={outcome.suggestion.clone().map(AttrValue::from)} dispatch={dispatch.clone()} />
                    } else {
                        <CardList deck={deck.clone()} results={outcome.results.clone()} query={outcome.query.clone()} open={view.open.clone()} reveal={state.reveal_open} {dispatch} />
                    }
                </section>
            </main>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DatasetErrorsProps {
    errors: Vec<String>,
}

/// Shown instead of a blank page if the embedded dataset is somehow invalid.
#[function_component(DatasetErrors)]
fn dataset_errors(props: &DatasetErrorsProps) -> Html {
    html! {
        <main class="dataset-errors" role="alert">
            <h1>{ "The dataset could not be loaded" }</h1>
            <ul>{ for props.errors.iter().map(|e| html! { <li><code>{ e }</code></li> }) }</ul>
            <p><a href="?">{ "Open the built-in dataset" }</a></p>
        </main>
    }
}
