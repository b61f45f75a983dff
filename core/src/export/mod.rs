//! Exports: facts as CSV (one row per fact, for spreadsheets) and as JSON (a factdeck
//! dataset file that the same loader reads back), a citation per fact, and file names.
//!
//! CSV follows RFC 4180: comma-separated, CRLF line ends (after the last row too), a
//! field is quoted when it holds a comma, a quote, CR or LF, and quotes inside are
//! doubled. The text starts with a UTF-8 byte order mark so that Excel reads it as UTF-8
//! (other readers skip it: Python's `utf-8-sig`, pandas, LibreOffice). Cells that a
//! spreadsheet would run as a formula, those starting with `=`, `+`, `-`, `@`, tab or CR,
//! get a leading `'` (OWASP's advice against CSV injection); plain numbers such as `-5`
//! are left alone, since they cannot run anything.
//!
//! JSON exports are dataset files in the format of `data/README.md`, facts in the order
//! given. Sources carry their text inline (`text`), so the file stands alone and opens
//! again in factdeck; a source's original `file` name is therefore not repeated there (a
//! source may not have both), but the CSV lists it.

use std::fmt::Write;

use crate::dataset::Dataset;
use crate::model::{DateSpec, Derived, Fact, PartialDate, Quantity, Source};

/// The byte order mark a CSV export starts with.
pub const BOM: char = '\u{FEFF}';

/// The CSV header: one column per field, in row order.
pub const CSV_COLUMNS: [&str; 34] = [
    "id",
    "kind",
    "title",
    "summary",
    "sectors",
    "countries",
    "parties",
    "attribution",
    "status",
    "date_start",
    "date_end",
    "date_phrase",
    "date_inferred",
    "quantity",
    "quantity_value",
    "quantity_unit",
    "quantity_currency",
    "quantity_multiplier",
    "quantity_measure",
    "quantity_approximate",
    "quantity_period_start",
    "quantity_period_end",
    "quantity_period_phrase",
    "quantity_period_inferred",
    "derived",
    "quote",
    "source_id",
    "source_publisher",
    "source_title",
    "source_place",
    "source_published",
    "source_url",
    "source_file",
    "permalink",
];

/// Separator of several values in one CSV cell (sectors, countries, parties).
const LIST_SEPARATOR: &str = "; ";

/// `facts` (indices into the dataset, in the order wanted) as CSV text with a header row.
///
/// `page_url` is the app's address without query (`https://host/factdeck/`); when given,
/// the `permalink` column holds each fact's link, else it is empty.
pub fn csv(dataset: &Dataset, facts: &[usize], page_url: Option<&str>) -> String {
    let mut out = String::with_capacity(256 + facts.len() * 1024);
    out.push(BOM);
    let mut row = Row { out: &mut out, first: true };
    for column in CSV_COLUMNS {
        row.cell(column);
    }
    row.end();
    for &i in facts {
        fact_row(&mut Row { out: &mut out, first: true }, dataset, &dataset.facts[i], page_url);
    }
    out
}

/// One CSV record being written: cells are guarded, quoted and separated as they come.
struct Row<'a> {
    out: &'a mut String,
    first: bool,
}

impl Row<'_> {
    fn cell(&mut self, value: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        csv_field(self.out, value);
    }

    fn opt(&mut self, value: Option<&str>) {
        self.cell(value.unwrap_or_default());
    }

    fn end(&mut self) {
        self.out.push_str("\r\n");
    }
}

