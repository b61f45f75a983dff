//! A compiled dataset read back: the same outcome as the in-memory path for a small
//! dataset, only the files a query needs fetched, and a clear error, never a wrong answer,
//! for a file that is corrupt, truncated, missing or of another format version. (The
//! property test over generated datasets is in `compile/tests/round_trip.rs`.)

mod common;

use std::collections::BTreeMap;

use common::{fact, view, Deck};
use factdeck_core::compiled::{compile, Compiled, Error, Manifest, MANIFEST};
use factdeck_core::explore::explore;
use factdeck_core::export;
use factdeck_core::model::{Kind, PartialDate, Source};
use factdeck_core::source_view::quote_spans;
use factdeck_core::timeline::timeline;
use factdeck_core::url_state::{Column, Direction, Mode, Sort, ViewState};

type Files = BTreeMap<String, Vec<u8>>;

fn deck() -> Deck {
    Deck::new(
        &["energy", "trade", "transport"],
        &[
            fact("solar", Kind::Project, &["energy"], "Solar plant in Gəncə").with("date", "2021".into()),
            fact("pipeline", Kind::Project, &["energy", "transport"], "Gas pipeline to Baku").with("date", "2019-05".into()),
            fact("railway", Kind::Project, &["transport"], "Railway line to Şəki"),
            fact("turnover", Kind::Indicator, &["trade"], "Turnover tripled in Gence").summary("Trade turnover between the two"),
            fact("power-deal", Kind::Agreement, &["trade", "energy"], "Power supply deal"),
            fact("forum", Kind::Event, &["trade"], "Business forum in Baku").with("date", "2024".into()),
        ],
    )
}

fn compiled(deck: &Deck) -> (Files, Manifest) {
    let mut files = Files::new();
    let manifest = compile(
        &deck.data,
        &deck.index,
        |name, bytes| -> Result<(), ()> {
            files.insert(name.to_owned(), bytes.to_vec());
            Ok(())
        },
        |_| {},
    )
    .unwrap();
    (files, manifest)
}

fn views() -> Vec<ViewState> {
    let mut out = Vec::new();
    for q in ["", "baku", "bak", "Gəncə", "gence ", "pipelne", "railwya", "xyzzy", "bku", "solr plnt ", "raillway lin", "power deal", "the"]
    {
        for (sectors, kinds) in [(&[][..], &[][..]), (&["energy"][..], &[][..]), (&["trade", "transport"][..], &[Kind::Project][..])] {
            let mut v = view(q, sectors, kinds);
            out.push(v.clone());
            v.sort = Sort::By(Column::Date, Direction::Descending);
            out.push(v);
        }
    }
    out
}

#[test]
fn every_view_has_the_outcome_of_the_in_memory_index() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut c = Compiled::open(&files).unwrap();
    for v in views() {
        let want = explore(&deck.data, &deck.index, &v);
        let got = c.explore(&files, &v).unwrap();
        assert_eq!(got, want, "{v:?}");
        assert_eq!(got.results.best_first(), want.results.best_first(), "{v:?}");
    }
    let suggestion = c.explore(&files, &view("pipelne ", &[], &[])).unwrap().suggestion;
    assert_eq!(suggestion, None, "one typo is found, not corrected");
    // Words under 4 letters get no typos, but "did you mean" corrects them; a fresh reader
    // fetches the correction's shards in a second round.
    let mut c = Compiled::open(&files).unwrap();
    let fixed = c.explore(&files, &view("bku ", &[], &[])).unwrap();
    assert_eq!(fixed.suggestion.as_deref(), Some("baku"));
    assert_eq!(fixed, explore(&deck.data, &deck.index, &view("bku ", &[], &[])));
}

#[test]
fn cards_read_their_facts_and_sources_from_the_chunks() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut c = Compiled::open(&files).unwrap();
    assert!(c.fact_and_source(0).is_none(), "not fetched yet");
    c.load_facts(&files, &[0, 5]).unwrap();
    let sources: Vec<usize> = deck.data.facts.iter().map(|f| f.source).collect();
    for (i, want) in deck.data.facts.iter().enumerate() {
        let (fact, source) = c.fact_and_source(i).unwrap();
        assert_eq!(fact, want);
        let text_aside = Source { text: String::new(), ..deck.data.source_of(want).clone() };
        assert_eq!(source, &text_aside, "a card's source, its text left for the source view");
        assert!(c.quote_spans(fact.source).is_none(), "no spans before the text file");
    }
    assert_eq!(c.texts_for(&sources), ["text-0000.bin"]);
    c.load_texts(&files, &sources).unwrap();
    assert!(c.texts_for(&sources).is_empty());
    for (i, want) in deck.data.facts.iter().enumerate() {
        let (fact, source) = c.fact_and_source(i).unwrap();
        assert_eq!(source, deck.data.source_of(want), "in full once its text file is loaded");
        assert_eq!(c.quote_spans(fact.source).unwrap(), quote_spans(&deck.data, fact.source), "the source view's quotes");
    }
}

