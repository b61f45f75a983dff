//! What a card marks for a query: the byte ranges of matching words, the text cut into
//! plain and highlighted pieces, and the excerpt of a long text around its first match.

use std::ops::Range;

use super::query::Query;
use crate::text::for_each_token;

/// Byte ranges of `text` to highlight for `query`, in order and non-overlapping.
pub fn highlight_ranges(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for_each_token(text, |span, norm| {
        if query.matches_term(norm) {
            out.push(span);
        }
    });
    out
}

/// Splits `text` into (segment, highlighted) pieces covering it exactly.
pub fn highlight<'t>(text: &'t str, query: &Query) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in highlight_ranges(text, query) {
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.clone()], true));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], false));
    }
    out
}

/// The part of `text` to show when it is longer than `max_chars`: a window of about
/// `max_chars` characters around the first match (or the start), cut at spaces.
/// Returns the byte range and whether text was cut before and after it.
pub fn excerpt(text: &str, query: &Query, max_chars: usize) -> (Range<usize>, bool, bool) {
    if text.chars().count() <= max_chars {
        return (0..text.len(), false, false);
    }
    let anchor = highlight_ranges(text, query).first().map_or(0, |r| r.start);
    let before = text[..anchor].chars().count();
    let start_char = before.saturating_sub(max_chars / 3);
    let mut start = text.char_indices().nth(start_char).map_or(0, |(b, _)| b);
    let mut end = text[start..].char_indices().nth(max_chars).map_or(text.len(), |(b, _)| start + b);
    if start > 0 {
        start = text[start..anchor.max(start)].find(' ').map_or(start, |s| start + s + 1);
    }
    if end < text.len() {
        end = text[..end].rfind(' ').filter(|&e| e > anchor).unwrap_or(end);
    }
    (start..end, start > 0, end < text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_centres_on_the_match() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma";
        let q = Query::parse("sigma");
        let (r, before, after) = excerpt(text, &q, 30);
        assert!(text[r.clone()].contains("sigma"), "{}", &text[r]);
        assert!(before && !after);
        let (all, b2, a2) = excerpt("short", &q, 30);
        assert_eq!((all, b2, a2), (0..5, false, false));
    }
}
