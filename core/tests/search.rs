//! Search as a user experiences it: what a query finds, in which order, and what is
//! highlighted on the cards.

mod common;

use common::{fact, Deck};
use factdeck_core::model::Kind;
use factdeck_core::search::{highlight, highlight_ranges, Query};
use proptest::prelude::*;

/// One fact per title, ids `f0`, `f1`, … in order, all in one sector.
fn titles(titles: &[&str]) -> Deck {
    let facts: Vec<_> = titles.iter().enumerate().map(|(i, t)| fact(&format!("f{i}"), Kind::Event, &["misc"], t)).collect();
    Deck::new(&["misc"], &facts)
}

fn marked<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
    highlight(text, &Query::parse(query)).into_iter().filter(|&(_, hit)| hit).map(|(s, _)| s).collect()
}

// ---- what matches ----

#[test]
fn empty_query_returns_every_fact_in_dataset_order() {
    let deck = titles(&["Zinc mine", "Apple orchard", "Motorway"]);
    for blank in ["", "   ", "\t\n", "— … !?"] {
        assert_eq!(deck.search(blank), ["f0", "f1", "f2"], "query {blank:?}");
    }
}

#[test]
fn case_does_not_matter() {
    let deck = titles(&["Hydrogen Valley", "Copper smelter"]);
    assert_eq!(deck.search("HYDROGEN valley"), ["f0"]);
    assert_eq!(deck.search("hYdRoGeN"), ["f0"]);
}

#[test]
fn azerbaijani_query_without_diacritics_finds_schwa_word() {
    let deck = titles(&["Gəncə bridge", "Ələt port", "Other"]);
    assert_eq!(deck.search("gence"), ["f0"]);
    assert_eq!(deck.search("ELET"), ["f1"]);
}

#[test]
fn azerbaijani_query_with_diacritics_finds_plain_spelling() {
    let deck = titles(&["Gence bridge", "Other"]);
    assert_eq!(deck.search("Gəncə"), ["f0"]);
    assert_eq!(deck.search("GƏNCƏ"), ["f0"]);
}

#[test]
fn turkic_dotted_and_dotless_i_all_match_each_other() {
    let deck = titles(&["İstiqamət", "Işıq", "Other"]);
    for q in ["istiqamet", "ISTIQAMET", "ıstıqamət", "İSTİQAMƏT"] {
        assert_eq!(deck.search(q), ["f0"], "query {q:?}");
    }
    for q in ["isiq", "IŞIQ", "ışıq", "İşiq"] {
        // "istiq…" is one typo away from the prefix "isiq", so it follows the exact match.
        assert_eq!(deck.search(q), ["f1", "f0"], "query {q:?}");
        assert_eq!(deck.search(&format!("{q} ")), ["f1"], "complete word {q:?}");
    }
}

#[test]
fn azerbaijani_letters_match_their_plain_latin_base() {
    let deck = titles(&["Şəki", "Çay", "Dağ", "Göygöl", "Üzüm", "Other"]);
    let pairs = [("seki", "f0"), ("cay", "f1"), ("dag", "f2"), ("goygol", "f3"), ("uzum", "f4")];
    for (q, id) in pairs {
        assert_eq!(deck.search(q), [id], "query {q:?}");
        assert_eq!(deck.search(&q.to_uppercase()), [id], "query {q:?} in capitals");
    }
}

#[test]
fn diacritics_written_as_combining_marks_match_precomposed_letters() {
    // The same word, once precomposed (NFC) and once decomposed (NFD, as some editors save it).
    let deck = titles(&["Işıq Şəki", "Is\u{327}ıq S\u{327}əki", "Other"]);
    assert_eq!(deck.search("Işıq"), ["f0", "f1"]);
    assert_eq!(deck.search("is\u{327}iq seki"), ["f0", "f1"]);
}

const OKINAS: [char; 5] = ['ʻ', '\'', '’', '‘', 'ʼ'];