#[test]
fn a_view_s_timeline_needs_one_file_and_none_of_its_facts() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut c = Compiled::open(&files).unwrap();
    c.take_fetched();
    assert_eq!(c.try_timeline(&[0]), Err("timeline.bin".to_owned()));
    for v in views() {
        let results: Vec<usize> = explore(&deck.data, &deck.index, &v).results.facts().collect();
        assert_eq!(c.timeline(&files, &results).unwrap(), timeline(&deck.data, &results), "{v:?}");
    }
    let fetched: Vec<String> = c.take_fetched().into_iter().map(|(name, _)| name).collect();
    assert_eq!(fetched, ["timeline.bin"], "one file for every view's timeline");
    let all = c.try_timeline(&[0, 1, 2, 3, 4, 5]).unwrap();
    assert_eq!((all.dated, all.undated), (4, 2));
    // 2019-05, 2021, then the forum and the agreement (2024 both) by id.
    assert_eq!(
        all.entries().map(|e| deck.data.facts[e.fact].id.as_str()).collect::<Vec<_>>(),
        ["pipeline", "solar", "forum", "power-deal"]
    );
}

#[test]
fn a_word_s_first_two_keystrokes_read_one_opening_file_and_no_postings() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let c = Compiled::open(&files).unwrap();
    let need = c.try_explore(&view("g", &[], &[])).unwrap_err();
    assert_eq!(need, [format!("open-{:04x}.bin", u32::from('g'))]);
    let need = c.try_explore(&view("gə", &[], &[])).unwrap_err();
    assert_eq!(need, ["open-0067-0065.bin"], "folded: gə is ge");
    let need = c.try_explore(&view("baku to", &[], &[])).unwrap_err();
    assert!(need.iter().any(|f| f.starts_with("post-")) && need.contains(&"open-0074-006f.bin".to_owned()), "{need:?}");
    assert!(c.try_explore(&view("q", &[], &[])).unwrap().results.is_empty(), "no word starts with q: no file, no facts");
    assert!(c.try_explore(&view("bq", &[], &[])).unwrap().results.is_empty(), "no word starts with bq");
    for q in ["g", "gə", "baku t", "baku to", "p", "s", "sa", "2", "20", "a b"] {
        let mut c = Compiled::open(&files).unwrap();
        assert_eq!(c.explore(&files, &view(q, &[], &[])).unwrap(), explore(&deck.data, &deck.index, &view(q, &[], &[])), "{q}");
    }
}

#[test]
fn exports_and_citations_from_chunks_equal_the_in_memory_ones() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut c = Compiled::open(&files).unwrap();
    let picked = [4, 0, 3];
    assert!(c.subset(&picked).is_none(), "no export from part of the facts");
    c.load_facts(&files, &picked).unwrap();
    assert!(c.subset(&picked).is_none(), "no export before the sources' texts");
    let sources: Vec<usize> = picked.iter().map(|&i| c.fact_and_source(i).unwrap().0.source).collect();
    c.load_texts(&files, &sources).unwrap();
    let subset = c.subset(&picked).unwrap();
    let all: Vec<usize> = (0..picked.len()).collect();
    assert_eq!(export::json(&subset, &all), export::json(&deck.data, &picked));
    assert_eq!(export::csv(&subset, &all, Some("https://x.org/")), export::csv(&deck.data, &picked, Some("https://x.org/")));
    let day = PartialDate::parse("2026-12-02").unwrap();
    assert_eq!(export::citation(&c, 3, day, None), export::citation(&deck.data, 3, day, None));
    let fresh = Compiled::open(&files).unwrap();
    assert_eq!(export::citation(&fresh, 3, day, None), "", "a fact not fetched yet has no citation");
}

#[test]
fn a_permalink_finds_its_fact_by_id_with_one_small_fetch() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut c = Compiled::open(&files).unwrap();
    c.take_fetched();
    for (i, f) in deck.data.facts.iter().enumerate() {
        assert_eq!(c.fact_index(&files, f.id.as_str()), Ok(Some(i)));
    }
    assert_eq!(c.fact_index(&files, "no-such-fact"), Ok(None));
    let fetched = c.take_fetched();
    assert_eq!(fetched.len(), 1, "six facts share one bucket: {fetched:?}");
    assert_eq!(fetched[0].0, "ids-0000.bin");
}

