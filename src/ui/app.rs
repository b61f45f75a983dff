//! The root components. `App` shows the dataset that `loading::loader` picks (or its
//! progress, or its errors); `Explorer` owns the view reducer (`state`), derives the outcome
//! of the current view with `use_memo`, provides `Links`, and lays out the features.

use std::rc::Rc;

use factdeck_core::compiled::Error;
use factdeck_core::explore::Outcome;
use factdeck_core::model::{Kind, Sector};
use factdeck_core::search::Ranked;
use factdeck_core::timeline::Timeline as Dates;
use factdeck_core::url_state::{Mode, ViewState, LOCAL_DATA};
use yew::prelude::*;

use crate::ui::deck::{Answer, Deck};
use crate::ui::remote::Remote;

use crate::ui::cards::card_list::CardList;
use crate::ui::cards::empty_state::empty_state;
use crate::ui::export::ExportBar;
use crate::ui::filters::active_filters::active_filters;
use crate::ui::filters::facet_panel::{facet_panel, FacetOption};
use crate::ui::filters::search_box::SearchBox;
use crate::ui::filters::sort_select::SortSelect;
use crate::ui::filters::view_switch::view_switch;
use crate::ui::header::header;
use crate::ui::loading::dataset_bar::dataset_bar;
use crate::ui::loading::dataset_errors::DatasetErrors;
use crate::ui::loading::deck_model::{Provenance, Shown};
use crate::ui::loading::loader::{use_decks, Command};
use crate::ui::mode_focus::use_mode_focus;
use crate::ui::source::source_view::SourceView;
use crate::ui::state::{Action, AppState};
use crate::ui::table::ResultTable;
use crate::ui::timeline::Timeline;
use crate::ui::url_sync::{initial_view, use_url_sync, Links};

