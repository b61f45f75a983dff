//! The copy of a visitor's dataset kept on this device, only when they ask: localStorage.
//! Browsers give each site about 5 MB there, so larger files are not kept, and the visitor
//! is told why.

use wasm_bindgen::JsValue;

const META_KEY: &str = "factdeck.own-dataset";
const TEXT_KEY: &str = "factdeck.own-dataset.json";

/// localStorage holds about 5 million UTF-16 code units per site (keys and values): stay
/// under it with room for the rest of the site's keys.
pub const MAX_KEPT_UNITS: usize = 4_800_000;

/// What is kept: the file's name and size in bytes. Stored as `{"name":…,"bytes":…}`,
/// written and read by the browser's `JSON`, so that the page's wasm carries no JSON code.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub name: String,
    pub bytes: f64,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// The kept dataset's name and size, if one is kept.
pub fn saved() -> Option<Saved> {
    let meta = js_sys::JSON::parse(&get(META_KEY)?).ok()?;
    let field = |name: &str| js_sys::Reflect::get(&meta, &name.into()).ok();
    let saved = Saved { name: field("name")?.as_string()?, bytes: field("bytes")?.as_f64()? };
    get(TEXT_KEY).map(|_| saved)
}

/// The kept dataset's text.
pub fn text() -> Option<String> {
    get(TEXT_KEY)
}

/// Keeps `text` (the file `name`, `bytes` long), replacing any kept copy. On failure, says
/// why in words for the visitor.
pub fn keep(name: &str, bytes: f64, text: &str) -> Result<Saved, String> {
    let too_big = || {
        format!(
            "“{name}” is {}. This browser keeps at most about 5 MB per site, so it cannot be kept here: open the file again next time. It was not uploaded anywhere.",
            crate::ui::loading::dataset_picker::size_label(bytes)
        )
    };
    if text.encode_utf16().count() > MAX_KEPT_UNITS {
        return Err(too_big());
    }
    let saved = Saved { name: name.to_owned(), bytes };
    // The text goes in as it is (not JSON-quoted again), the small description as JSON.
    forget();
    let Some(storage) = storage() else {
        return Err("This browser refused to keep the file (storage is off or full).".to_owned());
    };
    if storage.set_item(TEXT_KEY, text).is_err() {
        forget();
        return Err(too_big());
    }
    let meta = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&meta, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&meta, &"bytes".into(), &JsValue::from_f64(bytes));
    let meta = js_sys::JSON::stringify(&meta).ok().and_then(|m| m.as_string());
    if meta.is_none_or(|m| storage.set_item(META_KEY, &m).is_err()) {
        forget();
        return Err("This browser refused to keep the file (storage is off or full).".to_owned());
    }
    Ok(saved)
}

/// Removes the kept copy, if any.
pub fn forget() {
    if let Some(storage) = storage() {
        // Removing a key that is not there is not an error; a failure leaves nothing to do.
        let _ = storage.remove_item(TEXT_KEY);
        let _ = storage.remove_item(META_KEY);
    }
}
