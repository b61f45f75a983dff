//! [`load_stream`]: the validator of [`super::load`] over a file too large to hold as one
//! JSON value (a million facts is a 1 GB file, and its [`Value`] takes about three times
//! that). It reads the file twice: first everything but the facts, which it only counts;
//! then the facts one at a time, each checked and turned into a [`crate::model::Fact`] as
//! it comes, so that no more than one fact record's [`Value`] is held at once.
//!
//! The errors are [`super::load`]'s, in an order that may differ: a fact record that is
//! not an object is reported among the facts, after the sectors' and sources' errors.

use std::fmt;
use std::io;

use serde::de::{DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{json_error, load, Dataset, DatasetError, Validator};

/// Validates the dataset file that `open` reads (it is called twice, for two readings;
/// `file` names it in errors), as [`super::load`] would: the same dataset, or the same
/// errors. `progress(checked, total)` hears how many facts have been checked, now and then.
pub fn load_stream<R: io::Read>(
    file: &str,
    open: impl Fn() -> io::Result<R>,
    read_source: impl Fn(&str) -> Option<String>,
    mut progress: impl FnMut(usize, usize),
) -> Result<Dataset, Vec<DatasetError>> {
    let mut v = Validator { file, errors: Vec::new() };
    let cannot_read = |e: io::Error| unreadable(file, e);
    // Every field but `facts`, and how many facts there are (`None`: no `facts` field).
    let first = read(open().map_err(cannot_read)?, |de| de.deserialize_map(HeaderVisitor));
    let (mut header, total) = match first {
        Ok(found) => found,
        // Not an object, facts that are not a list, or two `facts` fields: one value, as
        // `load` reads it, which names the mistake.
        Err(Failure::NotStreamable) => return whole(file, open, read_source),
        Err(Failure::Json(e)) => return Err(vec![json_error(file, &e)]),
    };
    if total.is_some() {
        header.insert("facts".to_owned(), Value::Array(Vec::new()));
    }
    // The header's values go before the facts come: a million facts' sources hold some
    // 200 MB of text, which the checked sources copy.
    let header = {
        let header = Value::Object(header);
        let Some(raw) = v.read_dataset(&header) else { return Err(v.errors) };
        raw.split().0
    };
    let mut checked = v.begin(header, &read_source, total.unwrap_or(0));
    if let Some(total) = total.filter(|&n| n > 0) {
        let mut each = |i: usize, item: Value| {
            if let Some((record, map)) = v.fact_record(i, &item) {
                v.add_fact(&mut checked, record, map);
            }
            if (i + 1).is_multiple_of(PROGRESS_EVERY) {
                progress(i + 1, total);
            }
        };
        let second = read(open().map_err(cannot_read)?, |de| de.deserialize_map(FactsVisitor(&mut each)));
        match second {
            Ok(()) if !total.is_multiple_of(PROGRESS_EVERY) => progress(total, total),
            Ok(()) => {}
            Err(Failure::Json(e)) => return Err(vec![json_error(file, &e)]),
            Err(Failure::NotStreamable) => return whole(file, open, read_source),
        }
    }
    let dataset = v.finish(checked);
    if v.errors.is_empty() {
        Ok(dataset)
    } else {
        Err(v.errors)
    }
}

/// Facts checked between two progress reports.
const PROGRESS_EVERY: usize = 100_000;

/// The file read whole, for the shapes that are mistakes anyway.
fn whole<R: io::Read>(
    file: &str,
    open: impl Fn() -> io::Result<R>,
    read_source: impl Fn(&str) -> Option<String>,
) -> Result<Dataset, Vec<DatasetError>> {
    let mut json = String::new();
    io::Read::read_to_string(&mut open().map_err(|e| unreadable(file, e))?, &mut json).map_err(|e| unreadable(file, e))?;
    load(file, &json, read_source)
}

fn unreadable(file: &str, e: io::Error) -> Vec<DatasetError> {
    vec![DatasetError::whole(file, format!("cannot read the file: {e}"))]
}

enum Failure {
    Json(serde_json::Error),
    /// The file is JSON, but of a shape only [`whole`] reports well (the visitors below
    /// accept only the shapes they stream; any other is a data error).
    NotStreamable,
}

/// Runs `visit` over the JSON that `reader` holds, which must end there.
fn read<R: io::Read, T>(
    reader: R,
    visit: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::IoRead<io::BufReader<R>>>) -> Result<T, serde_json::Error>,
) -> Result<T, Failure> {
    let mut de = serde_json::Deserializer::from_reader(io::BufReader::with_capacity(1 << 20, reader));
    let out = visit(&mut de).map_err(|e| if e.is_data() { Failure::NotStreamable } else { Failure::Json(e) })?;
    de.end().map_err(Failure::Json)?;
    Ok(out)
}