#[function_component(App)]
pub fn app() -> Html {
    // The view the URL asks for. The first render shows the embedded dataset's default view
    // whatever the URL says: that is the page prerendered at build time (prerender/), which
    // this render hydrates node for node. The URL's view follows at once (`use_url_sync`).
    let url_view = use_memo((), |_| initial_view());
    use_effect_with((), |_| {
        // The first render (the hydration of the prerendered page) is over.
        crate::ui::hydration::end();
        crate::ui::offline::register_service_worker();
    });
    let (decks, command) = use_decks(url_view.data.clone());
    // A dataset that could not be shown: the page's icon, held back while it opened, is put
    // back now (`Explorer` does it for one that is shown).
    let failed = matches!(decks.shown, Shown::Errors { .. } | Shown::Missing);
    use_effect_with(failed, |failed| {
        if *failed {
            crate::ui::browser::show_icon();
        }
    });
    match &decks.shown {
        Shown::Loading(what) => html! {
            <main class="loading">
                <p aria-live="polite">{ what.clone() }</p>
                <button type="button" class="button" onclick={command.reform(|_: MouseEvent| Command::Cancel)}>{ "Cancel" }</button>
            </main>
        },
        Shown::Deck { deck, provenance } => {
            let initial = match provenance {
                Provenance::Embedded => ViewState::default(),
                // A fetched dataset is not prerendered: it starts from the URL's view directly.
                Provenance::Site => (*url_view).clone(),
                Provenance::Own(_) => ViewState { data: Some(LOCAL_DATA.into()), ..ViewState::default() },
            };
            // Prerendered too (its first state does not depend on the browser), so that the
            // page does not shift when the app starts; hidden without scripts (style.css).
            let banner = dataset_bar(&decks, &command);
            // A new deck is a new explorer (its own reducer and URL sync).
            html! { <Explorer key={format!("{:p}", Rc::as_ptr(deck))} deck={deck.clone()} {initial} {banner} /> }
        }
        Shown::Errors { name, own, errors } => html! {
            <DatasetErrors name={Some(name.clone())} own={*own} errors={errors.clone()} command={own.then_some(command)} busy={decks.busy.clone()} />
        },
        Shown::Missing => {
            html! { <DatasetErrors name={None::<String>} own=true errors={Rc::new(Vec::new())} command={Some(command)} busy={decks.busy.clone()} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    pub deck: Rc<Deck>,
    /// The view of the first render. Once running in a browser, the explorer switches to
    /// the URL's view (`use_url_sync`); rendered on a server, it shows this one.
    pub initial: ViewState,
    /// Shown in the header: which dataset this is and how to change it (`dataset_bar`).
    #[prop_or_default]
    pub banner: Html,
}

#[function_component(Explorer)]
pub fn explorer(props: &ExplorerProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || AppState::from_url(initial));
    // Only matters on narrow screens, where the facets fold away behind a button.
    let filters_open = use_state(|| false);
    use_url_sync(&state);
    use_mode_focus(state.view.mode, state.view.open.clone(), state.started);
    let deck = props.deck.clone();
    let generation = use_generation(&deck);
    // The view's answer: worked out again when the view changes, or, while it waits for a
    // compiled dataset's files (or its index, which may yet fail), when files arrive; not
    // when a card's facts arrive.
    let answers = use_mut_ref(|| None::<(ViewState, u32, Answer<Rc<Outcome>>)>);
    let answer = {
        let mut kept = answers.borrow_mut();
        let settled = |a: &Answer<Rc<Outcome>>| matches!(a, Answer::Ready(_)) && !deck.index_pending();
        let fresh = kept.as_ref().is_some_and(|(v, g, a)| *v == state.view && (*g == generation || settled(a)));
        if !fresh {
            let answer = match deck.explore(&state.view) {
                Answer::Ready(outcome) => Answer::Ready(Rc::new(outcome)),
                Answer::Waiting => Answer::Waiting,
                Answer::Failed(e) => Answer::Failed(e),
            };
            *kept = Some((state.view.clone(), generation, answer));
        }
        kept.as_ref().map(|(_, _, a)| a.clone()).unwrap_or(Answer::Waiting)
    };
    // While a compiled dataset fetches what a view needs, the last answer stays on screen
    // (the results say they are busy); before the first, there is none to show.
    let last = use_mut_ref(|| None::<Rc<Outcome>>);
    if let Answer::Ready(outcome) = &answer {
        *last.borrow_mut() = Some(outcome.clone());
    }
    let answered = last.borrow().clone();
    let outcome = answered.clone().unwrap_or_default();
    let waiting = answer == Answer::Waiting;
    // The page's icon, held back while another dataset opened (browser::show_icon): once
    // this one answers typing, or has failed.
    let settled = match &answer {
        Answer::Ready(_) => !deck.index_pending(),
        Answer::Failed(_) => true,
        Answer::Waiting => false,
    };
    use_effect_with(settled, |settled| {
        if *settled {
            crate::ui::browser::show_icon();
        }
    });
    let dates = {
        let deck = deck.clone();
        let timeline_results = (state.view.mode == Mode::Timeline).then(|| outcome.results.clone());
        use_memo((timeline_results, generation), move |(r, _)| r.as_ref().map(|r| dates_of(&deck, r)))
    };
    let view = &state.view;
    // The source view's fact; a link naming a fact this dataset lacks gets a notice.
    let source_fact = (view.mode == Mode::Source).then(|| view.open.as_deref().map_or(Answer::Ready(None), |id| deck.fact_index(id)));
    // One callback for the explorer's life: children compare it by identity, so a new one
    // per render would re-render every card whenever anything else changed.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |action: Action| dispatcher.dispatch(action)))).clone()
    };
    let (sector_options, kind_options) = facet_options(deck.sectors(), &outcome, view);
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
    let (total, sources) = deck.size();
    let status = match (&answer, &answered) {
        (Answer::Failed(_), _) => "The dataset could not be read".to_owned(),
        (_, None) => "Searching…".to_owned(),
        (_, Some(_)) => status_text(total, &outcome, view, dates.as_ref().as_ref().and_then(Dated::ready)),
    };
    let results = Results { deck: &deck, outcome: &outcome, view, reveal: state.reveal_open, dispatch: &dispatch, generation };
    let results = match (&answer, &answered, &source_fact) {
        (Answer::Failed(e), ..) | (_, _, Some(Answer::Failed(e))) => unreadable(deck.remote_store(), e),
        (_, None, _) | (_, _, Some(Answer::Waiting)) => loading(),
        (_, _, Some(Answer::Ready(fact))) => results.source(*fact),
        (_, _, None) => results.list(dates.as_ref().as_ref()),
    };
    html! {
        <ContextProvider<Links> context={Links::new(view.data.clone())}>
            { header(deck.title(), deck.description(), total, sources, props.banner.clone()) }
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
                        { facet_panel("Sector", "sector", &sector_options, &on_sector) }
                        { facet_panel("Kind", "kind", &kind_options, &on_kind) }
                    </div>
                </div>
                <section class="layout__results" aria-labelledby="results-heading" aria-busy={waiting.then_some("true")}>
                    <h2 id="results-heading" class="visually-hidden">{ "Results" }</h2>
                    <div class="results-bar">
                        <p role="status" id="result-count" class="results-bar__count">{ status }</p>
                        { view_switch(view.mode, &dispatch) }
                        if matches!(view.mode, Mode::Cards | Mode::Table) {
                            <SortSelect sort={view.sort} searching={!outcome.query.is_empty()} dispatch={dispatch.clone()} />
                        }
                        { active_filters(&deck, view, &dispatch) }
                        <ExportBar deck={deck.clone()} results={outcome.results.clone()} />
                    </div>
                    { results }
                </section>
            </main>
        </ContextProvider<Links>>
    }
}

/// The result count, as the status line says it: exact, and how many are on the timeline.
fn status_text(total: usize, outcome: &Outcome, view: &ViewState, dates: Option<&Rc<Dates>>) -> String {
    let mut status = if view.is_filtered() { format!("{} of {total} facts", outcome.results.len()) } else { format!("{total} facts") };
    if let Some(dates) = dates.filter(|_| !outcome.results.is_empty()) {
        status.push_str(&format!(", {} on the timeline", dates.dated));
    }
    status
}

/// The sector and kind checkboxes, with the counts of the current view.
fn facet_options(all: &[Sector], outcome: &Outcome, view: &ViewState) -> (Vec<FacetOption>, Vec<FacetOption>) {
    let sectors = outcome
        .counts
        .sectors
        .iter()
        .map(|&(i, count)| {
            let s = &all[i];
            FacetOption { value: s.id.clone(), label: s.label.clone(), count, checked: view.sectors.contains(&s.id) }
        })
        .collect();
    let kinds = outcome
        .counts
        .kinds
        .iter()
        .map(|&(k, count)| FacetOption { value: k.slug().into(), label: k.label().into(), count, checked: view.kinds.contains(&k) })
        .collect();
    (sectors, kinds)
}

/// What the result area shows for one view: the cards, the timeline, the source view, or
/// the empty state.
struct Results<'a> {
    deck: &'a Rc<Deck>,
    outcome: &'a Outcome,
    view: &'a ViewState,
    reveal: bool,
    dispatch: &'a Callback<Action>,
    /// The deck's changes so far (a compiled dataset's files arriving).
    generation: u32,
}

