//! A fact's citation ("Cite this fact") and its permalink.

use std::fmt::Write;

use crate::facts::Facts;
use crate::model::{Fact, PartialDate};

/// A fact's link: `page_url` (the app's address without query) + `?fact=id`.
pub fn permalink(page_url: &str, fact: &Fact) -> String {
    format!("{page_url}?fact={}", fact.id)
}

/// "Cite this fact" text:
///
/// `“<title>.” factdeck: <dataset title>. Source: <publisher>, “<source title>”, <place>,
/// <published>, <url>. Fact <id>, accessed <accessed>. <permalink>`
///
/// The place, url and permalink are left out when unknown; no full stop is added after a
/// title that already ends a sentence. Empty if `fact` (or its source) is not at hand.
pub fn citation(facts: &impl Facts, fact: usize, accessed: PartialDate, page_url: Option<&str>) -> String {
    let Some((f, s)) = facts.quoting(fact) else { return String::new() };
    let title = f.title.trim();
    let stop = if title.ends_with(['.', '!', '?', '…']) { "" } else { "." };
    let mut out = format!("“{title}{stop}” factdeck: {}. Source: {}, “{}”", facts.title().trim(), s.publisher, s.title);
    if let Some(place) = &s.place {
        let _ = write!(out, ", {place}");
    }
    let _ = write!(out, ", {}", s.published);
    if let Some(url) = &s.url {
        let _ = write!(out, ", {url}");
    }
    let _ = write!(out, ". Fact {}, accessed {accessed}.", f.id);
    if let Some(page) = page_url {
        let _ = write!(out, " {}", permalink(page, f));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::dataset;

    #[test]
    fn citation_names_fact_source_dates_and_link() {
        let d = dataset();
        let accessed = PartialDate::parse("2025-07-01").unwrap();
        assert_eq!(
            citation(&d, 0, accessed, Some("https://example.org/")),
            "“He said \"we\", the people.” factdeck: Gəncə – Tashkent: trade, \"quoted\". \
             Source: Wire, “A \"headline\", with commas”, Baku, 4 June 2025, https://example.org/a?b=1,2. \
             Fact said, accessed 1 July 2025. https://example.org/?fact=said"
        );
    }

    #[test]
    fn citation_leaves_out_what_is_unknown() {
        let d = dataset();
        let accessed = PartialDate::parse("2025-07-01").unwrap();
        assert_eq!(
            citation(&d, 1, accessed, None),
            "“=2+2.” factdeck: Gəncə – Tashkent: trade, \"quoted\". Source: Other, “Other”, 2024. Fact formula, accessed 1 July 2025."
        );
    }

    #[test]
    fn a_citation_of_no_fact_is_empty_rather_than_a_crash() {
        let d = dataset();
        assert_eq!(citation(&d, d.facts.len(), PartialDate::parse("2025").unwrap(), Some("https://example.org/")), "");
    }

    #[test]
    fn citation_adds_no_second_full_stop() {
        let mut d = dataset();
        d.facts[2].title = "Done?".into();
        let text = citation(&d, 2, PartialDate::parse("2025").unwrap(), None);
        assert!(text.starts_with("“Done?” factdeck:"), "{text}");
    }
}
