//! The validated data model: what a fact is once the dataset loader has accepted it.
//!
//! Nothing here can be built from untrusted input except through
//! [`crate::dataset::load`], so every invariant stated on a type holds for every value
//! the UI sees. The types (de)serialise only with the `transfer` feature, for the bytes a
//! validated dataset travels in (see [`crate::dataset::Dataset`]); exports write their own
//! JSON ([`crate::export`]).

mod date;

use std::fmt;

pub use date::{DateSpec, PartialDate};

/// A stable, slug-like identifier (`[a-z0-9-]`, 1..=80 chars), used in URLs and anchors.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct FactId(pub(crate) String);

impl FactId {
    /// `id` as a fact id, when it is one a link can carry ([`crate::url_state::is_id`], the
    /// rule the dataset loader checks): for datasets built in code rather than read from a file.
    pub fn new(id: String) -> Option<FactId> {
        crate::url_state::is_id(&id).then_some(FactId(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What sort of claim a fact is. The set is closed: the UI styles each kind differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "transfer", serde(rename_all = "snake_case"))]
pub enum Kind {
    Project,
    Agreement,
    Indicator,
    Event,
    Statement,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Project, Kind::Agreement, Kind::Indicator, Kind::Event, Kind::Statement];

    /// The identifier used in the dataset file and in URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Project => "project",
            Kind::Agreement => "agreement",
            Kind::Indicator => "indicator",
            Kind::Event => "event",
            Kind::Statement => "statement",
        }
    }

    pub fn from_slug(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == s)
    }

    /// Human label, singular.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Project => "Project",
            Kind::Agreement => "Agreement",
            Kind::Indicator => "Indicator",
            Kind::Event => "Event",
            Kind::Statement => "Statement",
        }
    }
}

/// Where a fact stands, when the source says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "transfer", serde(rename_all = "snake_case"))]
pub enum Status {
    Realized,
    InProgress,
    Planned,
    Target,
    Signed,
    Agreed,
}

impl Status {
    pub const ALL: [Status; 6] = [Status::Realized, Status::InProgress, Status::Planned, Status::Target, Status::Signed, Status::Agreed];

    pub fn slug(self) -> &'static str {
        match self {
            Status::Realized => "realized",
            Status::InProgress => "in_progress",
            Status::Planned => "planned",
            Status::Target => "target",
            Status::Signed => "signed",
            Status::Agreed => "agreed",
        }
    }

    pub fn from_slug(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|k| k.slug() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Realized => "Realized",
            Status::InProgress => "In progress",
            Status::Planned => "Planned",
            Status::Target => "Target",
            Status::Signed => "Signed",
            Status::Agreed => "Agreed",
        }
    }
}

/// A sector from the dataset's declared vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct Sector {
    /// Slug used in facts and URLs.
    pub id: String,
    /// Display label.
    pub label: String,
}

/// Scale word applied to a quantity's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "transfer", serde(rename_all = "snake_case"))]
pub enum Multiplier {
    Thousand,
    Million,
    Billion,
}

impl Multiplier {
    pub fn from_slug(s: &str) -> Option<Multiplier> {
        match s {
            "thousand" => Some(Multiplier::Thousand),
            "million" => Some(Multiplier::Million),
            "billion" => Some(Multiplier::Billion),
            _ => None,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Multiplier::Thousand => "thousand",
            Multiplier::Million => "million",
            Multiplier::Billion => "billion",
        }
    }

    pub fn factor(self) -> f64 {
        match self {
            Multiplier::Thousand => 1e3,
            Multiplier::Million => 1e6,
            Multiplier::Billion => 1e9,
        }
    }
}

/// Whether a quantity is a level, a change over a period, a planned count, or a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "transfer", serde(rename_all = "snake_case"))]
pub enum Measure {
    /// A figure as it stands ("540 companies").
    Current,
    /// A change expressed as a factor ("tripled": value 3, unit "times").
    Change,
    /// A goal not yet reached ("bring it to $1 billion").
    Target,
    /// What has been planned or prepared, not yet happened ("two high-level visits" in a
    /// package of events prepared for the anniversary).
    Planned,
}

impl Measure {
    pub const ALL: [Measure; 4] = [Measure::Current, Measure::Change, Measure::Target, Measure::Planned];

