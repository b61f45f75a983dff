//! Exports: facts as CSV (`csv`, one row per fact, for spreadsheets) and as JSON (`json`,
//! a factdeck dataset file that the same loader reads back), a citation and permalink per
//! fact (`cite`), and what they share here: export file names and how a number is written.

mod cite;
mod csv;
mod json;

pub use cite::{citation, permalink};
pub use csv::{csv, csv_field, starts_like_formula, BOM, CSV_COLUMNS};
pub use json::json;

use crate::dataset::Dataset;

/// A number as JSON and CSV write it: shortest form that reads back to the same value,
/// without exponent or trailing `.0` (`255`, `1.5`, `-0.25`).
fn number(v: f64) -> String {
    format!("{v}")
}

/// `factdeck-<dataset-slug>-<n>-facts.<ext>` for a view of `n` facts.
pub fn view_file_name(dataset: &Dataset, n: usize, ext: &str) -> String {
    let noun = if n == 1 { "fact" } else { "facts" };
    format!("factdeck-{}-{n}-{noun}.{ext}", slug(&dataset.title))
}

/// `factdeck-<dataset-slug>-dataset.json`, for the whole dataset.
pub fn dataset_file_name(dataset: &Dataset) -> String {
    format!("factdeck-{}-dataset.json", slug(&dataset.title))
}

/// Longest dataset slug in a file name, in bytes.
const MAX_SLUG: usize = 60;

/// The title folded to `[a-z0-9]` runs joined by hyphens (`Gəncə–Baku trade` →
/// `gence-baku-trade`), at most [`MAX_SLUG`] bytes; `dataset` if nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in crate::text::fold(title).chars() {
        if c.is_ascii_alphanumeric() {
            if out.len() >= MAX_SLUG {
                break;
            }
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "dataset".to_owned()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;

    /// The text of the fixture's source `wire`, read from its `file`.
    pub(super) const SOURCE: &str =
        "BAKU, June 4. He said: \"We, the people\" agreed.\nSecond line = 2+2. Gəncə oʻzbek 😀 text.\n-5 percent.";

    /// Three facts whose text exercises every escape: quotes, commas, line breaks, formula
    /// starts, non-ASCII letters and an emoji; a source given by `file`, one inline.
    pub(super) fn dataset() -> Dataset {
        let json = serde_json::json!({
            "title": "Gəncə – Tashkent: trade, \"quoted\"",
            "description": "Test data.",
            "sectors": [{ "id": "trade", "label": "Trade" }, { "id": "energy", "label": "Energy, power" }],
            "sources": [
                { "id": "wire", "publisher": "Wire", "title": "A \"headline\", with commas", "place": "Baku",
                  "published": "2025-06-04", "url": "https://example.org/a?b=1,2", "file": "sources/wire.txt" },
                { "id": "other", "publisher": "Other", "title": "Other", "published": "2024", "text": "=HYPERLINK(\"x\") is here. Second." }
            ],
            "facts": [
                { "id": "said", "kind": "statement", "title": "He said \"we\", the people", "summary": "Line one\nline two",
                  "sectors": ["trade", "energy"], "countries": ["Azerbaijan", "Uzbekistan"], "attribution": "He",
                  "date": { "start": "2025-06-04", "phrase": "June 4", "inferred": true },
                  "source": "wire", "quote": "He said: \"We, the people\" agreed." },
                { "id": "formula", "kind": "indicator", "title": "=2+2", "summary": "@SUM(A1)", "sectors": ["energy"],
                  "source": "other", "quote": "=HYPERLINK(\"x\") is here.", "status": "target",
                  "quantity": { "value": -5, "unit": "percent", "measure": "change", "approximate": true,
                                "period": { "start": "2020", "end": "2025" } },
                  "derived": [{ "label": "Per year", "quantity": { "value": 1.25, "unit": "currency", "currency": "USD",
                                "multiplier": "million", "measure": "current" }, "method": "5 ÷ 4" },
                              { "label": "Start", "date": "2020", "method": "2025 − 5" }] },
                { "id": "unicode", "kind": "agreement", "title": "Gəncə oʻzbek 😀", "summary": "Ünïcode.", "sectors": ["trade"],
                  "parties": ["Azerbaijan", "Uzbekistan"], "date": "2024-08", "source": "wire", "quote": "Gəncə oʻzbek 😀 text." }
            ]
        });
        load("test.json", &json.to_string(), |p| (p == "sources/wire.txt").then(|| SOURCE.to_owned())).expect("valid test dataset")
    }

    #[test]
    fn file_names_use_a_folded_slug_and_the_count() {
        let d = dataset();
        assert_eq!(view_file_name(&d, 12, "csv"), "factdeck-gence-tashkent-trade-quoted-12-facts.csv");
        assert_eq!(view_file_name(&d, 1, "json"), "factdeck-gence-tashkent-trade-quoted-1-fact.json");
        assert_eq!(dataset_file_name(&d), "factdeck-gence-tashkent-trade-quoted-dataset.json");
    }

    #[test]
    fn slug_of_nothing_usable_is_dataset() {
        assert_eq!(slug("—"), "dataset");
        assert_eq!(slug("Ташкент"), "dataset");
        assert_eq!(slug("Azerbaijan–Uzbekistan cooperation"), "azerbaijan-uzbekistan-cooperation");
        assert!(slug(&"long title ".repeat(20)).len() <= MAX_SLUG);
        assert!(!slug(&"long title ".repeat(20)).ends_with('-'));
    }
}
