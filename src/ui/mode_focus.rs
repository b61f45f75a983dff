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
    let previous = use_mut_ref(|| (mode, started));
    use_effect_with((mode, open, started), move |(mode, open, started)| {
        let (was, was_started) = std::mem::replace(&mut *previous.borrow_mut(), (*mode, *started));
        if !was_started || was == *mode || !focus_lost() {
            return;
        }
        let target = match (was, *mode, open) {
            (Mode::Source, Mode::Cards, Some(id)) => format!("#{}", source_link_id(id)),
            (_, Mode::Cards, Some(id)) => format!("#fact-{id} [aria-expanded]"),
            (_, Mode::Timeline, _) => "#view-timeline".to_owned(),
            (_, Mode::Table, _) => "#view-table".to_owned(),
            _ => return,
        };
        focus(&target);
    });
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
