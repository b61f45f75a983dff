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

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{json_error, load, Dataset, DatasetError, Validator};

/// What the `facts` field holds, as the first reading found it.
enum FactsField {
    Absent,
    List(usize),
    /// Anything else (null included): the whole file is then checked as one value, which
    /// names the mistake as [`super::load`] does.
    Other,
}

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
    let unreadable = |e: io::Error| vec![DatasetError::whole(file, format!("cannot read the file: {e}"))];
    let first = read(open().map_err(unreadable)?, |de| de.deserialize_any(HeaderVisitor));
    let (header, facts) = match first {
        Ok(Some(found)) => found,
        // Not an object, or facts that are not a list: one value, as `load` reads it.
        Ok(None) | Err(Failure::NotStreamable) => return whole(file, open, read_source),
        Err(Failure::Json(e)) => return Err(vec![json_error(file, &e)]),
    };
    let total = match facts {
        FactsField::Other => return whole(file, open, read_source),
        FactsField::Absent => None,
        FactsField::List(n) => Some(n),
    };
    let mut header = header;
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
        let second = read(open().map_err(unreadable)?, |de| de.deserialize_map(FactsVisitor(&mut each)));
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
    io::Read::read_to_string(&mut open().map_err(|e| vec![DatasetError::whole(file, format!("cannot read the file: {e}"))])?, &mut json)
        .map_err(|e| vec![DatasetError::whole(file, format!("cannot read the file: {e}"))])?;
    load(file, &json, read_source)
}

enum Failure {
    Json(serde_json::Error),
    /// The file is JSON, but of a shape only [`whole`] reports well.
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

/// First reading: every field but `facts`, and what `facts` is. `None` when the file is
/// not an object, or names `facts` twice.
struct HeaderVisitor;

impl<'de> Visitor<'de> for HeaderVisitor {
    type Value = Option<(Map<String, Value>, FactsField)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a dataset")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut header = Map::new();
        let mut facts = FactsField::Absent;
        let mut lists = 0;
        while let Some(key) = map.next_key::<String>()? {
            if key == "facts" {
                facts = map.next_value_seed(CountFacts)?;
                lists += 1;
            } else {
                let value = map.next_value()?;
                header.insert(key, value);
            }
        }
        // A second `facts` replaces the first as `load` reads it: the file is read whole.
        Ok((lists <= 1).then_some((header, facts)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// The `facts` field in the first reading: counted if it is a list, else [`FactsField::Other`].
struct CountFacts;

impl<'de> DeserializeSeed<'de> for CountFacts {
    type Value = FactsField;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<FactsField, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CountFacts {
    type Value = FactsField;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of facts")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FactsField, A::Error> {
        let mut n = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(FactsField::List(n))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FactsField, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(FactsField::Other)
    }

    fn visit_unit<E>(self) -> Result<FactsField, E> {
        Ok(FactsField::Other)
    }

    fn visit_bool<E>(self, _: bool) -> Result<FactsField, E> {
        Ok(FactsField::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<FactsField, E> {
        Ok(FactsField::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<FactsField, E> {
        Ok(FactsField::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<FactsField, E> {
        Ok(FactsField::Other)
    }

    fn visit_str<E>(self, _: &str) -> Result<FactsField, E> {
        Ok(FactsField::Other)
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
    fn a_file_that_cannot_be_read_is_an_error_naming_it() {
        let e = load_stream("gone.json", || std::fs::File::open("/no/such/file.json"), |_| None, |_, _| {}).unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e[0].to_string().starts_with("gone.json: dataset: cannot read the file:"), "{}", e[0]);
    }
}
