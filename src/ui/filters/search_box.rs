//! The search box. `/` anywhere outside a text field focuses it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub query: AttrValue,
    pub onquery: Callback<String>,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            let listener = gloo::utils::document_element().owner_document().map(|doc| {
                // Not passive: the "/" must not also be typed into the box.
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&doc, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    if e.key() != "/" || e.ctrl_key() || e.meta_key() || e.alt_key() || in_text_field(e) {
                        return;
                    }
                    if let Some(el) = input.cast::<HtmlInputElement>() {
                        e.prevent_default();
                        // Focus can only fail on a detached element; nothing to do then.
                        let _ = el.focus();
                    }
                })
            });
            move || drop(listener)
        });
    }
    let oninput = props.onquery.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <div class="search">
            <label class="search__label" for="search">{ "Search facts" }</label>
            <input
                ref={input}
                id="search"
                class="search__input"
                type="search"
                value={props.query.clone()}
                {oninput}
                placeholder="e.g. trade, Uzbekistan, green energy"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="search-hint"
                aria-keyshortcuts="/"
            />
            <p id="search-hint" class="search__hint">{ "Matches any spelling of accents; press / to search." }</p>
        </div>
    }
}

/// Moves focus to the search box; used when the focused control is about to disappear.
pub fn focus_search() {
    let el = gloo::utils::document().get_element_by_id("search").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        // Focus fails only on a detached element; there is nothing better to do then.
        let _ = el.focus();
    }
}

fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable"))
}

use wasm_bindgen::JsCast;