#[test]
fn uzbek_okina_spellings_all_find_each_other() {
    let texts: Vec<String> = OKINAS.iter().map(|m| format!("O{m}zbekiston g{m}alla")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let deck = titles(&refs);
    let all: Vec<String> = (0..OKINAS.len()).map(|i| format!("f{i}")).collect();
    for m in OKINAS.iter().map(|m| m.to_string()).chain([String::new()]) {
        let q = format!("o{m}zbekiston G{m}ALLA");
        assert_eq!(deck.search(&q), all, "query {q:?}");
    }
}

#[test]
fn uzbek_word_typed_up_to_its_okina_matches_as_a_prefix() {
    let deck = titles(&["Oʻzbekiston", "Bridge"]);
    for m in OKINAS {
        let q = format!("O{m}");
        assert_eq!(deck.search(&q), ["f0"], "query {q:?}");
    }
}

#[test]
fn english_possessive_matches_the_plain_word() {
    let deck = titles(&["Uzbekistan's exports", "Other"]);
    assert_eq!(deck.search("uzbekistan exports"), ["f0"]);
    assert_eq!(deck.search("Uzbekistan’s"), ["f0"]);
}

#[test]
fn numbers_with_thousands_separators_match_plain_digits() {
    let deck = titles(&["1,500 jobs", "2500 tonnes"]);
    assert_eq!(deck.search("1500"), ["f0"]);
    assert_eq!(deck.search("2,500"), ["f1"]);
}

#[test]
fn every_query_word_must_match() {
    let deck = titles(&["Green hydrogen", "Green bonds", "Hydrogen pipeline"]);
    assert_eq!(deck.search("green hydrogen"), ["f0"]);
    assert_eq!(deck.search("hydrogen green"), ["f0"]);
    assert_eq!(deck.search("green"), ["f0", "f1"]);
    assert!(deck.search("green pipeline").is_empty());
}

#[test]
fn query_words_may_match_in_different_fields() {
    let deck = Deck::new(
        &["misc"],
        &[
            fact("solar", Kind::Event, &["misc"], "Solar farm").quote("The plant will open in May."),
            fact("farm", Kind::Event, &["misc"], "Wind farm"),
        ],
    );
    assert_eq!(deck.search("solar plant"), ["solar"]);
}

#[test]
fn prefix_of_last_word_matches() {
    let deck = titles(&["Hydrogen plant", "Hydropower dam", "Coal mine"]);
    assert_eq!(deck.search("hyd"), ["f0", "f1"]);
    assert_eq!(deck.search("plant hydro"), ["f0"]);
}

#[test]
fn a_word_s_first_two_letters_narrow_without_ranking() {
    // Ranked, "ho" would put "Hotel" (a short title) above the longer titles; one or two
    // letters keep dataset order among every fact with such a word.
    let deck = titles(&["Coal mine near Hövsan", "Hotel", "Zinc", "Hydro dam on the Kura"]);
    assert_eq!(deck.search("h"), ["f0", "f1", "f3"]);
    assert_eq!(deck.search("ho"), ["f0", "f1"], "Hövsan folds to hovsan");
    assert_eq!(deck.search("h "), Vec::<String>::new(), "a whole one-letter word is exact");
    assert_eq!(deck.search("ho "), Vec::<String>::new(), "a whole two-letter word is exact");
    // The third letter ranks.
    let deck = titles(&["Hotel on a hill near the spring", "Hot"]);
    assert_eq!(deck.search("ho"), ["f0", "f1"]);
    assert_eq!(deck.search("hot"), ["f1", "f0"]);
    // After a whole word, the opening narrows and the word ranks.
    let deck = titles(&["Dam near a town", "Dam", "Dam by the hills", "Hydro dam"]);
    assert_eq!(deck.search("dam h"), ["f3", "f2"]);
    assert_eq!(deck.search("dam hy"), ["f3"]);
    assert_eq!(deck.search("dam"), ["f1", "f3", "f0", "f2"]);
}

#[test]
fn prefix_of_an_earlier_word_does_not_match() {
    let deck = titles(&["Hydrogen plant", "Other"]);
    assert!(deck.search("hydro plant").is_empty());
    assert_eq!(deck.search("hydrogen plant"), ["f0"]);
}

#[test]
fn trailing_space_means_the_last_word_is_complete() {
    let deck = titles(&["Hydrogen plant", "Hydro dam"]);
    assert_eq!(deck.search("hydro"), ["f1", "f0"]);
    assert_eq!(deck.search("hydro "), ["f1"]);
    assert_eq!(deck.search("hydrogen "), ["f0"]);
}

// ---- ranking ----

#[test]
fn title_match_ranks_above_summary_match_above_quote_match() {
    let deck = Deck::new(
        &["misc"],
        &[
            fact("in-quote", Kind::Event, &["misc"], "Alpha").quote("Cotton exports grew."),
            fact("in-summary", Kind::Event, &["misc"], "Beta").summary("Cotton exports grew."),
            fact("in-title", Kind::Event, &["misc"], "Cotton exports"),
            fact("nowhere", Kind::Event, &["misc"], "Gamma"),
        ],
    );
    assert_eq!(deck.search("cotton"), ["in-title", "in-summary", "in-quote"]);
    assert_eq!(deck.search("cotton exports"), ["in-title", "in-summary", "in-quote"]);
}

#[test]
fn exact_word_ranks_above_prefix_match() {
    let deck = titles(&["Solaris hotel", "Solar farm", "Solarium"]);
    let hits = deck.search("solar");
    assert_eq!(hits[0], "f1");
    assert_eq!(hits.len(), 3);
}

#[test]
fn ties_keep_dataset_order() {
    let deck = titles(&["Cotton gin", "Cotton mill", "Wheat", "Cotton field"]);
    assert_eq!(deck.search("cotton"), ["f0", "f1", "f3"]);
    assert_eq!(deck.search("cot"), ["f0", "f1", "f3"]);
}

#[test]
fn one_title_occurrence_outweighs_a_few_in_the_quote() {
    // A title occurrence weighs as much as 8 in the quote, and repeats add less and less.
    let deck = Deck::new(
        &["misc"],
        &[
            fact("many-quotes", Kind::Event, &["misc"], "Alpha").quote("Cotton, cotton and more cotton."),
            fact("in-title", Kind::Event, &["misc"], "Cotton"),
        ],
    );
    assert_eq!(deck.search("cotton"), ["in-title", "many-quotes"]);
}

#[test]
fn a_word_found_in_more_fields_ranks_its_fact_higher() {
    // Same length, same title; only the second also has the word in its summary.
    let deck = Deck::new(
        &["misc"],
        &[
            fact("title-only", Kind::Event, &["misc"], "Cotton").summary("Wool."),
            fact("title-and-summary", Kind::Event, &["misc"], "Cotton").summary("Cotton."),
        ],
    );
    assert_eq!(deck.search("cotton"), ["title-and-summary", "title-only"]);
}

#[test]
fn a_word_repeated_in_a_field_ranks_its_fact_higher() {
    let deck = Deck::new(
        &["misc"],
        &[
            fact("once", Kind::Event, &["misc"], "Alpha").summary("Cotton and wool."),
            fact("twice", Kind::Event, &["misc"], "Alpha").summary("Cotton and cotton."),
        ],
    );
    assert_eq!(deck.search("cotton"), ["twice", "once"]);
}

#[test]
fn every_query_word_adds_to_the_score_with_diminishing_repeats() {
    // Both facts have 4 words, each query word in both. Repeats saturate, so spreading
    // matches over both query words scores more than piling them on one: with a plain
    // sum of counts they would tie (dataset order), and if one word's score stood for the
    // whole query, "lopsided" would win.
    let deck = Deck::new(
        &["misc"],
        &[
            fact("lopsided", Kind::Event, &["misc"], "Alpha").summary("Cotton cotton cotton wool."),
            fact("even", Kind::Event, &["misc"], "Alpha").summary("Cotton cotton wool wool."),
        ],
    );
    assert_eq!(deck.search("cotton wool"), ["even", "lopsided"]);
    assert_eq!(deck.search("wool cotton"), ["even", "lopsided"]);
}

#[test]
fn the_same_match_counts_for_more_in_a_shorter_fact() {
    let deck = Deck::new(
        &["misc"],
        &[
            fact("long", Kind::Event, &["misc"], "Cotton").summary("Alpha beta gamma delta epsilon."),
            fact("short", Kind::Event, &["misc"], "Cotton").summary("Alpha."),
        ],
    );
    assert_eq!(deck.search("cotton"), ["short", "long"]);
}

// ---- highlighting ----

#[test]
fn highlight_marks_folded_matches_in_the_text_as_written() {
    let text = "Gəncə and İŞIQ meet Oʻzbekiston.";
    assert_eq!(marked(text, "gence isiq o'zbekiston "), ["Gəncə", "İŞIQ", "Oʻzbekiston"]);
    let pieces = highlight(text, &Query::parse("ISIQ"));
    assert_eq!(pieces, [("Gəncə and ", false), ("İŞIQ", true), (" meet Oʻzbekiston.", false)]);
}

#[test]
fn highlight_marks_prefix_only_for_the_last_word() {
    let text = "Hydrogen and hydropower";
    assert_eq!(marked(text, "hydro"), ["Hydrogen", "hydropower"]);
    assert_eq!(marked(text, "hydro "), Vec::<&str>::new());
    assert_eq!(marked(text, "hydro hydropower"), ["hydropower"]);
}

#[test]
fn highlight_with_empty_query_is_the_whole_text_unmarked() {
    assert_eq!(highlight("Some text", &Query::parse("")), [("Some text", false)]);
    assert_eq!(highlight("", &Query::parse("x")), [("", false)]);
    assert!(highlight_ranges("Some text", &Query::parse("  ")).is_empty());
}

#[test]
fn highlight_ranges_point_at_the_matching_words() {
    let text = "“Green” Əliyev, green!";
    let ranges = highlight_ranges(text, &Query::parse("green"));
    let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(words, ["Green", "green"]);
}

proptest! {
    #[test]
    fn highlight_covers_any_text_exactly_in_order(text in ".{0,80}", query in ".{0,20}") {
        let q = Query::parse(&query);
        let pieces = highlight(&text, &q);
        prop_assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text.clone());
        prop_assert!(pieces.windows(2).all(|w| w[0].1 || w[1].1), "adjacent plain pieces: {:?}", pieces);
        let ranges = highlight_ranges(&text, &q);
        prop_assert!(ranges.windows(2).all(|w| w[0].end <= w[1].start));
        prop_assert!(ranges.iter().all(|r| r.start < r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)));
    }

    #[test]
    fn a_query_copied_from_a_title_finds_it(title in "[a-zA-Zəİışçğöü0-9 ]{1,40}") {
        prop_assume!(!Query::parse(&title).is_empty());
        let deck = titles(&[&title]);
        prop_assert_eq!(deck.search(&title), ["f0"]);
        prop_assert_eq!(deck.search(&title.to_uppercase()), ["f0"]);
    }
}

