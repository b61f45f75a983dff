//! Test support for the core's unit tests: small datasets of events, written as JSON and
//! loaded through the validator, so that every test dataset is a valid one.

use serde_json::json;

use crate::dataset::{load, Dataset};

/// A dataset of events, each with its id (also its title) and the extra fields given, in
/// sectors `x` ("X") and `y` ("Ýes"), quoting one source.
pub fn events(facts: &[(&str, serde_json::Value)]) -> Dataset {
    let facts: Vec<_> = facts
        .iter()
        .map(|(id, extra)| {
            let mut f = json!({ "id": id, "kind": "event", "title": id, "summary": "s", "sectors": ["x"], "source": "src", "quote": "q" });
            for (k, v) in extra.as_object().expect("extra fields are a JSON object") {
                f[k] = v.clone();
            }
            f
        })
        .collect();
    let json = json!({
        "title": "t",
        "sectors": [{ "id": "x", "label": "X" }, { "id": "y", "label": "Ýes" }],
        "sources": [{ "id": "src", "publisher": "p", "title": "t", "published": "2025-06-04", "text": "q" }],
        "facts": facts,
    });
    load("t.json", &json.to_string(), |_| None).unwrap_or_else(|e| panic!("{e:?}"))
}
