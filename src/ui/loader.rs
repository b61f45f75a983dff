//! Which dataset the explorer shows: the embedded one, or a same-origin JSON file named by
//! the URL's `data=` parameter (validated by the same core validator, never uploaded).

use std::rc::Rc;

use factdeck_core::dataset;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::app::Deck;

/// A dataset as loaded: where from (`None` = embedded), and the deck or the problems that
/// stopped it, one line each.
pub struct Loaded {
    pub path: Option<String>,
    pub deck: Result<Rc<Deck>, Vec<String>>,
}

/// Loads the dataset for `path` (`None` = embedded). `None` while a fetch is in flight.
///
/// The first render always has the embedded dataset, whatever `path` says: it must match the
/// page prerendered at build time, which it hydrates. A fetch for `path` starts right after.
#[hook]
pub fn use_deck(path: Option<String>) -> Option<Rc<Loaded>> {
    let loaded = use_state(|| Some(Rc::new(Loaded { path: None, deck: from_embedded() })));
    {
        let loaded = loaded.clone();
        use_effect_with(path, move |path| {
            if let Some(path) = path.clone() {
                loaded.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    let fetched = if opened_from_disk() { Err(FROM_DISK.to_owned()) } else { fetch_text(&path).await };
                    let deck = match fetched {
                        Ok(json) => dataset::load(&path, &json, |_| None)
                            .map(|d| Rc::new(Deck::new(d)))
                            .map_err(|errs| errs.iter().map(ToString::to_string).collect()),
                        Err(e) => Err(vec![format!("{path}: could not load: {e}")]),
                    };
                    loaded.set(Some(Rc::new(Loaded { path: Some(path), deck })));
                });
            }
        });
    }
    (*loaded).clone()
}

fn from_embedded() -> Result<Rc<Deck>, Vec<String>> {
    crate::data::load()
        .map(|d| Rc::new(Deck::new(d)))
        .map_err(|errs| errs.iter().map(ToString::to_string).collect())
}

/// Why a page opened from disk (the single-file build, by file://) loads no other file:
/// browsers refuse it, and its policy forbids it.
const FROM_DISK: &str = "this page was opened from disk (file://), where it may not read other files; serve the app over http(s) to open another dataset";

fn opened_from_disk() -> bool {
    web_sys::window().is_some_and(|w| w.location().protocol().is_ok_and(|p| p == "file:"))
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
