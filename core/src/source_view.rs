//! Where each fact's quote sits in its source text, for the source view.
//!
//! A quote matches its source up to whitespace, exactly as the validator checks it
//! ([`crate::dataset::normalise_whitespace`]): runs of spaces and line breaks in either
//! text count as one space. The spans found here are byte ranges into the *original*
//! text, so the UI can slice it without normalising what the reader sees.

use std::ops::Range;

use crate::dataset::Dataset;

/// One fact's quote located in its source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Index into the dataset's facts.
    pub fact: usize,
    /// Byte range into the source's text; starts and ends on character boundaries, never
    /// on whitespace.
    pub range: Range<usize>,
}

/// A piece of a source text as the source view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text no shown quote covers.
    Plain(Range<usize>),
    /// The selected fact's quote, whole.
    Current(Range<usize>),
    /// Part of another fact's quote: `fact` is the quote that starts last among those
    /// covering this part (the innermost when quotes nest; the later fact on a tie).
    Other { range: Range<usize>, fact: usize },
}

/// Byte range of the first occurrence of `quote` in `text`, matching up to whitespace.
/// `None` when it does not occur or holds no visible character.
pub fn locate(text: &str, quote: &str) -> Option<Range<usize>> {
    find(&words(text).collect::<Vec<_>>(), quote)
}

/// Whether `quote` occurs in `text` up to whitespace, as [`locate`] finds it, without
/// splitting the text: the validator asks this of every fact, and a million facts' sources
/// normalised ahead would take hundreds of megabytes.
pub fn contains_quote(text: &str, quote: &str) -> bool {
    let needle: Vec<&str> = quote.split_whitespace().collect();
    let Some((first, rest)) = needle.split_first() else { return false };
    let Some((last, middle)) = rest.split_last() else {
        // A single word may sit anywhere inside a word of the text.
        return text.contains(first);
    };
    // As in `find`: the first word ends a word of the text, the middle ones are whole
    // words, and the last starts one; the text's words are walked once, without a copy.
    let mut words = text.split_whitespace();
    while let Some(word) = words.next() {
        if word.ends_with(first) {
            let mut after = words.clone();
            if middle.iter().all(|m| after.next() == Some(*m)) && after.next().is_some_and(|w| w.starts_with(last)) {
                return true;
            }
        }
    }
    false
}

/// [`locate`] over the text's words (see [`words`]), so that many quotes of one source
/// split its text once.
fn find(words: &[(usize, &str)], quote: &str) -> Option<Range<usize>> {
    let needle: Vec<&str> = quote.split_whitespace().collect();
    let (first, rest) = needle.split_first()?;
    if rest.is_empty() {
        // A single word may sit anywhere inside a word of the text.
        return words.iter().find_map(|&(at, w)| w.find(first).map(|i| at + i..at + i + first.len()));
    }
    // Several words: the first must end a word of the text, the last must start one, and
    // the ones in between must be whole words ("x y" also matches inside "ax yb").
    let last = rest[rest.len() - 1];
    let middle = &rest[..rest.len() - 1];
    words.windows(needle.len()).find_map(|win| {
        let (at, w0) = win[0];
        let (end_at, wn) = win[needle.len() - 1];
        let inner = win[1..needle.len() - 1].iter().zip(middle).all(|(&(_, w), m)| w == *m);
        (inner && w0.ends_with(first) && wn.starts_with(last)).then(|| at + w0.len() - first.len()..end_at + last.len())
    })
}

/// Each whitespace-separated word of `text` with its byte offset.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace).filter(|w| !w.is_empty()).map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// The quotes of every fact drawn from source `source`, located in its text, in dataset
/// order. Facts whose quote cannot be found (impossible for a validated dataset) are left
/// out.
pub fn quote_spans(dataset: &Dataset, source: usize) -> Vec<QuoteSpan> {
    let Some(src) = dataset.sources.get(source) else { return Vec::new() };
    spans_in(&src.text, dataset.facts.iter().enumerate().filter(|(_, f)| f.source == source).map(|(fact, f)| (fact, f.quote.as_str())))
}

/// [`quote_spans`] for the facts given as (fact index, quote), all drawn from `text`: a
/// compiled dataset works them out once per source without a scan of every fact each.
pub fn spans_in<'a>(text: &str, quotes: impl Iterator<Item = (usize, &'a str)>) -> Vec<QuoteSpan> {
    let words: Vec<(usize, &str)> = words(text).collect();
    quotes.filter_map(|(fact, quote)| find(&words, quote).map(|range| QuoteSpan { fact, range })).collect()
}