// ---- hostile input ----

#[test]
fn huge_and_odd_queries_do_not_panic() {
    let deck = titles(&["Gəncə bridge", "Oʻzbekiston", "1,500 jobs"]);
    let odd = "ə\u{0}\u{7}\u{1b}[31m🙂👩‍👩‍👧\u{200d}\u{fe0f}\u{301}\u{202e}\u{feff}İ'’ʻ,1,000 \r\n\t\u{10ffff}\u{fffd}";
    let queries = [
        "a".repeat(100_000),
        "ə ".repeat(50_000),
        odd.repeat(100_000 / odd.chars().count()),
        "🙂".repeat(100_000),
        "\u{301}".repeat(100_000),
        "'".repeat(100_000),
        "1,".repeat(50_000),
        (0..100_000u32).filter_map(char::from_u32).collect(),
    ];
    for q in &queries {
        let parsed = Query::parse(q);
        let _ = deck.index.search(&parsed);
        for f in &deck.data.facts {
            let pieces = highlight(&f.title, &parsed);
            assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), f.title);
        }
        let _ = deck.explore(&common::view(q, &[], &[]));
    }
}

// ---- typo tolerance, spelling, numbers, suggestions ----

#[test]
fn one_typo_finds_a_word_of_four_to_seven_letters() {
    let deck = titles(&["Energy corridor", "Other"]);
    for q in ["enrgy ", "enegry ", "energi ", "wnergy "] {
        assert_eq!(deck.search(q), ["f0"], "query {q:?}");
    }
    assert!(deck.search("enrgyy ").len() <= 1);
    assert!(deck.search("nrgyy ").is_empty(), "two edits on a 5-letter word is too many");
}