impl Results<'_> {
    /// The source view of fact number `fact`; `None` when the link names a fact this
    /// dataset lacks.
    fn source(&self, fact: Option<usize>) -> Html {
        let (deck, dispatch) = (self.deck.clone(), self.dispatch.clone());
        match fact {
            Some(fact) => html! { <SourceView {deck} {fact} {dispatch} generation={self.generation} /> },
            None => html! {
                <div class="empty" role="alert">
                    <p class="empty__title">{ format!("There is no fact “{}” in this dataset, so no source text to show.", self.view.open.clone().unwrap_or_default()) }</p>
                    <button type="button" class="button" onclick={dispatch.reform(|_: MouseEvent| Action::SetMode(Mode::Cards))}>{ "Show the cards" }</button>
                </div>
            },
        }
    }

    /// The matches as cards, as a table, or on the timeline when `dates` (its data) is given.
    fn list(&self, dates: Option<&Dated>) -> Html {
        let (deck, dispatch, outcome, generation) = (self.deck.clone(), self.dispatch.clone(), self.outcome, self.generation);
        if outcome.results.is_empty() {
            return empty_state(&deck, &self.view.query, &outcome.relaxations, outcome.suggestion.as_deref(), &dispatch);
        }
        if self.view.mode == Mode::Table {
            let (results, query, sort, filtered) =
                (outcome.results.clone(), outcome.query.clone(), self.view.sort, self.view.is_filtered());
            return html! { <ResultTable {deck} {results} {query} {sort} {filtered} {dispatch} {generation} /> };
        }
        match dates {
            Some(Dated::Ready(dates)) => html! { <Timeline {deck} timeline={dates.clone()} {dispatch} {generation} /> },
            Some(Dated::Waiting) => loading(),
            Some(Dated::Failed(e)) => unreadable(deck.remote_store(), e),
            None => html! {
                <CardList {deck} results={outcome.results.clone()} query={outcome.query.clone()} open={self.view.open.clone()} reveal={self.reveal} {dispatch} {generation} />
            },
        }
    }
}

