//! Facts as CSV, one row per fact, for spreadsheets.
//!
//! CSV follows RFC 4180: comma-separated, CRLF line ends (after the last row too), a
//! field is quoted when it holds a comma, a quote, CR or LF, and quotes inside are
//! doubled. The text starts with a UTF-8 byte order mark so that Excel reads it as UTF-8
//! (other readers skip it: Python's `utf-8-sig`, pandas, LibreOffice). Cells that a
//! spreadsheet would run as a formula, those starting with `=`, `+`, `-`, `@`, tab or CR,
//! get a leading `'` (OWASP's advice against CSV injection); plain numbers such as `-5`
//! are left alone, since they cannot run anything. Unlike the JSON export, the CSV lists a
//! source's original `file` name.

use std::fmt::Write;

use super::{number, permalink};
use crate::dataset::{Dataset, FACT_FIELDS};
use crate::model::{DateSpec, Derived, Fact, PartialDate};

/// The byte order mark a CSV export starts with.
pub const BOM: char = '\u{FEFF}';

/// The CSV header: one column per field, in row order. The first columns are the fact's
/// own text fields, named and ordered as in the dataset file.
pub const CSV_COLUMNS: [&str; 34] = join(
    FACT_FIELDS.split_at(8).0,
    &[
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
    ],
);

/// `head` then `tail`, as one array of `N` names (checked when compiling).
const fn join<const N: usize>(head: &[&'static str], tail: &[&'static str]) -> [&'static str; N] {
    assert!(head.len() + tail.len() == N, "the CSV header has another number of columns");
    let mut out = [""; N];
    let mut i = 0;
    while i < head.len() {
        out[i] = head[i];
        i += 1;
    }
    while i < N {
        out[i] = tail[i - head.len()];
        i += 1;
    }
    out
}

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
    for fact in dataset.facts_at(facts) {
        fact_row(&mut Row { out: &mut out, first: true }, dataset, fact, page_url);
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
    let sectors: Vec<&str> = dataset.sector_ids(fact).collect();
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
    row.opt(q.map(|q| q.measure.slug()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load;
    use crate::export::json;
    use crate::export::tests::dataset;

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
}
