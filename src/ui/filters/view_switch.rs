//! Cards, timeline or table: three toggle buttons (`aria-pressed`), written to the URL as `view`.
//! A plain function: it holds no state (see `source_link` on why not a component).

use factdeck_core::url_state::Mode;
use yew::prelude::*;

use crate::ui::state::Action;

/// The switch for the current `mode`; in the source view neither button is pressed.
pub fn view_switch(mode: Mode, dispatch: &Callback<Action>) -> Html {
    let button = |m: Mode, label: &'static str| {
        html! {
            <button type="button" id={format!("view-{}", m.slug())} class="view-switch__button" aria-pressed={(mode == m).to_string()}
                onclick={dispatch.reform(move |_: MouseEvent| Action::SetMode(m))}>
                { label }
            </button>
        }
    };
    html! {
        <div class="view-switch" role="group" aria-label="Show results as">
            { button(Mode::Cards, "Cards") }
            { button(Mode::Timeline, "Timeline") }
            { button(Mode::Table, "Table") }
        </div>
    }
}