    /// The identifier used in the dataset file and in exports.
    pub fn slug(self) -> &'static str {
        match self {
            Measure::Current => "current",
            Measure::Change => "change",
            Measure::Target => "target",
            Measure::Planned => "planned",
        }
    }

    pub fn from_slug(s: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.slug() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Measure::Current => "Current figure",
            Measure::Change => "Change",
            Measure::Target => "Target",
            Measure::Planned => "Planned",
        }
    }
}

/// A typed number with its unit. Money uses unit `"currency"` plus an ISO 4217 `currency`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct Quantity {
    /// Finite, as written in the source before the multiplier.
    pub value: f64,
    /// What is counted ("companies", "times") or `"currency"`; never empty.
    pub unit: String,
    /// ISO 4217 code, present exactly when `unit == "currency"`.
    pub currency: Option<String>,
    pub multiplier: Option<Multiplier>,
    pub measure: Measure,
    /// The source hedged the figure ("about 70").
    pub approximate: bool,
    /// The period the figure covers, when the source gives one.
    pub period: Option<DateSpec>,
}

impl Quantity {
    /// The value with its multiplier applied.
    pub fn absolute(&self) -> f64 {
        self.value * self.multiplier.map_or(1.0, Multiplier::factor)
    }
}

impl fmt::Display for Quantity {
    /// `$255 million`, `about 70 enterprises`, `×5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("about ")?;
        }
        let number = format_number(self.value);
        let scale = self.multiplier.map(|m| format!(" {}", m.word())).unwrap_or_default();
        match (self.unit.as_str(), self.currency.as_deref()) {
            ("currency", Some("USD")) => write!(f, "${number}{scale}"),
            ("currency", Some(code)) => write!(f, "{number}{scale} {code}"),
            ("times", _) => write!(f, "×{number}{scale}"),
            (unit, _) => write!(f, "{number}{scale} {unit}"),
        }
    }
}

/// A file size as people read it: `9.6 MB`, `512 KB`, `300 bytes` (decimal units, MB to
/// one decimal, KB rounded up so that a small file never reads "0 KB"). Computed on
/// integers, like `format_number`.
pub fn format_bytes(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else if bytes >= 1000 {
        format!("{} KB", bytes.div_ceil(1000))
    } else if bytes == 1 {
        "1 byte".to_owned()
    } else {
        format!("{bytes} bytes")
    }
}

/// Formats a finite number without a trailing `.0`, with comma grouping for whole
/// thousands below 10^15 (`1,000`, `25.5`, `1234.5`). A fraction gets the fewest decimals
/// that give back the same number, as Rust's `{}` does for any number written with up to
/// 15 significant digits (figures as sources state them); longer ones (float noise such as
/// `0.30000000000000004`) are rounded to 15. Integers from 10^15 up are written in full,
/// without grouping. Computed on integers; the wasm links `<f64 as Display>` all the same,
/// for the numbers the exports write ([`crate::export`]) and serde's error messages.
pub fn format_number(v: f64) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: integers below are exact in f64
    let a = v.abs();
    let mut out = String::new();
    if v < 0.0 {
        out.push('-');
    }
    if a >= 1e15 {
        out.push_str(&(a as u128).to_string());
        return out;
    }
    // `n / 10^d` is one correctly rounded division of exact values, so it equals `a`
    // exactly when the decimal n·10^-d reads back as `a`.
    let shortest =
        (0..=22).map(|d| (d, (a * 10f64.powi(d)).round())).take_while(|&(_, n)| n < EXACT).find(|&(d, n)| n / 10f64.powi(d) == a);
    let (decimals, n) = shortest.unwrap_or_else(|| {
        // 15 significant digits: scale into [10^14, 10^15).
        let d = (0..340).find(|&d| a * 10f64.powi(d) >= 1e14).unwrap_or(340);
        (d, (a * 10f64.powi(d)).round())
    });
    let decimals = decimals as usize;
    let digits = format!("{:0>width$}", n as u64, width = decimals + 1);
    let (int, frac) = digits.split_at(digits.len() - decimals);
    let frac = frac.trim_end_matches('0');
    for (i, c) in int.chars().enumerate() {
        // Like `{}`, a number with a fraction is not grouped.
        if i > 0 && frac.is_empty() && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A figure computed from the source's figures, never stated by the source itself.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct Derived {
    pub label: String,
    pub quantity: Option<Quantity>,
    pub date: Option<PartialDate>,
    /// How it was computed, e.g. "$255 million ÷ 3".
    pub method: String,
}