#[test]
fn opening_fetches_three_small_files_and_a_query_only_its_shards() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut c = Compiled::open(&files).unwrap();
    let opened: Vec<String> = c.take_fetched().into_iter().map(|(f, _)| f).collect();
    assert_eq!(opened, [MANIFEST, "terms.bin", "docs.bin"]);
    c.explore(&files, &view("", &["energy"], &[])).unwrap();
    assert!(c.take_fetched().is_empty(), "counting and filtering every fact needs no shard");
    c.explore(&files, &view("baku ", &[], &[])).unwrap();
    let fetched = c.take_fetched();
    assert!(!fetched.is_empty() && fetched.iter().all(|(f, _)| f.starts_with("post-")), "{fetched:?}");
    c.explore(&files, &view("baku ", &[], &[])).unwrap();
    assert!(c.take_fetched().is_empty(), "fetched shards are kept");
    c.explore(&files, &ViewState { sort: Sort::By(Column::Title, Direction::Ascending), ..ViewState::default() }).unwrap();
    let sorted = c.take_fetched();
    assert_eq!(sorted, [("sort-title.bin".to_owned(), files["sort-title.bin"].len() as u64)]);
    assert!(c.postings_held() > 0);
    c.forget_shards();
    assert_eq!(c.postings_held(), 0, "memory handed back");
    let again = c.explore(&files, &view("baku ", &[], &[])).unwrap();
    assert_eq!(c.take_fetched(), fetched, "the same shards fetched again");
    assert_eq!(again, explore(&deck.data, &deck.index, &view("baku ", &[], &[])));
}

#[test]
fn the_first_view_needs_only_the_manifest_and_other_views_the_dictionary_and_table() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut c = Compiled::from_manifest(Manifest::decode(&files[MANIFEST]).unwrap());
    let first = ViewState::default();
    let want = explore(&deck.data, &deck.index, &first);
    let got = c.try_explore(&first).unwrap();
    assert_eq!((&got, got.results.top(25)), (&want, want.results.top(25)));
    // Blank words, a sector the dataset does not declare, another mode: the same view.
    let table = ViewState { mode: Mode::Table, ..ViewState::default() };
    for v in [view("  ", &[], &[]), view("", &["mining"], &[]), table] {
        assert_eq!(c.try_explore(&v), Ok(explore(&deck.data, &deck.index, &v)), "{v:?}");
    }
    let both = ["terms.bin".to_owned(), "docs.bin".to_owned()];
    for v in views().iter().chain([&view("baku", &[], &[]), &view("", &["energy"], &[])]) {
        match c.try_explore(v) {
            Ok(outcome) => assert_eq!(outcome, explore(&deck.data, &deck.index, v), "{v:?}"),
            Err(need) => assert_eq!(need, both, "{v:?}"),
        }
    }
    assert_eq!(c.try_explore(&view("baku", &[], &[])), Err(both.to_vec()));
    // Shards, openings and sort columns are read into the index: not before it.
    let e = c.insert("post-0000.bin", &files["post-0000.bin"]).unwrap_err();
    assert_eq!(e.to_string(), "post-0000.bin: read before terms.bin and docs.bin");
    c.insert("docs.bin", &files["docs.bin"]).unwrap();
    assert_eq!(c.index_files(), ["terms.bin"]);
    assert_eq!(c.try_explore(&view("", &["energy"], &[])), Err(vec!["terms.bin".to_owned()]));
    c.insert("terms.bin", &files["terms.bin"]).unwrap();
    assert!(c.index_files().is_empty());
    for v in views() {
        assert_eq!(c.explore(&files, &v).unwrap(), explore(&deck.data, &deck.index, &v), "{v:?}");
    }
}

#[test]
fn a_table_whose_facet_counts_differ_from_the_manifest_s_is_refused() {
    let deck = deck();
    let (files, manifest) = compiled(&deck);
    let mut other = manifest.clone();
    other.totals.sectors[0].1 += 1;
    let mut c = Compiled::from_manifest(other);
    let e = c.insert("docs.bin", &files["docs.bin"]).unwrap_err();
    assert_eq!(e.to_string(), "docs.bin: its facet counts differ from the manifest's");
    assert_eq!(c.index_files(), ["terms.bin", "docs.bin"], "nothing taken from it");
}

#[test]
fn the_same_dataset_compiles_to_the_same_bytes() {
    let deck = deck();
    assert_eq!(compiled(&deck).0, compiled(&deck).0);
}

