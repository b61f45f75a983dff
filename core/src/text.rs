//! Text normalisation and tokenising, shared by the index, the query and highlighting.
//!
//! Folding is chosen for Azerbaijani and Uzbek text written in Latin script:
//! - Turkic dotted and dotless i (`İ`, `I`, `ı`, `i`) all fold to `i`;
//! - `ə` folds to `e`, and every other Latin diacritic is stripped (`ğ ş ç ö ü` → `g s c o u`);
//! - the Uzbek letters `oʻ` and `gʻ` may be written with any of `ʻ ' ’ ‘ ʼ` (or none): the
//!   mark is dropped, so all spellings meet;
//! - digit groups written `1,000` join into `1000`.
//!
//! Tokens keep their byte range in the original text so that matches can be highlighted
//! in the text as written.

use std::ops::Range;

include!(concat!(env!("OUT_DIR"), "/fold_tables.rs"));

/// The base letter of a precomposed character (`ş` → `s`), if it has one.
fn base_of(c: char) -> Option<char> {
    let cp = u16::try_from(c as u32).ok()?;
    let i = FOLD.binary_search_by_key(&cp, |&(k, _)| k).ok()?;
    char::from_u32(u32::from(FOLD[i].1))
}

/// True for combining marks (accents written as separate code points).
pub fn is_combining_mark(c: char) -> bool {
    let Ok(cp) = u16::try_from(c as u32) else { return false };
    let i = MARKS.partition_point(|&(_, end)| end < cp);
    MARKS.get(i).is_some_and(|&(start, _)| start <= cp)
}

/// A word of the original text and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Folded form, non-empty.
    pub norm: String,
}

/// Characters that write the Uzbek okina/tutuq belgisi or an apostrophe.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | 'ʻ' | '’' | '‘' | 'ʼ' | '`' | 'ʹ' | '′')
}

/// True for characters inside a word: letters, digits and combining marks (text saved
/// decomposed writes `ş` as `s` + U+0327). Apostrophes are not, even those Unicode counts as
/// letters (`ʻ`, `ʼ`): [`tokenize`] keeps them only between letters.
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || is_combining_mark(c)) && !is_apostrophe(c)
}

/// True when `s` ends inside a word, i.e. its last word may still be being typed: it ends
/// in a word character, or in an apostrophe right after a letter (Uzbek `o'` of `o'zbek`).
pub fn ends_inside_word(s: &str) -> bool {
    let mut rev = s.chars().rev();
    match rev.next() {
        Some(c) if is_apostrophe(c) => rev.next().is_some_and(char::is_alphabetic),
        Some(c) => is_word_char(c),
        None => false,
    }
}

/// Appends the folded form of `c` to `out`.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'İ' | 'ı' => out.push('i'),
        'ə' | 'Ə' => out.push('e'),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        _ if is_combining_mark(c) => {}
        _ => out.extend(base_of(c).unwrap_or(c).to_lowercase()),
    }
}

/// Folds a whole string (case, diacritics, apostrophes), keeping other characters.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !is_apostrophe(c) {
            fold_char(c, &mut out);
        }
    }
    out
}

/// A word as spelled: lowercased with diacritics kept and apostrophes dropped, so spellings
/// that differ only in case or apostrophe style are equal (`Oʻzbek` = `o'zbek`), while
/// `Gəncə` and `Gence` are not. Used to rank exact spellings above folded matches.
pub fn spelling(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'İ' => out.push('i'),
            c if is_apostrophe(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Splits `text` into folded words.
///
/// A word is a run of letters and digits. An apostrophe between two letters stays inside
/// the word (Uzbek `oʻzbek`), except an English possessive `'s` at a word's end, which is
/// dropped. Commas between digit groups of three stay inside a number.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_token(text, |span, norm| tokens.push(Token { span, norm: norm.to_owned() }));
    tokens
}

/// Calls `f(span, folded)` for each word of `text`, as [`tokenize`] splits it, without
/// allocating per word: the index build runs this over every fact.
pub fn for_each_token(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    let mut norm = String::new();
    let mut it = text.char_indices().peekable();
    let mut prev: Option<char>;
    while let Some((start, c)) = it.next() {
        prev = Some(c);
        if !c.is_alphanumeric() || is_apostrophe(c) {
            continue;
        }
        norm.clear();
        fold_char(c, &mut norm);
        let mut end = start + c.len_utf8();
        while let Some(&(pos, c)) = it.peek() {
            if is_word_char(c) {
                fold_char(c, &mut norm);
                end = pos + c.len_utf8();
            } else {
                let mut ahead = it.clone();
                ahead.next();
                let next = ahead.peek().map(|&(_, n)| n);
                if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) && prev.is_some_and(char::is_alphabetic) {
                    ahead.next();
                    let possessive = matches!(next, Some('s' | 'S')) && ahead.peek().is_none_or(|&(_, a)| !a.is_alphanumeric());
                    if possessive {
                        it.next();
                        it.next();
                        break;
                    }
                } else if !(c == ',' && prev.is_some_and(|p| p.is_ascii_digit()) && is_digit_group(ahead)) {
                    break;
                }
            }
            prev = Some(c);
            it.next();
        }
        if !norm.is_empty() {
            f(start..end, &norm);
        }
    }
}

