//! Indicator charts as data: which chart a fact gets, its geometry, and the same content
//! as a sentence (the text equivalent).
//!
//! A chart is decided from quantities only, never from ids, so any dataset gets charts:
//! - a `change` in `"times"` on its own: the ratio as blocks, with no absolute axis;
//! - a `change` that `compare_with`s the level it reached, and carries its base as a
//!   derived figure in the same unit: base → level, the base marked "derived";
//! - a `current` figure and a `target` in the same unit: progress, with the target marked
//!   and the (derived) percentage labelled;
//! - any other two figures (`current`, `target` or `planned`) that are counts, or sums in
//!   one currency: side by side, a planned figure marked "(planned)".
//!
//! Geometry is in SVG user units of a viewBox [`WIDTH`] wide; the UI scales it to the card.
//! Text lines are wrapped here, by an estimate of their width, so nothing is cut off.

mod pairing;

pub use pairing::{pairing, Pairing};

use crate::facts::Facts;
use crate::model::{format_number, Derived, Fact, Measure, Quantity};
use pairing::is_factor;

/// Width of every chart's viewBox, in user units: about a phone card's width in CSS
/// pixels, so that text keeps its size there.
pub const WIDTH: u32 = 240;
/// Height of a bar; the target rule overshoots it by [`OVERSHOOT`] above and below.
const BAR: u32 = 16;
const OVERSHOOT: u32 = 4;
/// Distance between text baselines; the UI sets a font size of 12.5 user units.
const LINE: u32 = 16;
/// Baseline offset of a line of text from its top.
const ASCENT: u32 = 12;
/// Estimated advance of one character, in tenths of a user unit, at that font size: a
/// little wider than common sans-serif faces (about 0.51 em, bold 0.58 em) so that lines
/// fit whatever face the reader has.
const CHAR_TENTHS: u32 = 65;
const BOLD_CHAR_TENTHS: u32 = 75;
/// Gap between blocks of the ratio glyph.
const BLOCK_GAP: u32 = 4;
/// Integer factors up to this many are drawn as separate blocks.
const MAX_BLOCKS: f64 = 12.0;

/// The four chart types, named as the UI's class suffix (`chart--progress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Progress,
    Change,
    Ratio,
    Comparison,
}

impl ChartKind {
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Progress => "progress",
            ChartKind::Change => "change",
            ChartKind::Ratio => "ratio",
            ChartKind::Comparison => "comparison",
        }
    }
}

/// What a shape stands for; the UI maps each to a class and the stylesheet to a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A figure the source states.
    Stated,
    /// A figure computed from the source's figures.
    Derived,
    /// A base the source does not give (ratio glyph): shown as a unit, never a number.
    Base,
    /// The whole scale behind a progress bar.
    Track,
    /// The target's position on the track.
    Target,
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    /// A figure: bold.
    Value,
    /// Words around figures: muted.
    Label,
    /// The word "derived" and what it qualifies: the derived colour.
    Derived,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub emphasis: Emphasis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    End,
}

/// One shape in user units; `y` of a text is its baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Bar { x: u32, y: u32, width: u32, height: u32, tone: Tone },
    Text { x: u32, y: u32, anchor: Anchor, spans: Vec<Span> },
}

/// A chart ready to draw: every number already placed and every label already worded.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub kind: ChartKind,
    /// Short accessible name (the SVG `<title>`).
    pub title: String,
    /// Everything the chart shows, in words, derived figures marked "derived" (the
    /// `<desc>` and the visible caption).
    pub text: String,
    /// viewBox height; the width is [`WIDTH`].
    pub height: u32,
    pub marks: Vec<Mark>,
}

impl Chart {
    /// All the text drawn inside the chart, line by line.
    pub fn lines(&self) -> Vec<String> {
        self.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { spans, .. } => Some(spans.iter().map(|s| s.text.as_str()).collect()),
                Mark::Bar { .. } => None,
            })
            .collect()
    }
}

