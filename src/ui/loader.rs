//! Which dataset the explorer shows: the embedded one, or a same-origin JSON file named by
//! the URL's `data=` parameter (validated by the same core validator, never uploaded).

use std::rc::Rc;

use factdeck_core::dataset;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::app::Deck;

/// A loaded deck, or the problems that stopped it, one line each.
pub type Loaded = Result<Rc<Deck>, Vec<String>>;

/// Loads the dataset for `path` (`None` = embedded). `None` while a fetch is in flight.
#[hook]
pub fn use_deck(path: Option<String>) -> Option<Rc<Loaded>> {
    let embedded = path.is_none();
    let loaded = use_state(move || embedded.then(|| Rc::new(from_embedded())));
    {
        let loaded = loaded.clone();
        use_effect_with(path, move |path| {
            if let Some(path) = path.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match fetch_text(&path).await {
                        Ok(json) => dataset::load(&path, &json, |_| None)
                            .map(|d| Rc::new(Deck::new(d)))
                            .map_err(|errs| errs.iter().map(ToString::to_string).collect()),
                        Err(e) => Err(vec![format!("{path}: could not load: {e}")]),
                    };
                    loaded.set(Some(Rc::new(result)));
                });
            }
        });
    }
    (*loaded).clone()
}

fn from_embedded() -> Loaded {
    crate::data::load()
        .map(|d| Rc::new(Deck::new(d)))
        .map_err(|errs| errs.iter().map(ToString::to_string).collect())
}

async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| "network error".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| "unreadable body".to_owned())?;
    let text = JsFuture::from(text).await.map_err(|_| "unreadable body".to_owned())?;
    text.as_string().ok_or_else(|| "body is not text".to_owned())
}
