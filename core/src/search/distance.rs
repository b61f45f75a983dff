//! Edit distance for typo tolerance: the typo budget a word gets, and bounded
//! optimal-string-alignment distance (transpositions count as one edit) on bytes or
//! characters, also against the closest prefix of a word being typed.

use super::query::MAX_FUZZY_CHARS;

/// Edits allowed between two words, the longer of which has `len` characters. Query words
/// under 4 characters get none whatever they are compared with (see [`super::Word`]).
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Longest word (in characters) the edit-distance table holds.
const W: usize = MAX_FUZZY_CHARS + 4;

/// Optimal-string-alignment distances between `a` and every prefix of `b`: on return,
/// `row[j]` is the distance between `a` and `b[..j]` (at most `W`, so a byte holds it). `false` (row undefined) as soon as
/// every distance exceeds `k`, or when a word is too long for the table.
fn osa_row<T: PartialEq + Copy>(a: &[T], b: &[T], k: usize, row: &mut [u8; W]) -> bool {
    if b.len() >= W || a.len() >= W {
        return false;
    }
    let n = b.len();
    // Three rows of the table (two back, previous, current), small enough to copy.
    let (mut prev2, mut prev, mut cur) = ([0u8; W], [0u8; W], [0u8; W]);
    for (j, p) in prev.iter_mut().enumerate().take(n + 1) {
        *p = j as u8;
    }
    for i in 1..=a.len() {
        cur[0] = i as u8;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if usize::from(row_min) > k {
            return false;
        }
        prev2 = prev;
        prev = cur;
    }
    *row = prev;
    true
}

/// Optimal-string-alignment distance between `a` and `b`, if it is at most `k`
/// (transpositions count as one edit).
pub(super) fn distance_within<T: PartialEq + Copy>(a: &[T], b: &[T], k: usize) -> Option<u8> {
    let mut row = [0u8; W];
    if a.len().abs_diff(b.len()) > k || !osa_row(a, b, k, &mut row) {
        return None;
    }
    (usize::from(row[b.len()]) <= k).then_some(row[b.len()])
}

/// Typos between a query word `a` and an indexed word `b` (with `prefix`, the closest
/// prefix of `b`), if within the budget that the longer of the two sets ([`max_edits`]).
/// The caller has checked that `a` may match fuzzily at all.
pub(super) fn typo_distance<T: PartialEq + Copy>(a: &[T], b: &[T], prefix: bool) -> Option<u8> {
    if !prefix {
        return distance_within(a, b, max_edits(a.len().max(b.len())));
    }
    // Each prefix of `b` is a candidate word of its own length.
    let b = &b[..b.len().min(a.len() + 2)];
    let mut row = [0u8; W];
    if !osa_row(a, b, max_edits(a.len().max(b.len())), &mut row) {
        return None;
    }
    (0..=b.len()).filter(|&j| usize::from(row[j]) <= max_edits(a.len().max(j))).map(|j| row[j]).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn d(a: &str, b: &str, k: usize) -> Option<u8> {
        distance_within(&chars(a), &chars(b), k)
    }

    /// Typos within the length-based budget, as a query word (`prefix`: being typed).
    fn typos(a: &str, b: &str, prefix: bool) -> Option<u8> {
        typo_distance(&chars(a), &chars(b), prefix)
    }

    #[test]
    fn one_typo_is_one_edit() {
        assert_eq!(d("trade", "trade", 1), Some(0));
        assert_eq!(d("trdae", "trade", 1), Some(1), "transposition");
        assert_eq!(d("trad", "trade", 1), Some(1), "insertion");
        assert_eq!(d("trxde", "trade", 1), Some(1), "substitution");
        assert_eq!(d("tade", "trade", 1), Some(1), "deletion");
        assert_eq!(d("tdx", "trade", 1), None);
    }

    #[test]
    fn prefix_distance_compares_with_the_best_prefix() {
        assert_eq!(typos("samrq", "samarqand", true), Some(1));
        assert_eq!(typos("samarq", "samarqand", true), Some(0));
        assert_eq!(typos("xyzq", "samarqand", true), None);
    }

    #[test]
    fn the_longer_word_sets_the_typo_budget() {
        // 7 letters typed, 8 indexed: a deletion plus a transposition is within 2.
        assert_eq!(typos("prciosu", "precious", false), Some(2));
        assert_eq!(typos("prciosu", "precious", true), Some(2), "also while typing");
        // 5 letters against 6: still 1.
        assert_eq!(typos("enrgy", "energy", false), Some(1));
        assert_eq!(typos("nrgyy", "energy", false), None);
        // 6 letters against 8: two insertions.
        assert_eq!(typos("export", "exporter", false), Some(2));
        // While typing, a short prefix is a short word: "toxx" is 2 edits from "text".
        assert_eq!(typos("toxx", "textiles", true), None);
    }

    #[test]
    fn edit_budget_grows_with_word_length() {
        assert_eq!([3, 4, 7, 8, 20].map(max_edits), [0, 1, 1, 2, 2]);
    }
}