/// First reading: every field but `facts`, and the number of facts (`None` without a
/// `facts` field). A `facts` field given twice is refused: the second replaces the first as
/// `load` reads the file.
struct HeaderVisitor;

impl<'de> Visitor<'de> for HeaderVisitor {
    type Value = (Map<String, Value>, Option<usize>);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a dataset")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut header = Map::new();
        let mut facts = None;
        while let Some(key) = map.next_key::<String>()? {
            if key != "facts" {
                let value = map.next_value()?;
                header.insert(key, value);
            } else if facts.is_some() {
                return Err(A::Error::custom("`facts` twice"));
            } else {
                facts = Some(map.next_value_seed(CountFacts)?);
            }
        }
        Ok((header, facts))
    }
}

/// The `facts` list in the first reading, counted.
struct CountFacts;

impl<'de> DeserializeSeed<'de> for CountFacts {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<usize, D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for CountFacts {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of facts")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut n = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(n)
    }
}

/// Second reading: each fact record, with its position, handed to the closure.
struct FactsVisitor<'a, F>(&'a mut F);

impl<'de, F: FnMut(usize, Value)> Visitor<'de> for FactsVisitor<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a dataset")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "facts" {
                map.next_value_seed(EachFact(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct EachFact<'a, F>(&'a mut F);

impl<'de, F: FnMut(usize, Value)> DeserializeSeed<'de> for EachFact<'_, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(usize, Value)> Visitor<'de> for EachFact<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of facts")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        while let Some(item) = seq.next_element::<Value>()? {
            (self.0)(i, item);
            i += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::load_stream;
    use crate::dataset::load;

    const SECTORS: &str = r#""sectors": [{ "id": "trade", "label": "Trade" }]"#;
    const SOURCES: &str =
        r#""sources": [{ "id": "wire", "publisher": "Wire", "title": "Report", "published": "2025-06-04", "text": "Turnover grew." }]"#;
    const FACTS: &str = r#""facts": [{ "id": "grew", "kind": "statement", "title": "Turnover grew", "summary": "It grew.", "sectors": ["trade"], "source": "wire", "quote": "Turnover grew." }]"#;

    #[test]
    fn the_facts_may_come_before_the_sectors_and_sources() {
        let text = format!(r#"{{ {FACTS}, "title": "T", {SECTORS}, {SOURCES} }}"#);
        let mut reports = Vec::new();
        let streamed = load_stream("t.json", || Ok(text.as_bytes()), |_| None, |done, total| reports.push((done, total)));
        assert_eq!(streamed, load("t.json", &text, |_| None));
        assert_eq!(streamed.map(|d| d.facts.len()), Ok(1));
        assert_eq!(reports, [(1, 1)], "progress ends with every fact checked");
    }

    #[test]
    fn a_second_facts_list_replaces_the_first_as_when_read_whole() {
        let text = format!(r#"{{ "facts": [], "title": "T", {SECTORS}, {SOURCES}, {FACTS} }}"#);
        assert_eq!(load_stream("t.json", || Ok(text.as_bytes()), |_| None, |_, _| {}), load("t.json", &text, |_| None));
    }

    #[test]
    fn other_shapes_are_read_whole_and_named_as_load_names_them() {
        for text in ["[1, 2]", "\"a dataset\"", r#"{ "title": "T", "facts": 5 }"#, r#"{ "title": "T", "facts": null }"#, "{ \"facts\": ["] {
            let streamed = load_stream("t.json", || Ok(text.as_bytes()), |_| None, |_, _| {});
            assert_eq!(streamed, load("t.json", text, |_| None), "{text}");
            assert!(streamed.is_err(), "{text}");
        }
    }

    #[test]
    fn a_file_that_cannot_be_read_is_an_error_naming_it() {
        let e = load_stream("gone.json", || std::fs::File::open("/no/such/file.json"), |_| None, |_, _| {}).unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e[0].to_string().starts_with("gone.json: dataset: cannot read the file:"), "{}", e[0]);
    }
}