/// True when `rest` starts with exactly three ASCII digits followed by a non-digit or end.
fn is_digit_group(mut rest: impl Iterator<Item = (usize, char)>) -> bool {
    (0..3).all(|_| rest.next().is_some_and(|(_, c)| c.is_ascii_digit())) && rest.next().is_none_or(|(_, c)| !c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn azerbaijani_schwa_folds() {
        assert_eq!(norms("Əliyev ərazi"), ["eliyev", "erazi"]);
    }

    #[test]
    fn turkic_dotted_and_dotless_i_meet() {
        assert_eq!(norms("İstanbul Işıq istiqamət"), ["istanbul", "isiq", "istiqamet"]);
    }

    #[test]
    fn latin_diacritics_are_stripped() {
        assert_eq!(norms("Gəncəvi ğ ş ç ö ü Müəllim café"), ["gencevi", "g", "s", "c", "o", "u", "muellim", "cafe"]);
    }

    #[test]
    fn uzbek_okina_variants_match() {
        let spellings = ["Oʻzbekiston", "O'zbekiston", "O’zbekiston", "O‘zbekiston", "Oʼzbekiston", "Ozbekiston"];
        for s in spellings {
            assert_eq!(norms(s), ["ozbekiston"], "{s}");
        }
        assert_eq!(norms("gʻalla"), ["galla"]);
    }

    #[test]
    fn english_possessive_is_dropped() {
        assert_eq!(norms("Uzbekistan's capital, countries' ties"), ["uzbekistan", "capital", "countries", "ties"]);
    }

    #[test]
    fn digit_groups_join_but_decimals_split() {
        assert_eq!(norms("$1,000 and 25.5 or 1,2"), ["1000", "and", "25", "5", "or", "1", "2"]);
    }

    #[test]
    fn spans_point_at_the_original_text() {
        let text = "“Green” Əliyev";
        let toks = tokenize(text);
        assert_eq!(&text[toks[0].span.clone()], "Green");
        assert_eq!(&text[toks[1].span.clone()], "Əliyev");
    }

    #[test]
    fn punctuation_and_emoji_only_yield_no_tokens() {
        assert!(tokenize("— … 🙂 ' ’ ,").is_empty());
    }

    #[test]
    fn fold_tables_agree_with_unicode_decomposition() {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark as ucd_mark};
        for cp in 0x80u32..=0xFFFF {
            let Some(c) = char::from_u32(cp) else { continue };
            assert_eq!(is_combining_mark(c), ucd_mark(c), "{c:?}");
            if (0xAC00..=0xD7A3).contains(&cp) {
                continue;
            }
            let mut bases = Vec::new();
            decompose_canonical(c, |d| {
                if !ucd_mark(d) {
                    bases.push(d)
                }
            });
            if bases.len() == 1 && bases[0] != c && (bases[0] as u32) <= 0xFFFF {
                assert_eq!(base_of(c), Some(bases[0]), "{c:?}");
            }
        }
    }

    #[test]
    fn spelling_keeps_diacritics_but_not_case_or_apostrophe_style() {
        assert_eq!(spelling("Oʻzbekiston"), spelling("o'zbekiston"));
        assert_eq!(spelling("GƏNCƏ"), "gəncə");
        assert_ne!(spelling("Gəncə"), spelling("Gence"));
    }

    #[test]
    fn hangul_is_not_folded_into_jamo() {
        assert_eq!(norms("한국"), ["한국"]);
    }

    #[test]
    fn fold_keeps_spaces_and_drops_marks() {
        assert_eq!(fold("Oʻzbek  İŞ"), "ozbek  is");
    }
}
