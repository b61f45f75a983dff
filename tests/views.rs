//! The timeline and source views over the shipped dataset: the order a reader sees, every
//! quote found in its source, and the server-rendered markup of both views.

use std::rc::Rc;

use factdeck::ui::{Deck, Explorer, ExplorerProps};
use factdeck_core::dataset::{normalise_whitespace, Dataset};
use factdeck_core::source_view::{pieces, quote_spans, Piece};
use factdeck_core::timeline::{timeline, DateOrigin, Entry};
use factdeck_core::url_state::parse;

fn shipped() -> Dataset {
    factdeck::data::load().expect("shipped dataset is valid")
}

fn render(url: &str) -> String {
    let deck = Rc::new(Deck::new(shipped()));
    let props = ExplorerProps { deck, initial: parse(url), banner: yew::Html::default() };
    futures::executor::block_on(yew::LocalServerRenderer::<Explorer>::with_props(props).render())
}

#[test]
fn every_shipped_quote_is_found_in_its_source_text() {
    let d = shipped();
    for (s, source) in d.sources.iter().enumerate() {
        let spans = quote_spans(&d, s);
        let expected = d.facts.iter().filter(|f| f.source == s).count();
        assert_eq!(spans.len(), expected, "source {}", source.id);
        for span in spans {
            let fact = &d.facts[span.fact];
            assert_eq!(normalise_whitespace(&source.text[span.range]), normalise_whitespace(&fact.quote), "{}", fact.id);
        }
    }
}

#[test]
fn the_source_pieces_rebuild_the_text_exactly() {
    let d = shipped();
    let text = &d.sources[0].text;
    let spans = quote_spans(&d, 0);
    let treaty = d.fact_index("treaty-on-allied-relations").unwrap();
    let parts = pieces(text.len(), &spans, Some(treaty));
    let rebuilt: String = parts
        .iter()
        .map(|p| match p {
            Piece::Plain(r) | Piece::Current(r) | Piece::Other { range: r, .. } => &text[r.clone()],
        })
        .collect();
    assert_eq!(&rebuilt, text);
    let current: Vec<&str> = parts.iter().filter_map(|p| if let Piece::Current(r) = p { Some(&text[r.clone()]) } else { None }).collect();
    assert_eq!(current.len(), 1);
    assert!(current[0].contains("Treaty on Allied Relations"), "{current:?}");
}

#[test]
fn the_shipped_timeline_runs_from_1995_to_the_june_2025_session() {
    let d = shipped();
    let all: Vec<usize> = (0..d.facts.len()).collect();
    let t = timeline(&d, &all);
    let years: Vec<i32> = t.years.iter().map(|y| y.year).collect();
    assert_eq!(years.first(), Some(&1995));
    assert_eq!(years.last(), Some(&2025));
    let first = &t.years[0].entries[0];
    assert_eq!((d.facts[first.fact].id.as_str(), first.origin), ("diplomatic-relations-30th-anniversary", DateOrigin::Derived(0)));
    let position = |id: &str, origin: DateOrigin| {
        t.entries()
            .position(|e| d.facts[e.fact].id.as_str() == id && e.origin == origin)
            .unwrap_or_else(|| panic!("{id} not on the timeline"))
    };
    let programme = position("program-20-key-areas", DateOrigin::Date);
    let treaty = position("treaty-on-allied-relations", DateOrigin::Date);
    let year_of_cooperation = position("year-of-economic-cooperation-2025", DateOrigin::Date);
    let session = position("expert-council-second-session", DateOrigin::Date);
    assert!(programme < treaty, "“last year” (2024) comes before “last August” (August 2024)");
    assert!(treaty < year_of_cooperation && year_of_cooperation < session);
    let start = |e: &Entry| e.origin.date(&d.facts[e.fact]).expect("an entry's date").start;
    let session_day = start(t.entries().nth(session).unwrap());
    assert!(t.entries().skip(session).all(|e| start(e) == session_day), "nothing starts after the 4 June 2025 session");
    assert_eq!(t.dated + t.undated, d.facts.len());
    assert!(t.undated > 0, "some shipped facts have no date");
}

#[test]
fn the_timeline_view_renders_years_entries_and_the_switch() {
    let html = render("?view=timeline&sector=diplomacy");
    assert!(html.contains(r#"id="view-timeline" aria-pressed="true""#), "{html}");
    assert!(html.contains(r#"aria-pressed="false""#));
    assert!(html.contains(r#"<h3 id="year-2024" class="timeline__year-heading">2024</h3>"#), "{html}");
    assert!(html.contains("inferred from “last August”"));
    assert!(html.contains("timeline__entry--inferred"));
    assert!(html.contains(r#"href="?fact=treaty-on-allied-relations""#));
    assert!(!html.contains("<article "), "no cards in the timeline view");
}

#[test]
fn the_timeline_count_says_how_many_facts_are_dated() {
    let html = render("?view=timeline");
    let d = shipped();
    let all: Vec<usize> = (0..d.facts.len()).collect();
    let dated = timeline(&d, &all).dated;
    assert!(
        html.contains(&format!(r#"role="status" id="result-count" class="results-bar__count">25 facts, {dated} on the timeline</p>"#)),
        "{html}"
    );
}

#[test]
fn the_source_view_marks_the_quote_and_links_the_others() {
    let html = render("?fact=treaty-on-allied-relations&view=source");
    assert_eq!(html.matches(r#"class="source-mark source-mark--current""#).count(), 1);
    assert!(html.contains(r#"id="source-current""#));
    assert!(html.matches("source-mark--other").count() >= 10, "{html}");
    assert!(
        html.contains(r#"href="?fact=program-20-key-areas&amp;view=source""#)
            || html.contains(r#"href="?fact=program-20-key-areas&view=source""#),
        "{html}"
    );
    assert!(html.contains("Back to the cards"));
    assert!(!html.contains("<article "), "the source view replaces the cards");
}

#[test]
fn a_source_link_naming_an_unknown_fact_says_so() {
    let html = render("?fact=no-such-fact&view=source");
    assert!(html.contains("There is no fact “no-such-fact” in this dataset"), "{html}");
    assert!(html.contains(r#"role="alert""#));
}

#[test]
fn every_card_links_to_its_source_text() {
    let html = render("");
    assert_eq!(html.matches(">Source text</a>").count(), 25);
    assert!(html.contains(r#"id="fact-treaty-on-allied-relations-source""#));
}