/// The chart for fact `i`, if there is such a fact and its figures call for one (and the
/// fact it compares with is at hand).
pub fn chart_for(facts: &impl Facts, i: usize) -> Option<Chart> {
    let fact = facts.fact(i)?;
    let q = fact.quantity.as_ref()?;
    let Some(j) = fact.compare_with else {
        return (q.measure == Measure::Change && is_factor(q) && q.value > 0.0).then(|| ratio(q));
    };
    let other = facts.fact(j)?;
    let b = other.quantity.as_ref()?;
    Some(match pairing(fact, other).ok()? {
        Pairing::Progress if q.measure == Measure::Target => progress(b, q, other, "current figure"),
        Pairing::Progress => progress(q, b, other, "target"),
        Pairing::Change { base } => change(q, fact.derived.get(base)?, b, other)?,
        Pairing::Comparison => comparison(fact, q, other, b),
    })
}

/// `value` on a scale whose `max` spans the full width; never 0 for a positive value.
fn scaled(value: f64, max: f64) -> u32 {
    if value <= 0.0 || max <= 0.0 {
        return 0;
    }
    ((value / max * f64::from(WIDTH)).round() as u32).clamp(2, WIDTH)
}

/// A percentage to one decimal place, without a trailing `.0`.
fn percent(part: f64, whole: f64) -> String {
    let p = (part / whole * 1000.0).round() / 10.0;
    if p == 0.0 && part > 0.0 {
        "less than 0.1%".into()
    } else {
        format!("{}%", format_number(p))
    }
}

fn value(text: impl Into<String>) -> Span {
    Span { text: text.into(), emphasis: Emphasis::Value }
}

fn label(text: impl Into<String>) -> Span {
    Span { text: text.into(), emphasis: Emphasis::Label }
}

fn derived_mark() -> Span {
    Span { text: " (derived)".into(), emphasis: Emphasis::Derived }
}

fn period_words(q: &Quantity) -> String {
    match &q.period {
        Some(p) if p.inferred => format!(" over {p} (inferred from “{}”)", p.phrase.as_deref().unwrap_or_default()),
        Some(p) => format!(" over {p}"),
        None => String::new(),
    }
}

/// Stacks lines of text and bars from the top down.
#[derive(Default)]
struct Layout {
    y: u32,
    marks: Vec<Mark>,
}

impl Layout {
    /// Left-aligned text, wrapped at word boundaries into as many lines as it needs.
    fn text(&mut self, spans: Vec<Span>) {
        for line in wrap(spans, WIDTH * 10) {
            self.marks.push(Mark::Text { x: 0, y: self.y + ASCENT, anchor: Anchor::Start, spans: line });
            self.y += LINE;
        }
    }

    fn bar(&mut self, width: u32, tone: Tone) {
        self.y += 2;
        self.marks.push(Mark::Bar { x: 0, y: self.y, width, height: BAR, tone });
        self.y += BAR;
    }

    fn gap(&mut self, units: u32) {
        self.y += units;
    }

    fn finish(self, kind: ChartKind, title: String, text: String) -> Chart {
        Chart { kind, title, text, height: self.y + 4, marks: self.marks }
    }
}

/// Estimated width of `text` in tenths of a user unit.
fn width(text: &str, emphasis: Emphasis) -> u32 {
    let per = if emphasis == Emphasis::Label { CHAR_TENTHS } else { BOLD_CHAR_TENTHS };
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX / per) * per
}

