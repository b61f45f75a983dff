//! Facts as JSON: a dataset file in the format of `data/README.md` that the same loader
//! reads back.
//!
//! Facts come in the order given. Sources carry their text inline (`text`), so the file
//! stands alone and opens again in factdeck; a source's original `file` name is therefore
//! not repeated there (a source may not have both).

use std::fmt::Write;

use super::number;
use crate::dataset::Dataset;
use crate::model::{DateSpec, Fact, Quantity, Source};

/// `facts` (indices, in the order wanted) as a dataset file: the dataset's title,
/// description and sectors, the sources those facts cite (text inline), and the facts.
/// `crate::dataset::load` accepts it.
pub fn json(dataset: &Dataset, facts: &[usize]) -> String {
    let mut cited: Vec<usize> = dataset.facts_at(facts).map(|f| f.source).collect();
    cited.sort_unstable();
    cited.dedup();
    let mut w = Json::default();
    w.open('{');
    w.key("title");
    w.string(&dataset.title);
    if !dataset.description.is_empty() {
        w.key("description");
        w.string(&dataset.description);
    }
    w.list("sectors", dataset.sectors.iter(), |w, s| {
        w.open('{');
        w.field("id", &s.id);
        w.field("label", &s.label);
        w.close('}');
    });
    w.list("sources", cited.iter().filter_map(|&s| dataset.sources.get(s)), source_json);
    w.list("facts", dataset.facts_at(facts), |w, f| fact_json(w, dataset, f, facts));
    w.close('}');
    w.out.push('\n');
    w.out
}

fn source_json(w: &mut Json, s: &Source) {
    w.open('{');
    w.field("id", &s.id);
    w.field("publisher", &s.publisher);
    w.field("title", &s.title);
    w.opt_field("place", s.place.as_deref());
    w.field("published", &s.published.iso());
    w.opt_field("url", s.url.as_deref());
    w.opt_field("note", s.note.as_deref());
    w.field("text", &s.text);
    w.close('}');
}

/// `exported`: the facts in the same file; a `compare_with` link to a fact outside it is
/// left out, so that the file still loads.
fn fact_json(w: &mut Json, dataset: &Dataset, f: &Fact, exported: &[usize]) {
    w.open('{');
    w.field("id", f.id.as_str());
    w.field("kind", f.kind.slug());
    w.field("title", &f.title);
    w.field("summary", &f.summary);
    w.strings("sectors", dataset.sector_ids(f));
    if !f.countries.is_empty() {
        w.strings("countries", f.countries.iter().map(String::as_str));
    }
    if !f.parties.is_empty() {
        w.strings("parties", f.parties.iter().map(String::as_str));
    }
    w.opt_field("attribution", f.attribution.as_deref());
    if let Some(d) = &f.date {
        w.key("date");
        date_json(w, d);
    }
    w.opt_field("status", f.status.map(|s| s.slug()));
    w.field("source", &dataset.source_of(f).id);
    w.field("quote", &f.quote);
    if let Some(q) = &f.quantity {
        w.key("quantity");
        quantity_json(w, q);
    }
    if !f.derived.is_empty() {
        w.list("derived", f.derived.iter(), |w, d| {
            w.open('{');
            w.field("label", &d.label);
            if let Some(q) = &d.quantity {
                w.key("quantity");
                quantity_json(w, q);
            }
            if let Some(date) = d.date {
                w.field("date", &date.iso());
            }
            w.field("method", &d.method);
            w.close('}');
        });
    }
    if let Some(other) = f.compare_with.filter(|c| exported.contains(c)).and_then(|c| dataset.facts.get(c)) {
        w.field("compare_with", other.id.as_str());
    }
    w.close('}');
}

fn date_json(w: &mut Json, d: &DateSpec) {
    if d.end.is_none() && d.phrase.is_none() && !d.inferred {
        w.string(&d.start.iso());
        return;
    }
    w.open('{');
    w.field("start", &d.start.iso());
    if let Some(end) = d.end {
        w.field("end", &end.iso());
    }
    w.opt_field("phrase", d.phrase.as_deref());
    if d.inferred {
        w.key("inferred");
        w.out.push_str("true");
    }
    w.close('}');
}

fn quantity_json(w: &mut Json, q: &Quantity) {
    w.open('{');
    w.key("value");
    w.out.push_str(&number(q.value));
    w.field("unit", &q.unit);
    w.opt_field("currency", q.currency.as_deref());
    w.opt_field("multiplier", q.multiplier.map(|m| m.word()));
    w.field("measure", q.measure.slug());
    if q.approximate {
        w.key("approximate");
        w.out.push_str("true");
    }
    if let Some(p) = &q.period {
        w.key("period");
        date_json(w, p);
    }
    w.close('}');
}

