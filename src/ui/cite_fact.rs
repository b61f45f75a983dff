//! "Cite" on a card: shows a ready-made citation of the fact (today's date as the access
//! date, the fact's permalink) with a button that copies it.

use std::rc::Rc;

use factdeck_core::export;
use factdeck_core::model::PartialDate;
use yew::prelude::*;

use super::app::Deck;
use super::export_bar::page_url;

#[derive(Properties, PartialEq)]
pub struct CiteFactProps {
    pub deck: Rc<Deck>,
    /// Index into the dataset's facts.
    pub fact: usize,
}

#[function_component(CiteFact)]
pub fn cite_fact(props: &CiteFactProps) -> Html {
    // Made when opened, not at render: it holds today's date and this page's address, which
    // the page prerendered at build time cannot know.
    let text = use_state(|| None::<String>);
    let copied = use_state(|| false);
    let fact = &props.deck.dataset.facts[props.fact];
    let panel_id = format!("fact-{}-cite", fact.id);
    let toggle = {
        let (text, copied, deck, index) = (text.clone(), copied.clone(), props.deck.clone(), props.fact);
        Callback::from(move |_: MouseEvent| {
            copied.set(false);
            text.set(match *text {
                Some(_) => None,
                None => Some(export::citation(&deck.dataset, index, today(), page_url().as_deref())),
            });
        })
    };
    let copy = {
        let (text, copied) = (text.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some(t), Some(window)) = (text.as_deref(), web_sys::window()) {
                // Rejected without clipboard permission; the text stays on screen to select.
                let _ = window.navigator().clipboard().write_text(t);
                copied.set(true);
            }
        })
    };
    html! {
        <>
            <button type="button" class="button button--quiet" aria-expanded={text.is_some().to_string()} aria-controls={panel_id.clone()}
                onclick={toggle} aria-label={format!("Cite “{}”", fact.title)}>{ "Cite" }</button>
            if let Some(t) = text.as_deref() {
                <div id={panel_id.clone()} class="cite">
                    <p class="cite__text" id={format!("{panel_id}-text")}>{ t }</p>
                    <button type="button" class="button button--quiet" onclick={copy} aria-describedby={format!("{panel_id}-text")}>
                        { if *copied { "Citation copied" } else { "Copy citation" } }
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