#[test]
fn two_typos_find_a_word_of_eight_or_more_letters() {
    let deck = titles(&["Samarqand silk road", "Other"]);
    assert_eq!(deck.search("smarqnad "), ["f0"]);
    assert_eq!(deck.search("samrkand "), ["f0"]);
    assert!(deck.search("smrknd ").is_empty());
}

#[test]
fn deleted_letter_in_eight_letter_word_still_matches() {
    // "Precious" with a letter dropped is a 7-letter word, but the word it meets has 8
    // letters, so it gets 2 edits: the deletion plus a transposition.
    let deck = titles(&["Precious metals trade in Yevlax", "Other"]);
    assert_eq!(deck.search("prciosu "), ["f0"]);
    assert_eq!(deck.search("prciosu yevlax"), ["f0"]);
    assert_eq!(deck.search("yevlax prciosu"), ["f0"], "also as the word being typed");
    let deck = titles(&["Lənkəran tea reaches Namangan", "Other"]);
    assert_eq!(deck.search("Lənləan tea "), ["f0"], "substitution + deletion, folded");
    assert_eq!(deck.search("lenlean namqnan "), ["f0"], "two such words in one query");
}

#[test]
fn six_letter_word_reaches_eight_letter_word_with_two_edits() {
    let deck = titles(&["Exporter of cotton", "Other"]);
    assert_eq!(deck.search("export "), ["f0"]);
    let deck = titles(&["Energies", "Other"]);
    assert!(deck.search("enrgy ").is_empty(), "5 letters reach 6 at most; 8 is too far");
}

