//! The dataset's rules, checked on the raw records that [`super::shape`] read: ids are
//! slugs a link can carry and unique, facts name declared sectors and sources, every quote
//! occurs in its source's text, dates are real and ordered, quantities have units and
//! currencies, each kind has what it needs, and `compare_with` names a fact whose figure
//! can be drawn beside this one.

// Fx hashing, as the index uses: the loader worker then carries one hasher, not two (the
// keys are the file's own ids; only its author could make them collide).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde_json::Value;

use super::shape::{RawDerived, RawFact, RawQuantity, RawSector, RawSource};
use super::url::is_http_url;
use super::Validator;
use crate::chart;
use crate::model::{DateSpec, Derived, Fact, FactId, Kind, Measure, Multiplier, PartialDate, Quantity, Sector, Source, Status};
use crate::source_view::contains_quote;
use crate::url_state::{is_id, MAX_ID_BYTES};

impl Validator<'_> {
    pub(super) fn non_empty(&mut self, record: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(record, field, "must not be empty");
        }
    }

    /// Checks the id of a sector or source (`what`): a slug, not seen before. Returns the
    /// record's name for its other errors.
    fn record_id(&mut self, what: &str, id: &str, seen: &mut HashSet<String>) -> String {
        let record = format!("{what} \"{id}\"");
        if !is_id(id) {
            self.push(&record, "id", "must be a slug: lowercase letters, digits and single hyphens");
        }
        if !seen.insert(id.to_owned()) {
            self.push(&record, "id", format!("duplicate {what} id \"{id}\""));
        }
        record
    }

    pub(super) fn sectors(&mut self, raw: Vec<RawSector>) -> Vec<Sector> {
        let mut seen = HashSet::default();
        let mut out = Vec::new();
        for s in raw {
            let record = self.record_id("sector", &s.id, &mut seen);
            self.non_empty(&record, "label", &s.label);
            out.push(Sector { id: s.id, label: s.label });
        }
        if out.is_empty() {
            self.push("dataset", "sectors", "declare at least one sector");
        }
        out
    }

    pub(super) fn sources(&mut self, raw: Vec<RawSource>, read_source: &impl Fn(&str) -> Option<String>) -> Vec<Source> {
        let mut seen = HashSet::default();
        let mut out = Vec::new();
        for s in raw {
            let record = self.record_id("source", &s.id, &mut seen);
            self.non_empty(&record, "publisher", &s.publisher);
            self.non_empty(&record, "title", &s.title);
            let published = self.date_value(&record, "published", &s.published);
            if let Some(url) = &s.url {
                if !is_http_url(url) {
                    self.push(&record, "url", format!("\"{url}\" is not an http(s) address"));
                }
            }
            let text = match (&s.file, s.text.clone()) {
                (Some(_), Some(_)) => {
                    self.push(&record, "text", "give either `file` or `text`, not both");
                    None
                }
                (None, None) => {
                    self.push(&record, "file", "give the source text as `file` (a path next to the dataset) or inline `text`");
                    None
                }
                (Some(path), None) => {
                    let text = read_source(path);
                    if text.is_none() {
                        self.push(&record, "file", format!("cannot read source text \"{path}\""));
                    }
                    text
                }
                (None, Some(text)) => Some(text),
            };
            if let Some(text) = &text {
                if text.trim().is_empty() {
                    self.push(&record, "text", "the source text is empty");
                }
            }
            if let (Some(published), Some(text)) = (published, text) {
                out.push(Source {
                    id: s.id,
                    publisher: s.publisher,
                    title: s.title,
                    place: s.place,
                    published,
                    url: s.url,
                    note: s.note,
                    file: s.file,
                    text,
                });
            }
        }
        out
    }

    /// `sources` with each id's first index among them.
    pub(super) fn fact(
        &mut self,
        record: &str,
        f: RawFact,
        sectors: &[Sector],
        (sources, source_index): (&[Source], &HashMap<String, usize>),
    ) -> Option<Fact> {
        let before = self.errors.len();
        // The links' own rule (`url_state::is_id`): every id accepted here is one a link
        // can carry (`?fact=`, `?sector=`).
        if !is_id(&f.id) {
            self.push(
                record,
                "id",
                format!("\"{}\" is not a slug: use lowercase letters, digits and single hyphens, at most {MAX_ID_BYTES} characters", f.id),
            );
        }
        let kind = Kind::from_slug(&f.kind);
        if kind.is_none() {
            self.push(
                record,
                "kind",
                format!("unknown kind \"{}\"; expected one of: {}", f.kind, slugs(Kind::ALL.iter().map(|k| k.slug()))),
            );
        }
        self.non_empty(record, "title", &f.title);
        self.non_empty(record, "summary", &f.summary);
        let mut sector_idx = Vec::new();
        if f.sectors.is_empty() {
            self.push(record, "sectors", "list at least one sector");
        }
        for (i, s) in f.sectors.iter().enumerate() {
            match sectors.iter().position(|d| &d.id == s) {
                Some(idx) if sector_idx.contains(&idx) => {
                    self.push(record, &format!("sectors[{i}]"), format!("sector \"{s}\" is listed twice"))
                }
                Some(idx) => sector_idx.push(idx),
                None => self.push(
                    record,
                    &format!("sectors[{i}]"),
                    format!("unknown sector \"{s}\"; declared sectors are: {}", slugs(sectors.iter().map(|d| d.id.as_str()))),
                ),
            }
        }
        let status = f.status.as_deref().and_then(|s| {
            let st = Status::from_slug(s);
            if st.is_none() {
                self.push(
                    record,
                    "status",
                    format!("unknown status \"{s}\"; expected one of: {}", slugs(Status::ALL.iter().map(|k| k.slug()))),
                );
            }
            st
        });
        let date = f.date.and_then(|d| self.date_spec(record, "date", d));
        let quantity = f.quantity.and_then(|q| self.quantity(record, "quantity", q));
        let source = source_index.get(f.source.as_str()).copied();
        if source.is_none() {
            self.push(
                record,
                "source",
                format!("no source has id \"{}\"; declared sources are: {}", f.source, slugs(sources.iter().map(|s| s.id.as_str()))),
            );
        }
        let quote = f.quote.unwrap_or_default();
        if quote.trim().is_empty() {
            self.push(record, "quote", "missing or empty: every fact needs the verbatim source text that supports it");
        } else if let Some(i) = source {
            if !contains_quote(&sources[i].text, &quote) {
                self.push(
                    record,
                    "quote",
                    format!("does not occur verbatim in source \"{}\"; copy it exactly from the source text", sources[i].id),
                );
            }
        }
        match kind {
            Some(Kind::Indicator) if quantity.is_none() && before == self.errors.len() => {
                self.push(record, "quantity", "an indicator needs a quantity");
            }
            Some(Kind::Agreement) => {
                if f.parties.is_empty() {
                    self.push(record, "parties", "an agreement needs its parties");
                }
                if date.is_none() && before == self.errors.len() {
                    self.push(record, "date", "an agreement needs the date it was signed or agreed");
                }
            }
            _ => {}
        }
        let mut derived = Vec::new();
        for (i, d) in f.derived.into_iter().enumerate() {
            let field = format!("derived[{i}]");
            let Some(RawDerived { label, method, date, quantity }) = self.read_derived(record, &field, d) else { continue };
            self.non_empty(record, &format!("{field}.label"), &label);
            self.non_empty(record, &format!("{field}.method"), &method);
            let quantity = quantity.and_then(|q| self.quantity(record, &format!("{field}.quantity"), q));
            let date = date.and_then(|s| self.date_value(record, &format!("{field}.date"), &s));
            if quantity.is_none() && date.is_none() {
                self.push(record, &field, "a derived figure needs a `quantity` or a `date`");
            }
            derived.push(Derived { label, quantity, date, method });
        }
        if self.errors.len() != before {
            return None;
        }
        Some(Fact {
            id: FactId(f.id),
            kind: kind?,
            title: f.title,
            summary: f.summary,
            sectors: sector_idx,
            countries: f.countries,
            parties: f.parties,
            attribution: f.attribution,
            date,
            status,
            source: source?,
            quote,
            quantity: quantity.map(Box::new),
            derived,
            compare_with: None,
        })
    }

    /// Resolves fact `i`'s `compare_with` (`other`, whose first valid fact is `found`, and
    /// which some fact record has if `read`) to a fact index, if the two figures can be
    /// drawn together.
    pub(super) fn compare_with(
        &mut self,
        record: &str,
        facts: &[Fact],
        i: usize,
        other: &str,
        (found, read): (Option<usize>, bool),
    ) -> Option<usize> {
        let Some(j) = found else {
            // A fact that exists but failed validation already has its own error.
            if !read {
                self.push(record, "compare_with", format!("no fact has id \"{other}\""));
            }
            return None;
        };
        if i == j {
            self.push(record, "compare_with", "a fact cannot be compared with itself");
            return None;
        }
        match chart::pairing(&facts[i], &facts[j]) {
            Ok(_) => Some(j),
            Err(why) => {
                self.push(record, "compare_with", why);
                None
            }
        }
    }

    fn date_value(&mut self, record: &str, field: &str, s: &str) -> Option<PartialDate> {
        let d = PartialDate::parse(s);
        if d.is_none() {
            self.push(record, field, format!("malformed date \"{s}\"; use YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        d
    }

    fn date_spec(&mut self, record: &str, field: &str, value: &Value) -> Option<DateSpec> {
        let raw = self.read_date(record, field, value)?;
        let start = self.date_value(record, &format!("{field}.start"), &raw.start);
        let end = match &raw.end {
            Some(e) => Some(self.date_value(record, &format!("{field}.end"), e)?),
            None => None,
        };
        let start = start?;
        if let Some(end) = end {
            if !start.not_after(end) {
                self.push(record, &format!("{field}.end"), format!("ends ({end}) before it starts ({start})"));
                return None;
            }
        }
        if raw.inferred && raw.phrase.as_deref().is_none_or(|p| p.trim().is_empty()) {
            self.push(record, &format!("{field}.phrase"), "an inferred date must keep the source's original phrase");
            return None;
        }
        Some(DateSpec { start, end, phrase: raw.phrase, inferred: raw.inferred })
    }

    fn quantity(&mut self, record: &str, field: &str, value: &Value) -> Option<Quantity> {
        let before = self.errors.len();
        let RawQuantity { value: number, unit, currency, multiplier, measure, approximate, period } =
            self.read_quantity(record, field, value)?;
        if unit.trim().is_empty() {
            self.push(record, &format!("{field}.unit"), "a quantity needs a unit (what is counted, or \"currency\")");
        }
        match (unit.as_str(), &currency) {
            ("currency", None) => {
                self.push(record, &format!("{field}.currency"), "unit \"currency\" needs an ISO 4217 `currency` such as \"USD\"")
            }
            ("currency", Some(c)) if !(c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())) => {
                self.push(record, &format!("{field}.currency"), format!("\"{c}\" is not an ISO 4217 code such as \"USD\""))
            }
            (u, Some(_)) if u != "currency" => {
                self.push(record, &format!("{field}.currency"), "`currency` only goes with unit \"currency\"")
            }
            _ => {}
        }
        let multiplier = multiplier.as_deref().and_then(|m| {
            let mm = Multiplier::from_slug(m);
            if mm.is_none() {
                self.push(
                    record,
                    &format!("{field}.multiplier"),
                    format!("unknown multiplier \"{m}\"; expected thousand, million or billion"),
                );
            }
            mm
        });
        let measure_kind = Measure::from_slug(&measure);
        if measure_kind.is_none() {
            self.push(
                record,
                &format!("{field}.measure"),
                format!("unknown measure \"{measure}\"; expected current, change, target or planned"),
            );
        }
        let period = period.and_then(|p| self.date_spec(record, &format!("{field}.period"), p));
        if self.errors.len() != before {
            return None;
        }
        Some(Quantity { value: number?, unit, currency, multiplier, measure: measure_kind?, approximate, period })
    }
}

fn slugs<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join(", ")
}