/// Where facts come from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub place: Option<String>,
    pub published: PartialDate,
    pub url: Option<String>,
    pub note: Option<String>,
    /// Path of the text file, relative to the dataset file, when the text is not inline.
    pub file: Option<String>,
    /// The full source text that quotes are checked against.
    pub text: String,
}

/// One sourced claim, rendered as one card.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct Fact {
    pub id: FactId,
    pub kind: Kind,
    pub title: String,
    pub summary: String,
    /// Indices into [`crate::dataset::Dataset::sectors`]; non-empty, no repeats.
    pub sectors: Vec<usize>,
    pub countries: Vec<String>,
    /// Who agreed or signed; non-empty for agreements.
    pub parties: Vec<String>,
    /// Who said it, when the source attributes the claim.
    pub attribution: Option<String>,
    /// Required for agreements (when agreed or signed).
    pub date: Option<DateSpec>,
    pub status: Option<Status>,
    /// Index into [`crate::dataset::Dataset::sources`].
    pub source: usize,
    /// Verbatim text of the source (up to whitespace) that supports the fact.
    pub quote: String,
    /// Required for indicators.
    pub quantity: Option<Box<Quantity>>,
    pub derived: Vec<Derived>,
    /// Index into [`crate::dataset::Dataset::facts`] of another fact whose figure this
    /// one's is drawn against (see [`crate::chart`]); never the fact itself.
    pub compare_with: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::{format_bytes, format_number, FactId, Measure};

    #[test]
    fn a_fact_id_is_made_only_from_a_slug_a_link_can_carry() {
        assert_eq!(FactId::new("trade-turnover-2024".to_owned()).as_ref().map(FactId::as_str), Some("trade-turnover-2024"));
        for bad in ["", "Trade", "gəncə", "a--b", "-a", "a b", &"a".repeat(81)] {
            assert_eq!(FactId::new(bad.to_owned()), None, "{bad:?}");
        }
    }

    #[test]
    fn every_measure_reads_back_from_its_slug_and_has_a_label() {
        for m in Measure::ALL {
            assert_eq!(Measure::from_slug(m.slug()), Some(m));
        }
        assert_eq!(Measure::from_slug("planned"), Some(Measure::Planned));
        assert_eq!(Measure::Planned.label(), "Planned");
        assert_eq!(Measure::Target.label(), "Target");
        assert_eq!(Measure::from_slug("Planned"), None, "slugs are lowercase, as the dataset file writes them");
    }

    #[test]
    fn file_sizes_read_as_people_write_them() {
        assert_eq!(format_bytes(0), "0 bytes");
        assert_eq!(format_bytes(1), "1 byte");
        assert_eq!(format_bytes(999), "999 bytes");
        assert_eq!(format_bytes(1000), "1 KB");
        assert_eq!(format_bytes(1001), "2 KB", "rounded up: never less than the file");
        assert_eq!(format_bytes(512_000), "512 KB");
        assert_eq!(format_bytes(999_999), "1000 KB");
        assert_eq!(format_bytes(1_000_000), "1.0 MB");
        assert_eq!(format_bytes(9_640_000), "9.6 MB");
        assert_eq!(format_bytes(9_960_000), "10.0 MB");
    }

    #[test]
    fn figures_print_as_written() {
        assert_eq!(format_number(255.0), "255");
        assert_eq!(format_number(1000.0), "1,000");
        assert_eq!(format_number(-1_234_567.0), "-1,234,567");
        assert_eq!(format_number(25.5), "25.5");
        assert_eq!(format_number(0.1), "0.1");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(1e15), "1000000000000000");
    }

    #[test]
    fn fractions_match_rusts_shortest_formatting() {
        // Every number written with up to 15 significant digits prints as Rust prints it.
        let mut k: u64 = 7;
        for _ in 0..20_000 {
            k = k.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let digits = (k >> 4) % 10u64.pow(1 + (k % 15) as u32);
            let v = digits as f64 / 10f64.powi(((k >> 20) % 16) as i32);
            if v.fract() != 0.0 && v < 1e15 {
                assert_eq!(format_number(v), format!("{v}"), "{v:e}");
                assert_eq!(format_number(-v), format!("{}", -v), "{v:e}");
            }
        }
        assert_eq!(format_number(0.1 + 0.2), "0.3", "float noise is rounded to 15 digits");
    }
}