/// Greedy word wrap across spans into lines at most `max` tenths of a unit wide, breaking
/// only at spaces; a word wider than a line gets a line of its own.
fn wrap(spans: Vec<Span>, max: u32) -> Vec<Vec<Span>> {
    let mut lines: Vec<Vec<Span>> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    let mut len = 0;
    // A space was seen since the last word: the next word may start a new line.
    let mut space = false;
    for span in spans {
        for (k, word) in span.text.split(' ').enumerate() {
            space |= k > 0;
            if word.is_empty() {
                continue;
            }
            let piece = format!(" {word}");
            if space && len > 0 && len + width(&piece, span.emphasis) > max {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            let piece = if space && len > 0 { piece } else { word.to_owned() };
            space = false;
            len += width(&piece, span.emphasis);
            match line.last_mut() {
                Some(last) if last.emphasis == span.emphasis => last.text.push_str(&piece),
                _ => line.push(Span { text: piece, emphasis: span.emphasis }),
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `current` against `target` on one track; `other` is the fact the figure marked by
/// `other_role` comes from.
fn progress(current: &Quantity, target: &Quantity, other: &Fact, other_role: &str) -> Chart {
    let (c, t) = (current.absolute(), target.absolute());
    let max = c.max(t);
    let target_x = scaled(t, max);
    let pct = percent(c, t);
    let mut l = Layout::default();
    let caption = vec![label("Target: "), value(target.to_string())];
    // The caption sits over the target rule when it fits to its left.
    let fits = caption.iter().map(|s| width(&s.text, s.emphasis)).sum::<u32>() <= target_x * 10;
    let (x, anchor) = if fits { (target_x, Anchor::End) } else { (0, Anchor::Start) };
    l.marks.push(Mark::Text { x, y: ASCENT, anchor, spans: caption });
    l.gap(LINE + OVERSHOOT);
    let top = l.y + 2;
    l.bar(WIDTH, Tone::Track);
    l.marks.push(Mark::Bar { x: 0, y: top, width: scaled(c, max), height: BAR, tone: Tone::Stated });
    let rule_x = target_x.saturating_sub(2).min(WIDTH - 3);
    l.marks.push(Mark::Bar { x: rule_x, y: top - OVERSHOOT, width: 3, height: BAR + 2 * OVERSHOOT, tone: Tone::Target });
    l.gap(OVERSHOOT + 4);
    l.text(vec![value(current.to_string())]);
    l.text(vec![value(pct.clone()), label(" of the target"), derived_mark()]);
    let title = format!("Progress toward the target: {current} of {target}");
    let text = format!(
        "{current} is {pct} of the target of {target} (derived: {current} ÷ {target}). The {other_role} is from “{}”.",
        other.title
    );
    l.finish(ChartKind::Progress, title, text)
}

/// A change from its derived base to the level it reached (`end`, from `other`); `None`
/// for a base without a quantity, which [`pairing`] never chooses.
fn change(factor: &Quantity, base: &Derived, end: &Quantity, other: &Fact) -> Option<Chart> {
    let start = base.quantity.as_ref()?;
    let max = start.absolute().max(end.absolute());
    let times = factor.to_string();
    let mut l = Layout::default();
    l.text(vec![value(start.to_string()), derived_mark()]);
    l.text(vec![label(&base.label)]);
    l.bar(scaled(start.absolute(), max), Tone::Derived);
    l.gap(10);
    l.text(vec![value(end.to_string()), label(", "), value(times.clone())]);
    l.text(vec![label(&other.title)]);
    l.bar(scaled(end.absolute(), max), Tone::Stated);
    let title = format!("Change {times}: from {start} (derived) to {end}");
    let text =
        format!("A change of {times}{}: from {start} (derived: {}) to {end} (from “{}”).", period_words(factor), base.method, other.title);
    Some(l.finish(ChartKind::Change, title, text))
}

/// A factor with no base: one block for the base, the factor's worth of blocks after it.
fn ratio(factor: &Quantity) -> Chart {
    let f = factor.value;
    let times = factor.to_string();
    let mut l = Layout::default();
    l.text(vec![value("Before"), label(": the base (not given)")]);
    if f.fract() == 0.0 && (1.0..=MAX_BLOCKS).contains(&f) {
        let n = f as u32;
        let unit = (WIDTH - BLOCK_GAP * (n - 1)) / n;
        l.bar(unit, Tone::Base);
        l.gap(10);
        l.text(vec![value("After"), label(": "), value(times.clone()), label(" the base")]);
        l.y += 2;
        for k in 0..n {
            l.marks.push(Mark::Bar { x: k * (unit + BLOCK_GAP), y: l.y, width: unit, height: BAR, tone: Tone::Stated });
        }
        l.y += BAR;
    } else {
        let max = f.max(1.0);
        l.bar(scaled(1.0, max), Tone::Base);
        l.gap(10);
        l.text(vec![value("After"), label(": "), value(times.clone()), label(" the base")]);
        l.bar(scaled(f, max), Tone::Stated);
    }
    let title = format!("Change {times}; the base is not given");
    let text = format!(
        "A change of {times}{}. The source gives neither the starting nor the final figure, so the chart shows proportions only: a bar for the base and a bar {times} its length.",
        period_words(factor)
    );
    l.finish(ChartKind::Ratio, title, text)
}

/// Two levels side by side, on one scale: this fact's first.
fn comparison(fact: &Fact, a: &Quantity, other: &Fact, b: &Quantity) -> Chart {
    let max = a.absolute().max(b.absolute());
    let mut l = Layout::default();
    for (i, (f, q)) in [(fact, a), (other, b)].into_iter().enumerate() {
        if i > 0 {
            l.gap(10);
        }
        let mut line = vec![value(q.to_string())];
        if q.measure == Measure::Planned {
            line.push(label(PLANNED));
        }
        l.text(line);
        l.text(vec![label(&f.title)]);
        l.bar(scaled(q.absolute(), max), Tone::Stated);
    }
    let (a, b) = (with_measure(a), with_measure(b));
    let title = format!("{a} compared with {b}");
    let text = format!("{a} (“{}”) compared with {b} (“{}”), on one scale.", fact.title, other.title);
    l.finish(ChartKind::Comparison, title, text)
}

/// Follows a planned figure in a comparison, so that it never reads as one already reached.
const PLANNED: &str = " (planned)";

/// `2 high-level visits (planned)`; other figures as they are.
fn with_measure(q: &Quantity) -> String {
    if q.measure == Measure::Planned {
        format!("{q}{PLANNED}")
    } else {
        q.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{load, Dataset};

    /// A dataset with one source that says everything the facts quote.
    pub(super) fn dataset(facts: &str) -> Result<Dataset, Vec<String>> {
        let json = format!(
            r#"{{"title": "T", "sectors": [{{"id": "trade", "label": "Trade"}}],
                "sources": [{{"id": "s", "publisher": "P", "title": "T", "published": "2025-06-04", "text": "It says so."}}],
                "facts": [{facts}]}}"#
        );
        load("test.json", &json, |_| None).map_err(|e| e.iter().map(ToString::to_string).collect())
    }

    pub(super) fn fact(id: &str, quantity: &str, extra: &str) -> String {
        format!(
            r#"{{"id": "{id}", "kind": "indicator", "title": "Title of {id}", "summary": "S.", "sectors": ["trade"],
                "source": "s", "quote": "It says so.", "quantity": {quantity}{extra}}}"#
        )
    }

    pub(super) const TURNOVER: &str =
        r#"{"value": 255, "unit": "currency", "currency": "USD", "multiplier": "million", "measure": "current"}"#;
    const GOAL: &str = r#"{"value": 1, "unit": "currency", "currency": "USD", "multiplier": "billion", "measure": "target"}"#;
    pub(super) const TRIPLED: &str = r#"{"value": 3, "unit": "times", "measure": "change", "period": {"start": "2020", "end": "2025"}}"#;
    pub(super) const BASE: &str = r#", "derived": [{"label": "Implied turnover before", "method": "255 ÷ 3",
        "quantity": {"value": 85, "unit": "currency", "currency": "USD", "multiplier": "million", "measure": "current", "approximate": true}}]"#;

    fn chart(facts: &[String], id: &str) -> Chart {
        let d = dataset(&facts.join(",")).unwrap();
        chart_for(&d, d.fact_index(id).unwrap()).unwrap_or_else(|| panic!("no chart for {id}"))
    }

    fn bars(c: &Chart, tone: Tone) -> Vec<(u32, u32)> {
        c.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Bar { x, width, tone: t, .. } if *t == tone => Some((*x, *width)),
                _ => None,
            })
            .collect()
    }

    fn derived_spans(c: &Chart) -> Vec<String> {
        c.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { spans, .. } => Some(spans),
                Mark::Bar { .. } => None,
            })
            .flatten()
            .filter(|s| s.emphasis == Emphasis::Derived)
            .map(|s| s.text.clone())
            .collect()
    }

    #[test]
    fn progress_chart_marks_target_and_percent() {
        let goal = fact("goal", GOAL, r#", "compare_with": "turnover""#);
        let c = chart(&[fact("turnover", TURNOVER, ""), goal], "goal");
        assert_eq!(c.kind, ChartKind::Progress);
        assert_eq!(bars(&c, Tone::Track), [(0, WIDTH)]);
        // $255 million of $1 billion: the fill ends at 25.5% of the track.
        assert_eq!(bars(&c, Tone::Stated), [(0, 61)]);
        // The target rule is at the end of the track, since the target is the larger figure.
        let [(x, w)] = bars(&c, Tone::Target)[..] else { panic!("one target rule") };
        assert!(x < WIDTH && x + w >= WIDTH - 1, "rule at {x}+{w}");
        assert_eq!(c.lines(), ["Target: $1 billion", "$255 million", "25.5% of the target (derived)"]);
        assert_eq!(c.title, "Progress toward the target: $255 million of $1 billion");
        assert!(c.text.starts_with("$255 million is 25.5% of the target of $1 billion (derived:"), "{}", c.text);
        assert!(c.text.ends_with("The current figure is from “Title of turnover”."), "{}", c.text);
    }

    #[test]
    fn progress_past_the_target_moves_the_target_rule_inside() {
        let over = r#"{"value": 1.5, "unit": "currency", "currency": "USD", "multiplier": "billion", "measure": "current"}"#;
        let c = chart(&[fact("over", over, r#", "compare_with": "goal""#), fact("goal", GOAL, "")], "over");
        assert_eq!(bars(&c, Tone::Stated), [(0, WIDTH)]);
        assert_eq!(bars(&c, Tone::Target), [(158, 3)]);
        assert!(c.lines().contains(&"150% of the target (derived)".to_owned()), "{:?}", c.lines());
        assert!(c.text.contains("The target is from “Title of goal”"), "{}", c.text);
    }

    #[test]
    fn derived_value_is_labelled_derived() {
        let tripled = fact("tripled", TRIPLED, &format!(r#"{BASE}, "compare_with": "turnover""#));
        let c = chart(&[fact("turnover", TURNOVER, ""), tripled], "tripled");
        assert_eq!(c.kind, ChartKind::Change);
        // The base is drawn in the derived tone, to scale against the level reached.
        assert_eq!(bars(&c, Tone::Derived), [(0, 80)]);
        assert_eq!(bars(&c, Tone::Stated), [(0, WIDTH)]);
        assert_eq!(c.lines()[0], "about $85 million (derived)");
        assert_eq!(derived_spans(&c), [" (derived)"]);
        assert!(c.lines().contains(&"$255 million, ×3".to_owned()), "{:?}", c.lines());
        assert!(c.text.contains("from about $85 million (derived: 255 ÷ 3) to $255 million"), "{}", c.text);
        assert!(c.title.contains("(derived)"), "{}", c.title);
    }

    #[test]
    fn progress_percentage_is_labelled_derived() {
        let c = chart(&[fact("turnover", TURNOVER, r#", "compare_with": "goal""#), fact("goal", GOAL, "")], "turnover");
        assert_eq!(derived_spans(&c), [" (derived)"]);
        assert!(c.text.contains("(derived: $255 million ÷ $1 billion)"), "{}", c.text);
        assert!(c.text.contains("The target is from “Title of goal”"), "{}", c.text);
    }

    #[test]
    fn change_without_base_has_no_absolute_axis() {
        let fivefold = r#"{"value": 5, "unit": "times", "measure": "change"}"#;
        let c = chart(&[fact("jv", fivefold, "")], "jv");
        assert_eq!(c.kind, ChartKind::Ratio);
        // One block for the unknown base, five equal blocks after it.
        let base = bars(&c, Tone::Base);
        let after = bars(&c, Tone::Stated);
        assert_eq!(base.len(), 1);
        assert_eq!(after.len(), 5);
        assert!(after.iter().all(|&(_, w)| w == base[0].1));
        // No number appears but the factor itself.
        let drawn = c.lines().join(" ");
        assert_eq!(drawn, "Before: the base (not given) After: ×5 the base");
        assert!(c.text.contains("neither the starting nor the final figure"), "{}", c.text);
        assert!(!c.text.chars().any(|ch| ch.is_ascii_digit() && ch != '5'), "{}", c.text);
    }

    #[test]
    fn fractional_or_large_factors_are_one_bar_each() {
        let c = chart(&[fact("x", r#"{"value": 2.5, "unit": "times", "measure": "change"}"#, "")], "x");
        assert_eq!(bars(&c, Tone::Base), [(0, 96)]);
        assert_eq!(bars(&c, Tone::Stated), [(0, WIDTH)]);
        let c = chart(&[fact("x", r#"{"value": 0.5, "unit": "times", "measure": "change"}"#, "")], "x");
        assert_eq!(bars(&c, Tone::Base), [(0, WIDTH)]);
        assert_eq!(bars(&c, Tone::Stated), [(0, 120)]);
    }

    #[test]
    fn approximate_count_is_labelled_about() {
        let companies = r#"{"value": 540, "unit": "companies", "measure": "current"}"#;
        let enterprises = r#"{"value": 70, "unit": "enterprises", "measure": "current", "approximate": true}"#;
        let c = chart(&[fact("az", companies, r#", "compare_with": "uz""#), fact("uz", enterprises, "")], "az");
        assert_eq!(c.kind, ChartKind::Comparison);
        assert_eq!(bars(&c, Tone::Stated), [(0, WIDTH), (0, 31)]);
        assert_eq!(c.lines(), ["540 companies", "Title of az", "about 70 enterprises", "Title of uz"]);
        assert_eq!(c.title, "540 companies compared with about 70 enterprises");
        assert!(c.text.contains("compared with about 70 enterprises (“Title of uz”)"), "{}", c.text);
    }

    #[test]
    fn a_planned_count_is_compared_side_by_side_and_marked_planned() {
        let planned = r#"{"value": 2, "unit": "high-level visits", "measure": "planned"}"#;
        let made = r#"{"value": 5, "unit": "mutual visits", "measure": "current"}"#;
        let c = chart(&[fact("plan", planned, r#", "compare_with": "made""#), fact("made", made, "")], "plan");
        assert_eq!(c.kind, ChartKind::Comparison);
        assert_eq!(bars(&c, Tone::Stated), [(0, 96), (0, WIDTH)]);
        assert_eq!(c.lines(), ["2 high-level visits (planned)", "Title of plan", "5 mutual visits", "Title of made"]);
        assert_eq!(c.title, "2 high-level visits (planned) compared with 5 mutual visits");
        assert!(c.text.starts_with("2 high-level visits (planned) (“Title of plan”) compared with"), "{}", c.text);
    }

    #[test]
    fn a_lone_current_figure_gets_no_chart() {
        let d = dataset(&fact("turnover", TURNOVER, "")).unwrap();
        assert_eq!(chart_for(&d, 0), None);
    }

    #[test]
    fn charts_fit_the_width_and_grow_downwards() {
        let long = "Implied trade turnover between the two countries five years before the report";
        let base = BASE.replace("Implied turnover before", long);
        let tripled = fact("tripled", TRIPLED, &format!(r#"{base}, "compare_with": "turnover""#));
        let c = chart(&[fact("turnover", TURNOVER, ""), tripled], "tripled");
        for m in &c.marks {
            if let Mark::Text { spans, .. } = m {
                assert!(spans.iter().map(|s| width(&s.text, s.emphasis)).sum::<u32>() <= WIDTH * 10, "{spans:?}");
            }
        }
        assert!(c.lines().contains(&"Implied trade turnover between the".to_owned()), "{:?}", c.lines());
        let mut last = 0;
        for m in &c.marks {
            let (bottom, right) = match m {
                Mark::Bar { x, y, width, height, .. } => (y + height, x + width),
                Mark::Text { y, .. } => (*y, 0),
            };
            assert!(bottom >= last && bottom <= c.height && right <= WIDTH, "{m:?}");
            last = bottom;
        }
    }

    #[test]
    fn wrap_keeps_emphasis_and_spaces() {
        let lines = wrap(vec![value("$255 million"), label(" is "), value("25.5%"), derived_mark()], 16 * BOLD_CHAR_TENTHS);
        assert_eq!(lines, [vec![value("$255 million"), label(" is")], vec![value("25.5%"), derived_mark()]]);
        let lines = wrap(vec![label("Target: "), value("$1 billion"), label(", "), value("×3")], WIDTH * 10);
        assert_eq!(lines, [vec![label("Target:"), value(" $1 billion"), label(","), value(" ×3")]]);
    }

    #[test]
    fn wrap_breaks_only_at_spaces() {
        assert_eq!(wrap(vec![label("a b")], CHAR_TENTHS), [vec![label("a")], vec![label("b")]]);
        // "x" and "yz" touch: one word, even though it is longer than the line.
        assert_eq!(wrap(vec![value("x"), label("yz")], 1), [vec![value("x"), label("yz")]]);
    }

    pub(super) fn rejection(facts: &[String]) -> String {
        let errors = dataset(&facts.join(",")).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        errors[0].clone()
    }

    #[test]
    fn compare_with_names_an_existing_other_fact() {
        let e = rejection(&[fact("a", TURNOVER, r#", "compare_with": "nowhere""#)]);
        assert_eq!(e, "test.json: fact \"a\", field `compare_with`: no fact has id \"nowhere\"");
        let e = rejection(&[fact("a", TURNOVER, r#", "compare_with": "a""#)]);
        assert_eq!(e, "test.json: fact \"a\", field `compare_with`: a fact cannot be compared with itself");
    }
}