/// The cells of one fact, in [`CSV_COLUMNS`] order.
fn fact_row(row: &mut Row, dataset: &Dataset, fact: &Fact, page_url: Option<&str>) {
    let source = dataset.source_of(fact);
    let sectors: Vec<&str> = fact.sectors.iter().map(|&s| dataset.sectors[s].id.as_str()).collect();
    let q = fact.quantity.as_ref();
    row.cell(fact.id.as_str());
    row.cell(fact.kind.slug());
    row.cell(&fact.title);
    row.cell(&fact.summary);
    row.cell(&sectors.join(LIST_SEPARATOR));
    row.cell(&fact.countries.join(LIST_SEPARATOR));
    row.cell(&fact.parties.join(LIST_SEPARATOR));
    row.opt(fact.attribution.as_deref());
    row.opt(fact.status.map(|s| s.slug()));
    date_cells(row, fact.date.as_ref());
    row.cell(&q.map(ToString::to_string).unwrap_or_default());
    row.cell(&q.map(|q| number(q.value)).unwrap_or_default());
    row.opt(q.map(|q| q.unit.as_str()));
    row.opt(q.and_then(|q| q.currency.as_deref()));
    row.opt(q.and_then(|q| q.multiplier).map(|m| m.word()));
    row.opt(q.map(measure_slug));
    row.opt(q.map(|q| if q.approximate { "true" } else { "false" }));
    date_cells(row, q.and_then(|q| q.period.as_ref()));
    row.cell(&fact.derived.iter().map(derived_text).collect::<Vec<_>>().join("\n"));
    row.cell(&fact.quote);
    row.cell(&source.id);
    row.cell(&source.publisher);
    row.cell(&source.title);
    row.opt(source.place.as_deref());
    row.cell(&source.published.iso());
    row.opt(source.url.as_deref());
    row.opt(source.file.as_deref());
    row.cell(&page_url.map(|u| permalink(u, fact)).unwrap_or_default());
    row.end();
}

/// Start, end, phrase and inferred; four empty cells without a date.
fn date_cells(row: &mut Row, date: Option<&DateSpec>) {
    row.cell(&date.map(|d| d.start.iso()).unwrap_or_default());
    row.cell(&date.and_then(|d| d.end).map(PartialDate::iso).unwrap_or_default());
    row.opt(date.and_then(|d| d.phrase.as_deref()));
    row.opt(date.map(|d| if d.inferred { "true" } else { "false" }));
}

/// `Implied trade turnover five years earlier: about $85 million (method: $255 million ÷ 3)`.
fn derived_text(d: &Derived) -> String {
    let mut out = d.label.clone();
    if let Some(q) = &d.quantity {
        let _ = write!(out, ": {q}");
    }
    if let Some(date) = d.date {
        let _ = write!(out, "{} {}", if d.quantity.is_some() { "," } else { ":" }, date.iso());
    }
    let _ = write!(out, " (method: {})", d.method);
    out
}

fn measure_slug(q: &Quantity) -> &'static str {
    q.measure.slug()
}

/// A number as JSON and CSV write it: shortest form that reads back to the same value,
/// without exponent or trailing `.0` (`255`, `1.5`, `-0.25`).
fn number(v: f64) -> String {
    format!("{v}")
}

/// Appends one CSV field: formula-guarded, then quoted if it holds `,` `"` CR or LF.
pub fn csv_field(out: &mut String, value: &str) {
    let guard = starts_like_formula(value).then_some('\'');
    if value.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.extend(guard);
        for c in value.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.extend(guard);
        out.push_str(value);
    }
}

/// True for text a spreadsheet would evaluate: starting with `=` `+` `-` `@`, tab or CR,
/// unless it is a plain decimal number (`-5`, `+1.25`).
pub fn starts_like_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(value)
}

fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    !int.is_empty() && !frac.is_empty() && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
}

// ---- JSON ----