/// Cuts `text_len` bytes into pieces: `current`'s quote whole, other quotes around it, and
/// plain text between. The pieces cover `0..text_len` in order without overlap.
pub fn pieces(text_len: usize, spans: &[QuoteSpan], current: Option<usize>) -> Vec<Piece> {
    let cur = spans.iter().find(|s| Some(s.fact) == current).map(|s| s.range.clone());
    // Every place a piece may begin or end.
    let mut cuts: Vec<usize> = vec![0, text_len];
    for s in spans {
        cuts.extend([s.range.start, s.range.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Piece> = Vec::new();
    for pair in cuts.windows(2) {
        let range = pair[0]..pair[1];
        let piece = match &cur {
            Some(c) if c.start <= range.start && range.end <= c.end => Piece::Current(c.clone()),
            _ => match spans
                .iter()
                .filter(|s| s.range.start <= range.start && range.end <= s.range.end)
                .max_by_key(|s| (s.range.start, s.fact))
            {
                Some(s) => Piece::Other { range, fact: s.fact },
                None => Piece::Plain(range),
            },
        };
        match (out.last_mut(), piece) {
            // The current quote is one piece however many cuts fall inside it.
            (Some(Piece::Current(prev)), Piece::Current(c)) if *prev == c => {}
            (Some(Piece::Plain(prev)), Piece::Plain(r)) => prev.end = r.end,
            (Some(Piece::Other { range: prev, fact: a }), Piece::Other { range: r, fact: b }) if *a == b => prev.end = r.end,
            (_, piece) => out.push(piece),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_quote_is_found_at_its_bytes() {
        let text = "Before. The goal is $1 billion. After.";
        let r = locate(text, "The goal is $1 billion.").unwrap();
        assert_eq!(&text[r], "The goal is $1 billion.");
    }

    #[test]
    fn line_breaks_and_runs_of_spaces_match_one_space() {
        let text = "He said:\n\n“Over the past\n five   years, trade tripled.”";
        let r = locate(text, "Over the past five years,\ttrade tripled.").unwrap();
        assert_eq!(&text[r], "Over the past\n five   years, trade tripled.");
    }

    #[test]
    fn quote_may_start_and_end_inside_words_as_the_validator_allows() {
        let text = "the “green” energy";
        let r = locate(text, "green” ener").unwrap();
        assert_eq!(&text[r], "green” ener");
        let r = locate(text, "ree").unwrap();
        assert_eq!(&text[r], "ree");
    }

    #[test]
    fn inner_words_must_match_whole() {
        assert_eq!(locate("a bcd e", "a c e"), None);
        assert_eq!(locate("alpha beta gamma", "ha be"), Some(3..8));
    }

    #[test]
    fn first_occurrence_wins() {
        assert_eq!(locate("x y. x y.", "x y."), Some(0..4));
    }

    #[test]
    fn multibyte_text_keeps_char_boundaries() {
        let text = "Gəncə və  Oʻzbekiston";
        let r = locate(text, "və Oʻzbek").unwrap();
        assert_eq!(&text[r], "və  Oʻzbek");
    }

    #[test]
    fn missing_or_blank_quotes_are_not_found() {
        assert_eq!(locate("abc", "abd"), None);
        assert_eq!(locate("abc", "  \n "), None);
        assert_eq!(locate("", "a"), None);
    }

    #[test]
    fn a_quote_whose_first_word_overlaps_an_earlier_try_is_found() {
        // "aa" first occurs at byte 0 of "aaa", but only the occurrence ending the word
        // continues into " b".
        assert!(contains_quote("aaa b", "aa\nb"));
        assert!(contains_quote("xaa aaa b", "aa b"));
        assert_eq!(locate("aaa b", "aa\nb"), Some(1..5));
    }

    proptest::proptest! {
        // Short texts over three characters: many cases are cheap and reach the overlaps.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// Containment as the validator asks it: the same answer as normalising both.
        #[test]
        fn contains_quote_is_containment_up_to_whitespace(text in "[ab \n]{0,24}", quote in "[ab \n]{1,8}") {
            let want = !quote.trim().is_empty() && crate::dataset::normalise_whitespace(&text).contains(&crate::dataset::normalise_whitespace(&quote));
            proptest::prop_assert_eq!(contains_quote(&text, &quote), want);
            proptest::prop_assert_eq!(locate(&text, &quote).is_some(), want);
        }
    }

    #[test]
    fn agrees_with_the_validator_on_containment() {
        let text = " date 2025 BAKU, June 4.\n\nThe number   rose.\n“We attach”";
        let norm = crate::dataset::normalise_whitespace(text);
        for q in ["BAKU, June 4. The number", "rose. “We", "ate 2025 B", "number rose", "June 5", "4.\nThe", "e"] {
            let found = locate(text, q).is_some();
            assert_eq!(found, norm.contains(&crate::dataset::normalise_whitespace(q)), "{q:?}");
        }
    }

    fn span(fact: usize, range: Range<usize>) -> QuoteSpan {
        QuoteSpan { fact, range }
    }

    #[test]
    fn pieces_cover_the_text_with_the_current_quote_whole() {
        // Fact 1's quote overlaps the current one (fact 0) on both sides of a cut.
        let spans = [span(0, 2..6), span(1, 4..9)];
        assert_eq!(
            pieces(10, &spans, Some(0)),
            [Piece::Plain(0..2), Piece::Current(2..6), Piece::Other { range: 6..9, fact: 1 }, Piece::Plain(9..10)]
        );
    }

    #[test]
    fn nested_quotes_link_to_the_innermost() {
        let spans = [span(0, 0..10), span(1, 3..5)];
        assert_eq!(
            pieces(10, &spans, None),
            [Piece::Other { range: 0..3, fact: 0 }, Piece::Other { range: 3..5, fact: 1 }, Piece::Other { range: 5..10, fact: 0 }]
        );
    }

    #[test]
    fn a_current_quote_inside_another_splits_it() {
        let spans = [span(0, 0..10), span(1, 3..5)];
        assert_eq!(
            pieces(10, &spans, Some(1)),
            [Piece::Other { range: 0..3, fact: 0 }, Piece::Current(3..5), Piece::Other { range: 5..10, fact: 0 }]
        );
    }

    #[test]
    fn span_order_does_not_matter() {
        let spans = [span(1, 3..5), span(0, 0..10)];
        assert_eq!(
            pieces(10, &spans, None),
            [Piece::Other { range: 0..3, fact: 0 }, Piece::Other { range: 3..5, fact: 1 }, Piece::Other { range: 5..10, fact: 0 }]
        );
    }

    #[test]
    fn without_quotes_the_text_is_one_plain_piece() {
        assert_eq!(pieces(7, &[], Some(3)), [Piece::Plain(0..7)]);
        assert_eq!(pieces(0, &[], None), []);
    }
}
