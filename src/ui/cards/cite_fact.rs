//! "Cite" on a card: shows a ready-made citation of the fact (today's date as the access
//! date, the fact's permalink) with a button that copies it.
//!
//! A plain function; the card holds its [`Citing`] state.

use std::rc::Rc;

use factdeck_core::export;
use factdeck_core::model::{Fact, PartialDate};
use yew::prelude::*;

use crate::ui::browser::{copy_to_clipboard, page_url};
use crate::ui::deck::Deck;

/// The Cite panel of one card: its text while open, and whether it has been copied.
#[derive(Clone, Default, PartialEq)]
pub struct Citing {
    /// Made when opened, not at render: it holds today's date and this page's address,
    /// which the page prerendered at build time cannot know.
    text: Option<String>,
    copied: bool,
}

/// The Cite button of `deck`'s fact number `fact` (`f`), and its panel while open.
pub fn cite_fact(deck: &Rc<Deck>, fact: usize, f: &Fact, citing: &UseStateHandle<Citing>) -> Html {
    let panel_id = format!("fact-{}-cite", f.id);
    let toggle = {
        let (citing, deck) = (citing.clone(), deck.clone());
        Callback::from(move |_: MouseEvent| {
            let text = match citing.text {
                Some(_) => None,
                None => Some(export::citation(&deck.facts(), fact, today(), page_url().as_deref())),
            };
            citing.set(Citing { text, copied: false });
        })
    };
    let copy = {
        let citing = citing.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(t) = citing.text.as_deref() {
                // The text stays on screen to select if the browser refuses the copy.
                copy_to_clipboard(t);
                citing.set(Citing { text: citing.text.clone(), copied: true });
            }
        })
    };
    html! {
        <>
            <button type="button" class="button button--quiet" aria-expanded={citing.text.is_some().to_string()} aria-controls={panel_id.clone()}
                onclick={toggle} aria-label={format!("Cite “{}”", f.title)}>{ "Cite" }</button>
            if let Some(t) = citing.text.as_deref() {
                <div id={panel_id.clone()} class="cite">
                    <p class="cite__text" id={format!("{panel_id}-text")}>{ t }</p>
                    <button type="button" class="button button--quiet" onclick={copy} aria-describedby={format!("{panel_id}-text")}>
                        { if citing.copied { "Citation copied" } else { "Copy citation" } }
                    </button>
                </div>
            }
        </>
    }
}

/// Today in the reader's time zone.
fn today() -> PartialDate {
    let now = web_sys::js_sys::Date::new_0();
    let text = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
    PartialDate::parse(&text).unwrap_or(PartialDate { year: now.get_full_year() as i32, month: None, day: None })
}