/// The timeline's data, or why it is not here.
#[derive(PartialEq)]
enum Dated {
    Ready(Rc<Dates>),
    Waiting,
    Failed(Error),
}

impl Dated {
    fn ready(&self) -> Option<&Rc<Dates>> {
        match self {
            Dated::Ready(dates) => Some(dates),
            _ => None,
        }
    }
}

/// The timeline of `results`: at once from a dataset in memory; from a compiled one once
/// its timeline file has arrived (the entries' facts are fetched as they show).
fn dates_of(deck: &Deck, results: &Ranked) -> Dated {
    let facts: Vec<usize> = results.facts().collect();
    match deck.timeline(&facts) {
        Answer::Ready(t) => Dated::Ready(Rc::new(t)),
        Answer::Waiting => Dated::Waiting,
        Answer::Failed(e) => Dated::Failed(e),
    }
}

/// The generation of `deck` (see [`Deck::generation`]): the explorer renders again at each
/// change.
#[hook]
fn use_generation(deck: &Rc<Deck>) -> u32 {
    let generation = use_state_eq(|| deck.generation());
    let setter = generation.setter();
    use_effect_with(deck.clone(), move |deck| {
        if let Some(remote) = deck.remote_store() {
            setter.set(remote.generation());
            remote.on_change(Callback::from(move |g| setter.set(g)));
        }
    });
    *generation
}

/// While a compiled dataset fetches what a view needs (busy until it is replaced).
fn loading() -> Html {
    html! { <p class="results-loading" aria-busy="true">{ "Loading…" }</p> }
}

/// A file of a compiled dataset could not be had: which one, why, and a way to try again.
fn unreadable(remote: Option<&Rc<Remote>>, e: &Error) -> Html {
    let retry = remote.cloned().map(|r| Callback::from(move |_: MouseEvent| r.retry()));
    html! {
        <div class="empty" role="alert">
            <p class="empty__title">{ "This part of the dataset could not be read, so these results are not shown." }</p>
            <p>{ format!("{}: {}", e.file, e.message) }</p>
            if let Some(onclick) = retry {
                <button type="button" class="button" {onclick}>{ "Try again" }</button>
            }
        </div>
    }
}