#[test]
fn short_query_words_get_no_typo_even_against_long_words() {
    let deck = titles(&["Kurdamir solar plant", "Other"]);
    assert!(deck.search("kur ").is_empty());
    assert!(deck.search("kdr").is_empty(), "nor while it is being typed");
}

#[test]
fn numbers_get_no_typo_even_against_long_numbers() {
    let deck = titles(&["Turnover of 25500000 dollars", "Other"]);
    assert!(deck.search("2550000 ").is_empty(), "a digit dropped from an 8-digit number");
    assert!(deck.search("25500001 ").is_empty());
}

#[test]
fn words_under_four_letters_need_no_typo() {
    let deck = titles(&["Baku port", "Other"]);
    assert!(deck.search("bku ").is_empty());
    assert_eq!(deck.search("bak"), ["f0"], "but the word being typed still matches as a prefix");
}

#[test]
fn the_word_being_typed_tolerates_a_typo_in_its_prefix() {
    let deck = titles(&["Samarqand silk road", "Other"]);
    assert_eq!(deck.search("smarq"), ["f0"]);
}

#[test]
fn exact_match_ranks_above_fuzzy_match() {
    let deck = titles(&["Grade of cotton", "Trade of cotton"]);
    assert_eq!(deck.search("trade "), ["f1", "f0"]);
    assert_eq!(deck.search("grade "), ["f0", "f1"]);
}

#[test]
fn exact_spelling_ranks_above_folded_spelling() {
    let deck = titles(&["Gence market", "Gəncə market"]);
    assert_eq!(deck.search("Gəncə "), ["f1", "f0"]);
    assert_eq!(deck.search("gence "), ["f0", "f1"]);
}

#[test]
fn uzbek_apostrophe_style_does_not_change_ranking() {
    let deck = titles(&["Fargʻona valley", "Farg’ona valley"]);
    assert_eq!(deck.search("farg'ona ").len(), 2);
    assert_eq!(deck.search("fargona ").len(), 2);
}

#[test]
fn numbers_match_with_or_without_separators() {
    let deck = titles(&["Turnover of $1,000 million", "Turnover of 255 million dollars", "Other"]);
    assert_eq!(deck.search("1000"), ["f0"]);
    assert_eq!(deck.search("1,000"), ["f0"]);
    assert_eq!(deck.search("$255 million"), ["f1"]);
}

#[test]
fn numbers_are_never_matched_fuzzily() {
    let deck = titles(&["Turnover of 2555 million", "Other"]);
    assert!(deck.search("2556 ").is_empty());
}

#[test]
fn did_you_mean_corrects_a_word_beyond_the_typo_budget() {
    let deck = titles(&["Samarqand silk road", "Other"]);
    let q = Query::parse("sulx road");
    assert!(deck.index.search(&q).is_empty());
    assert_eq!(deck.index.suggest(&q).as_deref(), Some("silk road"));
}

#[test]
fn no_suggestion_when_nothing_is_close() {
    let deck = titles(&["Samarqand silk road", "Other"]);
    assert_eq!(deck.index.suggest(&Query::parse("zzzzqqq")), None);
}

#[test]
fn fuzzy_matches_are_highlighted_too() {
    assert_eq!(marked("Energy corridor to Europe", "enrgy "), ["Energy"]);
    assert_eq!(marked("Samarqand silk road", "smarqnad "), ["Samarqand"]);
}
