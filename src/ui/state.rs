//! The view reducer: the view (which is exactly what the URL holds) and the user's intents
//! (`Action`s). The dataset shown has a reducer of its own, in `loading::loader`.
//!
//! Results, counts and highlights are derived from the view with `use_memo`; nothing
//! derived is stored here.

use std::rc::Rc;

use factdeck_core::model::Kind;
use factdeck_core::url_state::{Mode, Sort, ViewState, MAX_QUERY_CHARS};
use yew::Reducible;

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub view: ViewState,
    /// Which browser history entry this view belongs to. It goes up on every change that
    /// deserves its own entry (filters, opening a card, the first keystroke of a query) and
    /// stays put for further keystrokes, so Back skips per-letter states. URL sync pushes
    /// an entry whenever this differs from the last one it wrote, however renders batch.
    pub entry: u32,
    /// The view came from the URL (load, Back/Forward): history must not be written.
    pub from_url: bool,
    /// True when the open card should be scrolled into view (it came from the URL or from
    /// a link elsewhere on the page, such as the timeline).
    pub reveal_open: bool,
    /// True when the last change was a keystroke in the search box.
    typing: bool,
    /// The app runs and shows the URL's view. False for the first render only, which must
    /// reproduce the page prerendered at build time (the default view) to hydrate it.
    pub started: bool,
}

impl AppState {
    pub fn from_url(view: ViewState) -> AppState {
        AppState { reveal_open: view.open.is_some(), view, entry: 0, from_url: true, typing: false, started: false }
    }
}

