//! Dates as sources give them: a year, a month or a day (`PartialDate`), and a fact's date
//! or period with the source's own phrase (`DateSpec`); parsing, ISO and human forms.

use std::fmt;

/// A calendar date with optional month and day: `2024`, `2024-08` or `2024-08-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct PartialDate {
    pub year: i32,
    /// 1..=12 when present.
    pub month: Option<u8>,
    /// 1..=31 (valid for the month) when present; never present without `month`.
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking month and day ranges.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => Some(u8::try_from(parse_digits(m, 2)?).ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match (parts.next(), month) {
            (Some(d), Some(m)) => Some(u8::try_from(parse_digits(d, 2)?).ok().filter(|d| (1..=days_in_month(year, m)).contains(d))?),
            (Some(_), None) => return None,
            (None, _) => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// ISO 8601 form at the date's own precision, for `<time datetime>`.
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// The last possible day this date can denote, as (year, month, day), for ordering ranges.
    pub fn upper(self) -> (i32, u8, u8) {
        let m = self.month.unwrap_or(12);
        (self.year, m, self.day.unwrap_or(days_in_month(self.year, m)))
    }

    /// The first possible day this date can denote, as (year, month, day).
    pub fn lower(self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// True when `self` can start no later than `end` ends.
    pub fn not_after(self, end: PartialDate) -> bool {
        self.lower() <= end.upper()
    }
}

fn parse_digits(s: &str, len: usize) -> Option<i32> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

impl fmt::Display for PartialDate {
    /// Human form: `2024`, `August 2024`, `4 June 2025`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `month` is 1..=12, so the name is always found; `get` rather than indexing keeps
        // a panic path (and this file's name) out of the page's wasm.
        let month = self.month.and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)));
        match (month, self.day) {
            (Some(m), Some(d)) => write!(f, "{d} {m} {}", self.year),
            (Some(m), None) => write!(f, "{m} {}", self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

/// When a fact happened or which period it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "transfer", derive(serde::Serialize, serde::Deserialize))]
pub struct DateSpec {
    pub start: PartialDate,
    /// Present for ranges and periods; never before `start`.
    pub end: Option<PartialDate>,
    /// The source's own words for the date ("last August"), when it gave a phrase.
    pub phrase: Option<String>,
    /// True when the value was resolved from a relative phrase against the publication date.
    pub inferred: bool,
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            Some(end) if end != self.start => write!(f, "{} – {}", self.start, end),
            _ => write!(f, "{}", self.start),
        }
    }
}
