//! The root state: the view (which is exactly what the URL holds) and user intents.
//!
//! Results, counts and highlights are derived from the view with `use_memo`; nothing
//! derived is stored here.

use std::rc::Rc;

use factdeck_core::model::Kind;
use factdeck_core::url_state::{ViewState, MAX_QUERY_CHARS};
use yew::Reducible;

/// How the URL should follow a state change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// A new history entry (filters, opening a card, the first keystroke of a query).
    Push,
    /// Rewrite the current entry (further keystrokes, so Back skips per-letter states).
    Replace,
    /// The state came from the URL (load, Back/Forward); leave history alone.
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub view: ViewState,
    pub nav: Nav,
    /// True when the open card should be scrolled into view (it came from the URL).
    pub reveal_open: bool,
    /// True when the last change was a keystroke in the search box.
    typing: bool,
}

impl AppState {
    pub fn from_url(view: ViewState) -> AppState {
        AppState { reveal_open: view.open.is_some(), view, nav: Nav::None, typing: false }
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
    /// Replace the whole view with one read from the URL.
    Restore(ViewState),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut view = self.view.clone();
        let mut nav = Nav::Push;
        let typing = matches!(action, Action::SetQuery(_));
        match action {
            Action::SetQuery(q) => {
                view.query = q.chars().take(MAX_QUERY_CHARS).collect();
                if self.typing {
                    nav = Nav::Replace;
                }
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
                view = ViewState { open: view.open, data: view.data, ..ViewState::default() };
            }
            Action::Open(id) => view.open = id,
            Action::Restore(v) => return Rc::new(AppState::from_url(v)),
        }
        if view == self.view {
            return self;
        }
        Rc::new(AppState { view, nav, reveal_open: false, typing })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(state: AppState, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
        actions.into_iter().fold(Rc::new(state), |s, a| s.reduce(a))
    }

    #[test]
    fn typing_pushes_once_then_replaces() {
        let s0 = AppState::from_url(ViewState::default());
        let s1 = apply(s0.clone(), [Action::SetQuery("t".into())]);
        assert_eq!(s1.nav, Nav::Push);
        let s2 = apply((*s1).clone(), [Action::SetQuery("tr".into())]);
        assert_eq!(s2.nav, Nav::Replace);
        let s3 = apply((*s2).clone(), [Action::ToggleSector("trade".into())]);
        assert_eq!(s3.nav, Nav::Push);
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
        let s = apply(s0, [Action::Open(Some("a".into())), Action::ToggleKind(Kind::Project), Action::SetQuery("x".into()), Action::ClearAll]);
        assert_eq!(s.view, ViewState { open: Some("a".into()), ..ViewState::default() });
    }

    #[test]
    fn restoring_from_the_url_does_not_touch_history() {
        let s0 = AppState::from_url(ViewState::default());
        let v = ViewState { query: "x".into(), ..ViewState::default() };
        let s = apply(s0, [Action::SetQuery("abc".into()), Action::Restore(v.clone())]);
        assert_eq!((s.view.clone(), s.nav), (v, Nav::None));
    }

    #[test]
    fn huge_pasted_query_is_capped() {
        let s = apply(AppState::from_url(ViewState::default()), [Action::SetQuery("ə".repeat(10_000))]);
        assert_eq!(s.view.query.chars().count(), MAX_QUERY_CHARS);
    }
}
