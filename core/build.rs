//! Generates the character-folding tables used by `text.rs` from the Unicode data in
//! `unicode-normalization`, so the shipped binary carries two small tables (a few KB)
//! instead of the full normalisation data (about 27 KB gzip of wasm).

use std::fmt::Write;
use std::{env, fs, path::PathBuf};

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut fold = String::from(
        "/// (precomposed char, base char): canonical decomposition minus combining marks.\npub(crate) static FOLD: &[(u16, u16)] = &[\n",
    );
    let mut entries = 0;
    for cp in 0x80u32..=0xFFFF {
        // Hangul syllables decompose into jamo; folding them would break Korean search.
        if (0xAC00..=0xD7A3).contains(&cp) {
            continue;
        }
        let Some(c) = char::from_u32(cp) else { continue };
        let mut parts = Vec::new();
        decompose_canonical(c, |d| parts.push(d));
        let bases: Vec<char> = parts.iter().copied().filter(|&d| !is_combining_mark(d)).collect();
        if bases.len() == 1 && bases[0] != c && (bases[0] as u32) <= 0xFFFF {
            writeln!(fold, "    ({cp:#06x}, {:#06x}),", bases[0] as u32).unwrap();
            entries += 1;
        }
    }
    fold.push_str("];\n");
    let mut marks = String::from(
        "/// Inclusive ranges of combining marks in the Basic Multilingual Plane.\npub(crate) static MARKS: &[(u16, u16)] = &[\n",
    );
    let mut start: Option<u32> = None;
    for cp in 0u32..=0x10000 {
        let is_mark = cp <= 0xFFFF && char::from_u32(cp).is_some_and(is_combining_mark);
        match (is_mark, start) {
            (true, None) => start = Some(cp),
            (false, Some(s)) => {
                writeln!(marks, "    ({s:#06x}, {:#06x}),", cp - 1).unwrap();
                start = None;
            }
            _ => {}
        }
    }
    marks.push_str("];\n");
    assert!(entries > 500, "unexpectedly small fold table: {entries}");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("fold_tables.rs");
    fs::write(out, fold + &marks).unwrap();
}
