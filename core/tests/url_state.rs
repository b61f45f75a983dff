//! Shared links: a view written to the address bar comes back exactly, and no address,
//! however mangled, breaks the page.

use std::collections::BTreeSet;

use factdeck_core::model::Kind;
use factdeck_core::url_state::{
    is_id, parse, render, Column, Direction, Mode, Sort, ViewState, MAX_FACET_VALUES, MAX_INPUT_BYTES, MAX_QUERY_CHARS,
};
use proptest::prelude::*;

const SLUG: &str = "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}";
/// Same-origin dataset paths a link may carry.
const DATA_PATH: &str = "[a-zA-Z0-9_-]{1,8}(/[a-zA-Z0-9_.-]{0,6}[a-z0-9_-]){0,2}\\.json";

/// Any character, with the ones that mean something in a query string made common.
fn query_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        1 => prop::sample::select(vec!['+', '&', '=', '%', '#', '?', ' ', ';', '/', 'ə', 'ʻ', '\0', '\n']),
        1 => proptest::char::range('a', 'z'),
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(query_char(), 0..=MAX_QUERY_CHARS).prop_map(String::from_iter)
}

fn view_state() -> impl Strategy<Value = ViewState> {
    (
        query(),
        prop::collection::btree_set(SLUG, 0..=MAX_FACET_VALUES),
        prop::sample::subsequence(Kind::ALL.to_vec(), 0..=Kind::ALL.len()),
        prop::option::of(SLUG),
        // A site file, or the visitor's own (`?data=local`).
        prop::option::of(prop_oneof![3 => DATA_PATH.prop_map(String::from), 1 => Just("local".to_owned())]),
        prop::sample::select(Mode::ALL.to_vec()),
        prop::sample::select(Sort::all().collect::<Vec<_>>()),
    )
        .prop_map(|(query, sectors, kinds, open, data, mode, sort)| {
            // A source view always names its fact (`ViewState::is_valid`).
            let mode = if mode == Mode::Source && open.is_none() { Mode::Cards } else { mode };
            ViewState { query, sectors, kinds: kinds.into_iter().collect(), open, data, mode, sort }
        })
}

/// Strings shaped like query strings, built from keys the parser knows and junk.
fn query_string_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("q".to_owned()),
        Just("sector".to_owned()),
        Just("kind".to_owned()),
        Just("fact".to_owned()),
        Just("data".to_owned()),
        Just("view".to_owned()),
        Just("sort".to_owned()),
        "[a-z%+=]{0,6}",
    ];
    let value = prop_oneof![
        Just("project".to_owned()),
        Just("timeline".to_owned()),
        Just("source".to_owned()),
        Just("-title".to_owned()),
        Just("newest".to_owned()),
        SLUG.prop_map(String::from),
        "(%[0-9A-Fa-f]{0,2}|[+&=#?a-zA-Z0-9]|.){0,12}",
    ];
    (prop::option::of(Just('?')), prop::collection::vec((key, value, prop::bool::ANY), 0..40)).prop_map(|(lead, pairs)| {
        let body: Vec<String> = pairs.into_iter().map(|(k, v, eq)| if eq { format!("{k}={v}") } else { format!("{k}{v}") }).collect();
        lead.into_iter().collect::<String>() + &body.join("&")
    })
}

fn assert_within_caps(s: &ViewState) {
    assert!(s.query.chars().count() <= MAX_QUERY_CHARS);
    assert!(s.sectors.len() <= MAX_FACET_VALUES);
    assert!(s.sectors.iter().all(|id| is_id(id)), "{:?}", s.sectors);
    assert!(s.open.as_deref().is_none_or(is_id), "{:?}", s.open);
    assert!(s.is_valid(), "{s:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_view_survives_a_round_trip_through_its_link(state in view_state()) {
        prop_assert_eq!(parse(&render(&state)), state);
    }

    #[test]
    fn any_string_parses_without_panic(input in any::<String>()) {
        assert_within_caps(&parse(&input));
    }

    #[test]
    fn any_bytes_parse_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        assert_within_caps(&parse(&String::from_utf8_lossy(&bytes)));
    }

    #[test]
    fn query_string_lookalikes_parse_without_panic(input in query_string_like()) {
        assert_within_caps(&parse(&input));
    }

    #[test]
    fn rendering_any_parsed_link_is_canonical(input in prop_oneof![any::<String>(), query_string_like()]) {
        let first = parse(&input);
        let link = render(&first);
        prop_assert_eq!(&parse(&link), &first);
        prop_assert_eq!(render(&parse(&link)), link);
    }

    #[test]
    fn a_link_has_no_raw_separators_inside_values(state in view_state()) {
        let link = render(&state);
        prop_assert!(!link.contains('#') && !link.contains(' '), "{}", link);
        // Exactly one `&` between each pair, so no value contains a raw `&` or `=`.
        let body = link.strip_prefix('?').unwrap_or(&link);
        let pairs = if body.is_empty() { 0 } else { body.split('&').count() };
        let expected = usize::from(!state.query.is_empty()) + state.sectors.len() + state.kinds.len() + usize::from(state.open.is_some()) + usize::from(state.data.is_some()) + usize::from(state.mode != Mode::Cards) + usize::from(state.sort != Sort::Relevance);
        prop_assert_eq!(pairs, expected);
        prop_assert!(body.split('&').filter(|p| !p.is_empty()).all(|p| p.matches('=').count() == 1), "{}", link);
    }
}