/// A small pretty-printing JSON writer (two-space indent), so that exports need no
/// serializer in the WebAssembly binary.
#[derive(Default)]
struct Json {
    out: String,
    depth: usize,
    /// Whether the current container has had an entry yet.
    first: bool,
}

impl Json {
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// Starts an array item.
    fn item(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.newline();
    }

    fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push_str(": ");
    }

    fn field(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    fn opt_field(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.field(key, v);
        }
    }

    /// `key: [ … ]`, each value written by `each` as one item.
    fn list<T>(&mut self, key: &str, values: impl Iterator<Item = T>, mut each: impl FnMut(&mut Json, T)) {
        self.key(key);
        self.open('[');
        for v in values {
            self.item();
            each(self, v);
        }
        self.close(']');
    }

    fn strings<'a>(&mut self, key: &str, values: impl Iterator<Item = &'a str>) {
        self.key(key);
        self.out.push('[');
        for (i, v) in values.enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.string(v);
        }
        self.out.push(']');
    }

    fn string(&mut self, s: &str) {
        let out = &mut self.out;
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if u32::from(c) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;
    use crate::export::tests::{dataset, SOURCE};

    #[test]
    fn json_export_of_everything_loads_back_as_the_same_dataset() {
        let d = dataset();
        let all: Vec<usize> = (0..d.facts.len()).collect();
        let text = json(&d, &all);
        let back = load("export.json", &text, |_| None).expect("export is a valid dataset");
        // Only difference: sources now carry their text inline instead of naming a file.
        let mut expected = d.clone();
        for s in &mut expected.sources {
            s.file = None;
        }
        assert_eq!(back, expected);
    }

    #[test]
    fn json_export_of_a_view_keeps_its_order_and_only_the_cited_sources() {
        let d = dataset();
        let text = json(&d, &[2, 0]);
        let back = load("export.json", &text, |_| None).expect("export is a valid dataset");
        let ids: Vec<&str> = back.facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["unicode", "said"]);
        assert_eq!(back.sources.len(), 1);
        assert_eq!(back.sources[0].id, "wire");
        assert_eq!(back.sources[0].text, SOURCE);
        assert_eq!(back.sectors, d.sectors);
        assert_eq!(back.facts[1].quote, d.facts[0].quote);
        assert_eq!(back.facts[1].date, d.facts[0].date);
    }

    #[test]
    fn json_escapes_quotes_backslashes_and_control_characters() {
        let mut w = Json::default();
        w.string("a\"b\\c\nd\u{1}e😀");
        assert_eq!(w.out, r#""a\"b\\c\nd\u0001e😀""#);
        let parsed: String = serde_json::from_str(&w.out).unwrap();
        assert_eq!(parsed, "a\"b\\c\nd\u{1}e😀");
    }

    #[test]
    fn json_export_of_the_shipped_dataset_round_trips() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/");
        let json_text = std::fs::read_to_string(format!("{root}dataset.json")).unwrap();
        let d = load("data/dataset.json", &json_text, |p| std::fs::read_to_string(format!("{root}{p}")).ok()).unwrap();
        let all: Vec<usize> = (0..d.facts.len()).collect();
        let back = load("export.json", &json(&d, &all), |_| None).expect("valid");
        assert_eq!(back.facts, d.facts);
        assert_eq!(back.sectors, d.sectors);
        assert_eq!(back.sources.iter().map(|s| &s.text).collect::<Vec<_>>(), d.sources.iter().map(|s| &s.text).collect::<Vec<_>>());
    }

    #[test]
    fn a_view_without_the_compared_fact_drops_the_link_and_still_loads() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/");
        let json_text = std::fs::read_to_string(format!("{root}dataset.json")).unwrap();
        let d = load("data/dataset.json", &json_text, |p| std::fs::read_to_string(format!("{root}{p}")).ok()).unwrap();
        let linking = d.facts.iter().position(|f| f.compare_with.is_some()).expect("a fact with compare_with");
        let back = load("view.json", &json(&d, &[linking]), |_| None).expect("valid without the linked fact");
        assert_eq!(back.facts.len(), 1);
        assert_eq!(back.facts[0].compare_with, None);
        let target = d.facts[linking].compare_with.unwrap();
        let both = load("view.json", &json(&d, &[target, linking]), |_| None).expect("valid with it");
        assert_eq!(both.facts[1].compare_with, Some(0), "the link survives when both facts are exported");
    }
}