/// The first error a view over `files` gives, after opening.
fn error_of(files: &Files) -> Error {
    let mut c = match Compiled::open(files) {
        Ok(c) => c,
        Err(e) => return e,
    };
    for v in views() {
        if let Err(e) = c.explore(files, &v) {
            return e;
        }
    }
    if let Err(e) = c.load_facts(files, &(0..6).collect::<Vec<_>>()) {
        return e;
    }
    match c.fact_index(files, "solar") {
        Err(e) => e,
        Ok(_) => panic!("no error"),
    }
}

#[test]
fn a_corrupt_truncated_or_missing_shard_is_an_error_naming_it() {
    let deck = deck();
    let (files, manifest) = compiled(&deck);
    assert_eq!(manifest.shards.len(), 1);
    for file in ["post-0000.bin", "terms.bin", "docs.bin", "sort-date.bin", "facts-0000.bin", "ids-0000.bin"] {
        let mut corrupt = files.clone();
        let bytes = corrupt.get_mut(file).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x20;
        let e = error_of(&corrupt);
        assert_eq!(e.file, file);
        assert!(e.message.contains("corrupt"), "{e}");

        let mut truncated = files.clone();
        truncated.get_mut(file).unwrap().pop();
        let e = error_of(&truncated);
        assert_eq!(e.file, file);
        assert!(e.message.contains("truncated"), "{e}");

        let mut missing = files.clone();
        missing.remove(file);
        let e = error_of(&missing);
        assert_eq!((e.file.as_str(), e.message.as_str()), (file, "missing"));
    }
}

#[test]
fn the_manifest_opens_with_what_the_page_asks_for_the_first_files_by() {
    // scripts/defer-hook.mjs reads these before the app starts: the build (each file's
    // `?v=`), the number of facts and the facts per chunk, as u32 after the magic and the
    // version.
    let deck = deck();
    let (files, manifest) = compiled(&deck);
    let bytes = &files[MANIFEST];
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!(&bytes[..4], b"FDKM");
    assert_eq!((u32_at(6), u32_at(10) as usize, u32_at(14) as usize), (manifest.build, 6, manifest.chunk_facts));
}

#[test]
fn a_corrupt_manifest_or_another_format_version_is_an_error() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut corrupt = files.clone();
    corrupt.get_mut(MANIFEST).unwrap()[12] ^= 1;
    let e = error_of(&corrupt);
    assert_eq!(e.file, MANIFEST);
    assert!(e.message.contains("corrupt"), "{e}");

    let mut later = files.clone();
    later.get_mut(MANIFEST).unwrap()[4] += 1;
    let e = error_of(&later);
    assert_eq!(e.to_string(), "manifest.bin: format version 8, but this reader reads version 7: compile the dataset again");

    let mut foreign = files.clone();
    foreign.insert(MANIFEST.to_owned(), b"{\"facts\": []}".to_vec());
    assert_eq!(error_of(&foreign).file, MANIFEST);
}

#[test]
fn a_file_left_from_another_compile_is_an_error_naming_it() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut edited = deck.data.clone();
    edited.facts[0].title = "Solar plant in Gəncə, 240 MW".to_owned();
    let index = factdeck_core::search::Index::build(&edited);
    let (other, _) = compiled(&Deck { data: edited, index });
    for file in ["facts-0000.bin", "post-0000.bin", "sort-date.bin", "ids-0000.bin", "docs.bin"] {
        let mut mixed = files.clone();
        mixed.insert(file.to_owned(), other[file].clone());
        let e = error_of(&mixed);
        assert_eq!(e.file, file);
        assert!(e.message.contains("from another compile"), "{e}");
    }
}

#[test]
fn a_file_the_manifest_does_not_list_is_refused() {
    let deck = deck();
    let (files, _) = compiled(&deck);
    let mut c = Compiled::open(&files).unwrap();
    let e = c.insert("post-9999.bin", b"").unwrap_err();
    assert_eq!(e.to_string(), "post-9999.bin: not a file of this compiled dataset");
    for name in ["post-0.bin", "facts-0000", "sort-colour.bin", "letter-zzzz.bin", "manifest.bin", "../facts-0000.bin"] {
        assert!(c.insert(name, &files["facts-0000.bin"]).is_err(), "{name}");
    }
}

#[test]
fn the_chunks_of_a_range_of_facts_are_named_from_the_manifest() {
    let deck = deck();
    let (files, manifest) = compiled(&deck);
    assert_eq!(manifest.chunk_names(0..6), ["facts-0000.bin"]);
    assert!(manifest.chunk_names(0..0).is_empty());
    assert_eq!(manifest.chunk_names(0..1000), ["facts-0000.bin"], "no chunk past the last fact");
    assert!(files.contains_key("facts-0000.bin"));
}
