//! Where keyboard focus goes when the results change mode and the focused control went
//! with them (a link in the timeline, the source view's close button): to the control a
//! keyboard user would want next, never to `<body>`.

use factdeck_core::url_state::Mode;
use yew::prelude::*;

use crate::ui::cards::source_link::source_link_id;

/// After a mode change in the running app: back from the source view, focus the card's
/// "Source text" link; from the timeline or the table to a card, that card's details
/// toggle; into the timeline or the table, its button. Only when focus was lost; the source view focuses its
/// own quote.
#[hook]
pub fn use_mode_focus(mode: Mode, open: Option<String>, started: bool) {
    let changes = use_mut_ref(ModeChanges::default);
    // Keyed on the number of changes, not on the mode: an effect runs only when its key
    // differs from its last run's, and source view → cards before the effect ran would
    // leave the mode as that run saw it.
    let count = changes.borrow_mut().rendered(mode, started);
    use_effect_with(count, move |_| {
        let Some(was) = changes.borrow_mut().take() else { return };
        if !focus_lost() {
            return;
        }
        let target = match (was, mode, &open) {
            (Mode::Source, Mode::Cards, Some(id)) => format!("#{}", source_link_id(id)),
            (_, Mode::Cards, Some(id)) => format!("#fact-{id} [aria-expanded]"),
            (_, Mode::Timeline, _) => "#view-timeline".to_owned(),
            (_, Mode::Table, _) => "#view-table".to_owned(),
            _ => return,
        };
        focus(&target);
    });
}

/// The mode the results changed from, as the renders saw it, until the effect that moves
/// focus takes it. Kept at render time, not in the effect: Yew may render twice before
/// effects run (its scheduler can yield to the browser between a render and its effects,
/// and an Escape pressed then closes the source view first), and the effect then sees only
/// the last render. Judged by the effect's last run, "source view → cards" looked like
/// "cards → cards", and focus stayed lost.
#[derive(Default)]
struct ModeChanges {
    /// The mode of the last render, if the app had started by then.
    last: Option<Mode>,
    /// The mode the latest change of mode left, until an effect takes it.
    from: Option<Mode>,
    /// How many times the mode has changed.
    count: u32,
}

impl ModeChanges {
    /// A render of `mode`; changes count only once the app has started (the first renders
    /// reproduce the prerendered page). Returns how many changes there have been.
    fn rendered(&mut self, mode: Mode, started: bool) -> u32 {
        if let Some(last) = self.last.filter(|&last| last != mode) {
            // The latest change is the one to act on: the results on screen came from it,
            // and what had focus may have gone with the ones before (even if the mode is
            // back to the one the last effect saw, the focused control was redrawn).
            self.from = Some(last);
            self.count = self.count.wrapping_add(1);
        }
        self.last = started.then_some(mode);
        self.count
    }

    /// The mode the results changed from since the last call, if they did.
    fn take(&mut self) -> Option<Mode> {
        self.from.take()
    }
}

fn focus_lost() -> bool {
    let document = gloo::utils::document();
    document.active_element().is_none_or(|el| Some(el) == document.body().map(Into::into))
}

/// Moves keyboard focus to the first element matching `selector`, if there is one.
pub fn focus(selector: &str) {
    use wasm_bindgen::JsCast;
    let el = gloo::utils::document().query_selector(selector).ok().flatten();
    if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::{Mode, ModeChanges};

    #[test]
    fn a_mode_change_is_seen_once_by_the_next_effect() {
        let mut changes = ModeChanges::default();
        changes.rendered(Mode::Cards, true);
        assert_eq!(changes.take(), None, "no change yet");
        changes.rendered(Mode::Source, true);
        assert_eq!(changes.take(), Some(Mode::Cards));
        assert_eq!(changes.take(), None, "taken once");
        changes.rendered(Mode::Source, true);
        assert_eq!(changes.take(), None, "the same mode again");
    }

    #[test]
    fn two_renders_before_an_effect_act_on_the_latest_change() {
        // Cards → source view → cards, Escape pressed before the effects ran: the source
        // view's own effect had focused its quote, which has gone with it; the effect sees
        // "from the source view", as if it had run in between.
        let mut changes = ModeChanges::default();
        assert_eq!(changes.rendered(Mode::Cards, true), 0);
        assert_eq!(changes.rendered(Mode::Source, true), 1);
        assert_eq!(changes.rendered(Mode::Cards, true), 2, "a new key for the effect, though the mode is as its last run saw it");
        assert_eq!(changes.take(), Some(Mode::Source));
        assert_eq!(changes.take(), None, "taken once");
        // A later render of the same mode keeps the change for the effect.
        changes.rendered(Mode::Table, true);
        changes.rendered(Mode::Table, true);
        assert_eq!(changes.take(), Some(Mode::Cards));
    }

    #[test]
    fn the_renders_before_the_app_starts_change_nothing() {
        let mut changes = ModeChanges::default();
        changes.rendered(Mode::Cards, false);
        changes.rendered(Mode::Timeline, true);
        assert_eq!(changes.take(), None);
    }
}