#[test]
fn default_view_is_the_bare_address() {
    assert_eq!(render(&ViewState::default()), "");
    assert_eq!(parse(""), ViewState::default());
}

#[test]
fn query_with_url_syntax_characters_comes_back_verbatim() {
    for q in ["a+b & c=d", "100% #1", "?q=x&fact=y", "%20 %zz %", "  leading and trailing  ", "Oʻzbek + Gəncə"] {
        let state = ViewState { query: q.to_owned(), ..ViewState::default() };
        assert_eq!(parse(&render(&state)).query, q);
    }
}

#[test]
fn a_full_view_renders_in_canonical_order() {
    let state = ViewState {
        query: "green energy".to_owned(),
        sectors: BTreeSet::from(["trade".to_owned(), "energy".to_owned()]),
        kinds: BTreeSet::from([Kind::Agreement, Kind::Project]),
        open: Some("treaty".to_owned()),
        data: Some("more/facts.json".to_owned()),
        mode: Mode::Source,
        sort: Sort::By(Column::Date, Direction::Descending),
    };
    assert_eq!(
        render(&state),
        "?q=green+energy&sector=energy&sector=trade&kind=project&kind=agreement&fact=treaty&view=source&sort=newest&data=more%2Ffacts.json"
    );
}

#[test]
fn the_longest_valid_view_still_round_trips() {
    let state = ViewState {
        query: "🙂".repeat(MAX_QUERY_CHARS),
        sectors: (0..MAX_FACET_VALUES).map(|i| format!("{i:08}-abcdefgh-{i:08}")).collect(),
        kinds: Kind::ALL.into_iter().collect(),
        open: Some("abcdefgh-abcdefgh-abcdefgh".to_owned()),
        data: Some(format!("{}.json", "a".repeat(195))),
        mode: Mode::Timeline,
        sort: Sort::By(Column::Sectors, Direction::Descending),
    };
    assert_eq!(parse(&render(&state)), state);
}

#[test]
fn an_over_long_query_in_a_link_is_cut_to_the_limit() {
    let s = parse(&format!("?q={}", "ə".repeat(MAX_QUERY_CHARS * 3)));
    assert_eq!(s.query, "ə".repeat(MAX_QUERY_CHARS));
}

#[test]
fn links_longer_than_the_read_limit_are_cut_safely_at_any_byte() {
    for pad in 0..4 {
        for filler in ["🙂", "ə", "%F0%9F", "sector=a&"] {
            let input = format!("?fact=first&q={}{}", "x".repeat(pad), filler.repeat(MAX_INPUT_BYTES / filler.len() + 2));
            let s = parse(&input);
            assert_within_caps(&s);
            assert_eq!(s.open.as_deref(), Some("first"), "the start of the link is still read");
        }
    }
}

#[test]
fn links_written_before_the_view_key_existed_still_open_the_cards() {
    for old in ["?q=trade", "?fact=treaty-on-allied-relations", "?sector=energy&kind=project", "?data=x.json"] {
        assert_eq!(parse(old).mode, Mode::Cards, "{old}");
        assert_eq!(render(&parse(old)), old, "{old}");
    }
}

#[test]
fn every_sort_comes_back_from_its_link() {
    for sort in Sort::all() {
        let state = ViewState { query: "trade".to_owned(), mode: Mode::Table, sort, ..ViewState::default() };
        assert_eq!(parse(&render(&state)), state, "{sort:?}");
    }
}

#[test]
fn every_mode_comes_back_from_its_link() {
    for mode in Mode::ALL {
        let state = ViewState { open: Some("treaty".to_owned()), mode, ..ViewState::default() };
        assert_eq!(parse(&render(&state)), state);
    }
}