/// What a user can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetQuery(String),
    ToggleSector(String),
    ToggleKind(Kind),
    ClearQuery,
    ClearAll,
    /// Open a card, or close it with `None`.
    Open(Option<String>),
    /// Show the results as cards, a timeline or a table (or leave the source view).
    SetMode(Mode),
    /// Order the results (the Sort select, a table header).
    SetSort(Sort),
    /// Show a fact's quote in its full source text.
    ShowSource(String),
    /// Show a fact's card, opened and scrolled into view (from the timeline or the source
    /// view).
    ShowCard(String),
    /// Replace the whole view with one read from the URL.
    Restore(ViewState),
    /// The app has taken over the prerendered page: show the URL's view from now on.
    Start(ViewState),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut view = self.view.clone();
        let typing = matches!(action, Action::SetQuery(_));
        let reveal = matches!(action, Action::ShowCard(_));
        // Searching or filtering acts on the result list, so it leaves the source view
        // (which shows one source whatever the filters) for the cards.
        if matches!(action, Action::SetQuery(_) | Action::ToggleSector(_) | Action::ToggleKind(_) | Action::ClearQuery | Action::ClearAll)
            && view.mode == Mode::Source
        {
            view.mode = Mode::Cards;
        }
        match action {
            Action::SetQuery(q) => {
                view.query = q.chars().take(MAX_QUERY_CHARS).collect();
            }
            Action::ToggleSector(id) => {
                if !view.sectors.remove(&id) {
                    view.sectors.insert(id);
                }
            }
            Action::ToggleKind(kind) => {
                if !view.kinds.remove(&kind) {
                    view.kinds.insert(kind);
                }
            }
            Action::ClearQuery => view.query.clear(),
            Action::ClearAll => {
                view = ViewState { open: view.open, data: view.data, mode: view.mode, sort: view.sort, ..ViewState::default() };
            }
            Action::Open(id) => view.open = id,
            Action::SetMode(mode) => view.mode = mode,
            Action::SetSort(sort) => view.sort = sort,
            Action::ShowSource(id) => {
                view.open = Some(id);
                view.mode = Mode::Source;
            }
            Action::ShowCard(id) => {
                view.open = Some(id);
                view.mode = Mode::Cards;
            }
            Action::Restore(v) => return Rc::new(AppState { entry: self.entry, started: self.started, ..AppState::from_url(v) }),
            Action::Start(v) => return Rc::new(AppState { entry: self.entry, started: true, ..AppState::from_url(v) }),
        }
        if !view.is_valid() {
            // A source view without its fact (`SetMode(Source)`, or the fact closed).
            view.mode = Mode::Cards;
        }
        if view == self.view && !reveal {
            return self;
        }
        let entry = if typing && self.typing { self.entry } else { self.entry + 1 };
        Rc::new(AppState { view, entry, from_url: false, reveal_open: reveal, typing, started: self.started })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(state: AppState, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
        actions.into_iter().fold(Rc::new(state), |s, a| s.reduce(a))
    }

    #[test]
    fn typing_a_word_is_one_history_entry() {
        let s0 = AppState::from_url(ViewState::default());
        let typed = apply(s0.clone(), [Action::SetQuery("t".into()), Action::SetQuery("tr".into()), Action::SetQuery("tra".into())]);
        assert_eq!(typed.entry, 1);
        let filtered = apply((*typed).clone(), [Action::ToggleSector("trade".into())]);
        assert_eq!(filtered.entry, 2);
        let retyped = apply((*filtered).clone(), [Action::SetQuery("trad".into())]);
        assert_eq!(retyped.entry, 3, "typing after a click starts a new entry");
    }

    #[test]
    fn a_no_op_action_changes_nothing() {
        let s0 = Rc::new(AppState::from_url(ViewState::default()));
        let s1 = s0.clone().reduce(Action::ClearAll);
        assert!(Rc::ptr_eq(&s0, &s1));
    }

    #[test]
    fn toggling_a_sector_twice_restores_the_view() {
        let s0 = AppState::from_url(ViewState::default());
        let s = apply(s0.clone(), [Action::ToggleSector("energy".into()), Action::ToggleSector("energy".into())]);
        assert_eq!(s.view, s0.view);
    }

    #[test]
    fn clear_all_keeps_the_loaded_dataset() {
        let s0 = AppState::from_url(ViewState { data: Some("x.json".into()), ..ViewState::default() });
        let s = apply(s0, [Action::SetQuery("x".into()), Action::ClearAll]);
        assert_eq!(s.view.data.as_deref(), Some("x.json"));
    }

    #[test]
    fn clear_all_keeps_the_open_card() {
        let s0 = AppState::from_url(ViewState::default());
        let s =
            apply(s0, [Action::Open(Some("a".into())), Action::ToggleKind(Kind::Project), Action::SetQuery("x".into()), Action::ClearAll]);
        assert_eq!(s.view, ViewState { open: Some("a".into()), ..ViewState::default() });
    }

    #[test]
    fn restoring_from_the_url_does_not_touch_history() {
        let s0 = AppState::from_url(ViewState::default());
        let v = ViewState { query: "x".into(), ..ViewState::default() };
        let s = apply(s0, [Action::SetQuery("abc".into()), Action::Restore(v.clone())]);
        assert_eq!((s.view.clone(), s.from_url, s.entry), (v, true, 1));
    }

    #[test]
    fn starting_adopts_the_url_view_without_touching_history() {
        let s0 = AppState::from_url(ViewState::default());
        assert!(!s0.started);
        let v = ViewState { query: "x".into(), open: Some("a".into()), ..ViewState::default() };
        let s = apply(s0, [Action::Start(v.clone())]);
        assert_eq!((s.view.clone(), s.from_url, s.entry, s.started, s.reveal_open), (v, true, 0, true, true));
        let s = apply((*s).clone(), [Action::SetQuery("xy".into()), Action::Restore(ViewState::default())]);
        assert!(s.started, "later actions keep the app started");
    }

    #[test]
    fn the_source_view_opens_on_a_fact_and_closes_to_its_card() {
        let s0 = AppState::from_url(ViewState { query: "trade".into(), ..ViewState::default() });
        let s = apply(s0, [Action::ShowSource("a".into())]);
        assert_eq!((s.view.mode, s.view.open.as_deref(), s.entry), (Mode::Source, Some("a"), 1));
        let s = apply((*s).clone(), [Action::SetMode(Mode::Cards)]);
        assert_eq!((s.view.mode, s.view.open.as_deref(), s.view.query.as_str(), s.entry), (Mode::Cards, Some("a"), "trade", 2));
    }

    #[test]
    fn searching_or_filtering_leaves_the_source_view_but_not_the_timeline() {
        let source = AppState::from_url(ViewState { open: Some("a".into()), mode: Mode::Source, ..ViewState::default() });
        for action in
            [Action::SetQuery("x".into()), Action::ToggleSector("energy".into()), Action::ToggleKind(Kind::Event), Action::ClearAll]
        {
            assert_eq!(apply(source.clone(), [Action::SetQuery("y".into()), action.clone()]).view.mode, Mode::Cards, "{action:?}");
        }
        let timeline = AppState::from_url(ViewState { mode: Mode::Timeline, ..ViewState::default() });
        let s = apply(timeline, [Action::SetQuery("x".into()), Action::ToggleKind(Kind::Event), Action::ClearAll]);
        assert_eq!(s.view.mode, Mode::Timeline);
    }

    #[test]
    fn a_source_view_never_loses_its_fact() {
        let s0 = AppState::from_url(ViewState::default());
        assert_eq!(apply(s0.clone(), [Action::SetMode(Mode::Source)]).view.mode, Mode::Cards);
        let s = apply(s0, [Action::ShowSource("a".into()), Action::Open(None)]);
        assert!(s.view.is_valid() && s.view.mode == Mode::Cards, "{:?}", s.view);
    }

    #[test]
    fn showing_a_card_from_the_timeline_reveals_it_even_when_already_open() {
        let s0 = AppState::from_url(ViewState { mode: Mode::Timeline, ..ViewState::default() });
        let s = apply(s0, [Action::ShowCard("a".into())]);
        assert_eq!((s.view.mode, s.view.open.as_deref(), s.reveal_open), (Mode::Cards, Some("a"), true));
        let again = apply((*s).clone(), [Action::ShowCard("a".into())]);
        assert!(again.reveal_open);
        let next = apply((*again).clone(), [Action::ToggleKind(Kind::Event)]);
        assert!(!next.reveal_open, "only the link that asked for it scrolls");
    }

    #[test]
    fn each_sort_is_a_history_entry_and_clearing_filters_keeps_it() {
        use factdeck_core::url_state::{Column, Direction};
        let newest = Sort::By(Column::Date, Direction::Descending);
        let s0 = AppState::from_url(ViewState::default());
        let s = apply(s0, [Action::SetSort(newest), Action::SetSort(Sort::By(Column::Title, Direction::Ascending))]);
        assert_eq!(s.entry, 2, "Back returns to the previous order");
        let s = apply((*s).clone(), [Action::SetSort(newest), Action::ToggleKind(Kind::Event), Action::ClearAll]);
        assert_eq!(s.view.sort, newest, "the order is not a filter");
    }

    #[test]
    fn huge_pasted_query_is_capped() {
        let s = apply(AppState::from_url(ViewState::default()), [Action::SetQuery("ə".repeat(10_000))]);
        assert_eq!(s.view.query.chars().count(), MAX_QUERY_CHARS);
    }
}
