//! The copy of a visitor's dataset kept on this device, only when they ask: localStorage
//! through gloo-storage. Browsers give each site about 5 MB there, so larger files are not
//! kept, and the visitor is told why.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const META_KEY: &str = "factdeck.own-dataset";
const TEXT_KEY: &str = "factdeck.own-dataset.json";

/// localStorage holds about 5 million UTF-16 code units per site (keys and values): stay
/// under it with room for the rest of the site's keys.
pub const MAX_KEPT_UNITS: usize = 4_800_000;

/// What is kept: the file's name and size in bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub name: String,
    pub bytes: f64,
}

/// The kept dataset's name and size, if one is kept.
pub fn saved() -> Option<Saved> {
    LocalStorage::get(META_KEY).ok().filter(|_| LocalStorage::raw().get_item(TEXT_KEY).ok().flatten().is_some())
}

/// The kept dataset's text.
pub fn text() -> Option<String> {
    LocalStorage::raw().get_item(TEXT_KEY).ok().flatten()
}

/// Keeps `text` (the file `name`, `bytes` long), replacing any kept copy. On failure, says
/// why in words for the visitor.
pub fn keep(name: &str, bytes: f64, text: &str) -> Result<Saved, String> {
    let too_big = || {
        format!(
            "“{name}” is {}. This browser keeps at most about 5 MB per site, so it cannot be kept here: open the file again next time. It was not uploaded anywhere.",
            super::dataset_picker::size_label(bytes)
        )
    };
    if text.encode_utf16().count() > MAX_KEPT_UNITS {
        return Err(too_big());
    }
    let saved = Saved { name: name.to_owned(), bytes };
    // The text goes in as it is (not JSON-quoted again), the small description through serde.
    forget();
    if LocalStorage::raw().set_item(TEXT_KEY, text).is_err() {
        forget();
        return Err(too_big());
    }
    if LocalStorage::set(META_KEY, &saved).is_err() {
        forget();
        return Err("This browser refused to keep the file (storage is off or full).".to_owned());
    }
    Ok(saved)
}

/// Removes the kept copy, if any.
pub fn forget() {
    LocalStorage::delete(TEXT_KEY);
    LocalStorage::delete(META_KEY);
}