/// `facts` (indices, in the order wanted) as a dataset file: the dataset's title,
/// description and sectors, the sources those facts cite (text inline), and the facts.
/// `crate::dataset::load` accepts it.
pub fn json(dataset: &Dataset, facts: &[usize]) -> String {
    let mut cited: Vec<usize> = facts.iter().map(|&i| dataset.facts[i].source).collect();
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
    w.key("sectors");
    w.open('[');
    for s in &dataset.sectors {
        w.item();
        w.open('{');
        w.field("id", &s.id);
        w.field("label", &s.label);
        w.close('}');
    }
    w.close(']');
    w.key("sources");
    w.open('[');
    for &s in &cited {
        w.item();
        source_json(&mut w, &dataset.sources[s]);
    }
    w.close(']');
    w.key("facts");
    w.open('[');
    for &i in facts {
        w.item();
        fact_json(&mut w, dataset, &dataset.facts[i], facts);
    }
    w.close(']');
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
    w.strings("sectors", f.sectors.iter().map(|&s| dataset.sectors[s].id.as_str()));
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
        w.key("derived");
        w.open('[');
        for d in &f.derived {
            w.item();
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
        }
        w.close(']');
    }
    if let Some(other) = f.compare_with.filter(|c| exported.contains(c)) {
        w.field("compare_with", dataset.facts[other].id.as_str());
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
    w.field("measure", measure_slug(q));
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

// ---- citation, links, file names ----

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
/// title that already ends a sentence.
pub fn citation(dataset: &Dataset, fact: usize, accessed: PartialDate, page_url: Option<&str>) -> String {
    let f = &dataset.facts[fact];
    let s = dataset.source_of(f);
    let title = f.title.trim();
    let stop = if title.ends_with(['.', '!', '?', '…']) { "" } else { "." };
    let mut out = format!("“{title}{stop}” factdeck: {}. Source: {}, “{}”", dataset.title.trim(), s.publisher, s.title);
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

    const SOURCE: &str = "BAKU, June 4. He said: \"We, the people\" agreed.\nSecond line = 2+2. Gəncə oʻzbek 😀 text.\n-5 percent.";

    fn dataset() -> Dataset {
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

    /// A small RFC 4180 reader, independent of the writer: records of fields.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix(BOM).expect("starts with a BOM");
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR outside quotes must start CRLF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, '\n') => panic!("bare LF outside quotes"),
                (false, c) => field.push(c),
            }
        }
        assert!(!quoted, "unterminated quote");
        assert!(field.is_empty() && record.is_empty(), "last record lacks CRLF");
        records
    }

    fn column(name: &str) -> usize {
        CSV_COLUMNS.iter().position(|c| *c == name).unwrap()
    }

    fn field(value: &str) -> String {
        let mut out = String::new();
        csv_field(&mut out, value);
        out
    }

    #[test]
    fn plain_fields_are_not_quoted() {
        assert_eq!(field("trade"), "trade");
        assert_eq!(field(""), "");
        assert_eq!(field("it's fine; really"), "it's fine; really");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_with_doubled_quotes() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("one\ntwo"), "\"one\ntwo\"");
        assert_eq!(field("one\r\ntwo"), "\"one\r\ntwo\"");
        assert_eq!(field("\""), "\"\"\"\"");
    }

    #[test]
    fn formula_like_cells_get_a_leading_apostrophe() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("+7 days"), "'+7 days");
        assert_eq!(field("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        // Guarded and quoted: the apostrophe goes inside the quotes.
        assert_eq!(field("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assert_eq!(field("\r\n=1"), "\"'\r\n=1\"");
    }

    #[test]
    fn plain_numbers_and_inner_operators_are_left_alone() {
        assert_eq!(field("-5"), "-5");
        assert_eq!(field("+1.25"), "+1.25");
        assert_eq!(field("1+1"), "1+1");
        assert_eq!(field("a=b"), "a=b");
        assert!(starts_like_formula("-"));
        assert!(starts_like_formula("-.5e3"));
        assert!(starts_like_formula("-1."));
    }

    #[test]
    fn csv_has_bom_header_and_crlf_rows_in_the_given_order() {
        let d = dataset();
        let text = csv(&d, &[2, 0], None);
        assert!(text.starts_with('\u{FEFF}'));
        assert!(text.ends_with("\r\n"));
        let rows = parse_csv(&text);
        assert_eq!(rows[0], CSV_COLUMNS);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        assert_eq!(rows[1][0], "unicode");
        assert_eq!(rows[2][0], "said");
    }

    #[test]
    fn csv_round_trips_quotes_commas_newlines_and_unicode() {
        let d = dataset();
        let rows = parse_csv(&csv(&d, &[0, 2], None));
        let said = &rows[1];
        assert_eq!(said[column("title")], "He said \"we\", the people");
        assert_eq!(said[column("summary")], "Line one\nline two");
        assert_eq!(said[column("quote")], "He said: \"We, the people\" agreed.");
        assert_eq!(said[column("sectors")], "trade; energy");
        assert_eq!(said[column("source_title")], "A \"headline\", with commas");
        assert_eq!(said[column("source_url")], "https://example.org/a?b=1,2");
        assert_eq!(said[column("source_file")], "sources/wire.txt");
        assert_eq!(said[column("source_published")], "2025-06-04");
        assert_eq!(said[column("date_start")], "2025-06-04");
        assert_eq!(said[column("date_phrase")], "June 4");
        assert_eq!(said[column("date_inferred")], "true");
        assert_eq!(said[column("quantity")], "");
        let unicode = &rows[2];
        assert_eq!(unicode[column("title")], "Gəncə oʻzbek 😀");
        assert_eq!(unicode[column("parties")], "Azerbaijan; Uzbekistan");
        assert_eq!(unicode[column("date_start")], "2024-08");
        assert_eq!(unicode[column("date_inferred")], "false");
    }

    #[test]
    fn csv_guards_formulas_from_the_data_but_keeps_negative_numbers() {
        let d = dataset();
        let rows = parse_csv(&csv(&d, &[1], None));
        let f = &rows[1];
        assert_eq!(f[column("title")], "'=2+2");
        assert_eq!(f[column("summary")], "'@SUM(A1)");
        assert_eq!(f[column("quote")], "'=HYPERLINK(\"x\") is here.");
        assert_eq!(f[column("quantity_value")], "-5");
        assert_eq!(f[column("quantity")], "about -5 percent");
    }

    #[test]
    fn csv_lists_quantities_periods_and_derived_figures() {
        let d = dataset();
        let rows = parse_csv(&csv(&d, &[1], None));
        let f = &rows[1];
        assert_eq!(f[column("status")], "target");
        assert_eq!(f[column("quantity_unit")], "percent");
        assert_eq!(f[column("quantity_measure")], "change");
        assert_eq!(f[column("quantity_approximate")], "true");
        assert_eq!(f[column("quantity_period_start")], "2020");
        assert_eq!(f[column("quantity_period_end")], "2025");
        assert_eq!(f[column("quantity_period_inferred")], "false");
        assert_eq!(f[column("derived")], "Per year: $1.25 million (method: 5 ÷ 4)\nStart: 2020 (method: 2025 − 5)");
        assert_eq!(f[column("source_id")], "other");
        assert_eq!(f[column("source_file")], "");
    }

    #[test]
    fn csv_permalinks_follow_the_page_url() {
        let d = dataset();
        let rows = parse_csv(&csv(&d, &[0], Some("https://example.org/factdeck/")));
        assert_eq!(rows[1][column("permalink")], "https://example.org/factdeck/?fact=said");
        let rows = parse_csv(&csv(&d, &[0], None));
        assert_eq!(rows[1][column("permalink")], "");
    }

    #[test]
    fn empty_selection_gives_the_header_only() {
        let d = dataset();
        let rows = parse_csv(&csv(&d, &[], None));
        assert_eq!(rows, vec![CSV_COLUMNS.map(String::from).to_vec()]);
    }

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
    fn a_planned_figure_keeps_its_measure_through_csv_and_json() {
        let mut d = dataset();
        d.facts[1].quantity.as_mut().expect("a quantity").measure = crate::model::Measure::Planned;
        let rows = parse_csv(&csv(&d, &[1], None));
        assert_eq!(rows[1][column("quantity_measure")], "planned");
        let text = json(&d, &[1]);
        assert!(text.contains(r#""measure": "planned""#), "{text}");
        let back = load("export.json", &text, |_| None).expect("export is a valid dataset");
        assert_eq!(back.facts[0].quantity, d.facts[1].quantity);
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
    fn citation_adds_no_second_full_stop() {
        let mut d = dataset();
        d.facts[2].title = "Done?".into();
        let text = citation(&d, 2, PartialDate::parse("2025").unwrap(), None);
        assert!(text.starts_with("“Done?” factdeck:"), "{text}");
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
