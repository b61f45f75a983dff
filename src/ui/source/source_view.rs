//! A fact's quote in the full text of its source, with the other facts drawn from the
//! same text marked more lightly and linked.

use std::rc::Rc;

use factdeck_core::facts::Facts;
use factdeck_core::url_state::Mode;
use yew::prelude::*;

use crate::ui::cards::source_link::in_app;
use crate::ui::deck::{Answer, Deck};
use crate::ui::source::source_text::{source_text, CURRENT_ID};
use crate::ui::state::Action;
use crate::ui::url_sync::use_links;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub deck: Rc<Deck>,
    /// Index into the dataset's facts: the fact whose quote is highlighted.
    pub fact: usize,
    pub dispatch: Callback<Action>,
    /// The deck's changes so far: a compiled dataset's facts arriving show the text.
    pub generation: u32,
}

#[function_component(SourceView)]
pub fn source_view(props: &SourceViewProps) -> Html {
    let links = use_links();
    // A compiled dataset first fetches the fact's chunk, which names its source; then the
    // source's text file, which holds where every fact quoting it quotes it; then the
    // chunks of those facts, for their titles.
    let ready = props.deck.at_hand(&[props.fact]);
    let source = (ready == Answer::Ready(())).then(|| props.deck.facts().fact(props.fact).map(|f| f.source)).flatten();
    let ready = match source {
        Some(s) => props.deck.text_at_hand(s),
        None => ready,
    };
    let source = source.filter(|_| ready == Answer::Ready(()));
    let spans = {
        let deck = props.deck.clone();
        use_memo((props.deck.clone(), source), move |&(_, s)| s.map(|s| deck.quote_spans(s)).unwrap_or_default())
    };
    let close = props.dispatch.reform(|_: MouseEvent| Action::SetMode(Mode::Cards));
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                dispatch.emit(Action::SetMode(Mode::Cards));
            }
        })
    };
    let quoting: Vec<usize> = spans.iter().map(|s| s.fact).collect();
    let ready = if ready == Answer::Ready(()) { props.deck.at_hand(&quoting) } else { ready };
    // Bring the highlighted quote to the middle of the screen and give it focus, so that a
    // screen reader reads it next; again whenever another fact is highlighted.
    use_effect_with((props.fact, ready == Answer::Ready(())), |_| reveal_current());
    let facts = props.deck.facts();
    let (fact, source) = match (&ready, facts.quoting(props.fact)) {
        (Answer::Ready(()), Some(found)) => found,
        (Answer::Failed(e), _) => {
            return html! { <p class="empty" role="alert">{ format!("This source could not be read: {}: {}", e.file, e.message) }</p> }
        }
        _ => return html! { <p class="results-loading" aria-busy="true">{ "Loading…" }</p> },
    };
    let others: Vec<usize> = quoting.into_iter().filter(|&f| f != props.fact).collect();
    let place = source.place.as_ref().map(|p| format!("{p} · ")).unwrap_or_default();
    html! {
           <section class="source-view" aria-labelledby="source-heading" {onkeydown}>
               <button type="button" class="button source-view__close" onclick={close}>{ "← Back to the cards" }</button>
               <h3 id="source-heading" class="source-view__title">{ &source.title }</h3>
               <p class="source-view__cite">
                   { format!("{} · {place}", source.publisher) }
                   <time datetime={source.published.iso()}>{ source.published.to_string() }</time>
                   if let Some(url) = &source.url {
                       { " · " }<a href={url.clone()} rel="noopener noreferrer">{ "Original" }</a>
                   }
               </p>
               if let Some(note) = &source.note {
                   <p class="source-view__note">{ note }</p>
               }
               <p class="source-view__intro">
                   { "Highlighted: the quote behind “" }<strong>{ &fact.title }</strong>{ "”." }
                   if !others.is_empty() {
                       { format!(" {} more {} from this text {} marked more lightly; select one to highlight it instead.",
                           others.len(), if others.len() == 1 { "fact" } else { "facts" }, if others.len() == 1 { "is" } else { "are" }) }
                   }
               </p>
               { source_text(&facts, &links, &source.text, &spans, props.fact, &props.dispatch) }
               if !others.is_empty() {
                   <h4 class="source-view__others-heading">{ "Other facts from this source" }</h4>
                   <ul class="source-view__others">
                       { for others.iter().filter_map(|&f| facts.fact(f)).map(|other| {
                           let id = other.id.to_string();
    html! {
                               <li>
                                   <a href={links.source(&id)} onclick={in_app(&props.dispatch, Action::ShowSource(id.clone()))}>{ &other.title }</a>
                                   { " · " }
                                   <a href={links.fact(&id)} onclick={in_app(&props.dispatch, Action::ShowCard(id.clone()))}
                                       aria-label={format!("Card of “{}”", other.title)}>{ "Card" }</a>
                               </li>
                           }
                       }) }
                   </ul>
               }
           </section>
       }
}

fn reveal_current() {
    use wasm_bindgen::JsCast;
    let Some(el) = gloo::utils::document().get_element_by_id(CURRENT_ID) else { return };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        // Already in view, so focusing does not scroll it again.
        let _ = el.focus();
    }
}
