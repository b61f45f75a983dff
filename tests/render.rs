//! The UI rendered to HTML natively (Yew SSR): the semantic contract browser tests and
//! assistive technology rely on, checked without a browser.

use std::rc::Rc;

use factdeck::ui::{Deck, Explorer, ExplorerProps};
use factdeck_core::url_state::{parse, ViewState};

fn render(view: ViewState) -> String {
    let deck = Rc::new(Deck::new(factdeck::data::load().expect("shipped dataset is valid")));
    render_deck(deck, view)
}

fn render_deck(deck: Rc<Deck>, view: ViewState) -> String {
    let props = ExplorerProps { deck, initial: view, banner: yew::Html::default() };
    futures::executor::block_on(yew::LocalServerRenderer::<Explorer>::with_props(props).render())
}

/// Text of the `role="status"` live region.
fn status_text(html: &str) -> &str {
    let at = html.find(r#"role="status""#).expect("a status region");
    let start = at + html[at..].find('>').unwrap() + 1;
    &html[start..start + html[start..].find('<').unwrap()]
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn default_view_renders_every_fact_as_an_article() {
    let html = render(ViewState::default());
    assert_eq!(count(&html, "<article "), 25);
    assert_eq!(status_text(&html), "25 facts");
}

#[test]
fn search_box_is_a_labelled_search_input() {
    let html = render(ViewState::default());
    assert!(html.contains(r#"<label for="search" class="search__label">Search facts</label>"#));
    assert!(html.contains(r#"id="search""#) && html.contains(r#"type="search""#));
}

#[test]
fn every_sector_and_kind_is_a_labelled_checkbox() {
    let html = render(ViewState::default());
    assert_eq!(count(&html, r#"type="checkbox""#), 11 + 5);
    assert!(html.contains(r#"<label for="sector-energy" class="facet__label">Energy</label>"#));
    assert!(html.contains(r#"<label for="kind-indicator" class="facet__label">Indicator</label>"#));
}

#[test]
fn a_query_narrows_and_highlights() {
    let html = render(parse("?q=gypsum"));
    // The gypsum card (title match) ranks above the jewelry card (quote match only).
    assert_eq!(count(&html, "<article "), 2);
    let first = html.find(r#"<article id="fact-gypsum-board-production-uzbekistan""#).unwrap();
    let second = html.find(r#"<article id="fact-jewelry-production-uzbekistan""#).unwrap();
    assert!(first < second);
    assert!(html.contains("<mark>gypsum</mark>") || html.contains("<mark>Gypsum</mark>"), "{html}");
    assert_eq!(status_text(&html), "2 of 25 facts");
}

#[test]
fn sector_filter_shows_only_that_sector() {
    let html = render(parse("?sector=trade"));
    assert!(status_text(&html).ends_with(" of 25 facts"));
    for card in html.split("<article ").skip(1) {
        let card = card.split("</article>").next().unwrap();
        assert!(card.contains(r#"<li class="tag">Trade</li>"#), "{card}");
    }
}

#[test]
fn empty_view_says_what_to_remove() {
    let html = render(parse("?q=gypsum&sector=energy"));
    assert_eq!(count(&html, "<article "), 0);
    assert!(html.contains("No facts match this view."));
    assert!(html.contains("Clear the search “gypsum”"));
    assert!(html.contains("Remove sector Energy"));
}

#[test]
fn inferred_dates_are_marked_with_their_phrase() {
    let html = render(parse("?q=treaty+allied"));
    assert!(html.contains("August 2024"));
    assert!(html.contains("inferred from “"), "{html}");
    assert!(html.contains("last August"));
}

#[test]
fn opened_card_shows_derived_figures_labelled_derived() {
    let html = render(parse("?fact=trade-turnover-tripled"));
    assert!(html.contains("card--open"));
    assert!(html.contains(r#"<span class="badge badge--derived">Derived</span>"#));
    assert!(html.contains("about $85 million"));
}

#[test]
fn dataset_text_is_escaped_never_markup() {
    let json = include_str!("fixtures/valid-minimal.json").replace("A treaty was signed.", "<img src=x onerror=alert(1)></script>");
    let dataset = factdeck_core::dataset::load("x.json", &json, |_| None).unwrap();
    let html = render_deck(Rc::new(Deck::new(dataset)), ViewState::default());
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;"), "{html}");
}

#[test]
fn a_misspelling_beyond_the_typo_budget_gets_a_did_you_mean() {
    let html = render(parse("?q=gyspm+"));
    assert_eq!(count(&html, "<article "), 0);
    assert!(html.contains("Did you mean "), "{html}");
    assert!(html.contains("“gypsum”"));
}

#[test]
fn a_typo_still_finds_the_card() {
    let html = render(parse("?q=gypsun+"));
    assert!(html.contains(r#"<article id="fact-gypsum-board-production-uzbekistan""#));
    assert!(html.contains("<mark>Gypsum</mark>"));
}

#[test]
fn indicator_cards_carry_a_chart_named_by_its_title_with_a_visible_caption() {
    let html = render(parse("?q=turnover+goal"));
    let card = html.split(r#"<article id="fact-trade-turnover-target-1-billion""#).nth(1).unwrap();
    let card = card.split("</article>").next().unwrap();
    assert!(card.contains(r#"<figure class="chart chart--progress">"#), "{card}");
    assert!(card.contains(r#"role="img" aria-labelledby="fact-trade-turnover-target-1-billion-chart-title""#), "{card}");
    assert!(
        card.contains(
            r#"<title id="fact-trade-turnover-target-1-billion-chart-title">Progress toward the target: $255 million of $1 billion</title>"#
        ),
        "{card}"
    );
    assert!(card.contains(r#"<figcaption id="fact-trade-turnover-target-1-billion-chart-caption" class="chart__caption">$255 million is 25.5% of the target"#), "{card}");
    assert!(card.contains(r#"<tspan class="chart__derived"> (derived)</tspan>"#), "{card}");
    assert!(!card.contains("style="), "{card}");
}

#[test]
fn the_table_view_is_a_captioned_table_with_a_row_per_fact() {
    let html = render(parse("?view=table"));
    assert_eq!(count(&html, "<article "), 0, "the table replaces the cards");
    assert_eq!(count(&html, "<table "), 1);
    assert!(html.contains(r#"<div role="region" aria-labelledby="results-table-caption" tabindex="0" class="table-scroll">"#), "{html}");
    assert!(
        html.contains(
            r#"<caption id="results-table-caption" class="results-table__caption">All 25 facts. Order: Dataset order.</caption>"#
        ),
        "{html}"
    );
    assert_eq!(count(&html, r#"<th scope="col" aria-sort="none">"#), 6);
    assert_eq!(count(&html, r#"<th scope="row" class="results-table__title">"#), 25);
    for label in ["Kind", "Title", "Key figure", "Sectors", "Date", "Source"] {
        assert!(html.contains(&format!(r#"<button type="button" class="results-table__sort">{label}<span"#)), "{label}");
    }
    // Each title links to its card's permalink.
    assert!(html.contains(r#"<a href="?fact=treaty-on-allied-relations">"#), "{html}");
    assert!(html.contains(r#"id="view-table" aria-pressed="true" class="view-switch__button">Table</button>"#), "{html}");
}

#[test]
fn a_sorted_table_marks_its_header_and_lists_rows_in_that_order() {
    let html = render(parse("?view=table&sort=-title"));
    assert_eq!(count(&html, r#"aria-sort="descending""#), 1);
    assert_eq!(count(&html, r#"aria-sort="none""#), 5);
    let title = html.find(r#"aria-sort="descending"><button type="button" class="results-table__sort">Title"#);
    assert!(title.is_some(), "{html}");
    // Rows run Z to A (folded), so the first row's title sorts last.
    let deck = Deck::new(factdeck::data::load().unwrap());
    let mut titles: Vec<&str> = deck.dataset().unwrap().facts.iter().map(|f| f.title.as_str()).collect();
    titles.sort_by_key(|t| factdeck_core::text::fold(t));
    let rows: Vec<&str> = html
        .split(r#"<th scope="row" class="results-table__title"><a href=""#)
        .skip(1)
        .map(|r| r.split_once('>').unwrap().1.split("</a>").next().unwrap())
        .collect();
    assert_eq!(rows.first().copied(), titles.last().copied());
    assert_eq!(rows.last().copied(), titles.first().copied());
}

#[test]
fn the_table_notes_inferred_period_and_derived_dates() {
    let html = render(parse("?view=table"));
    assert!(html.contains(r#"<time datetime="2024-08">August 2024</time><span class="results-table__note"> (inferred)</span>"#), "{html}");
    assert!(html.contains(r#"2020 – 2025</time><span class="results-table__note"> (period of the figure, inferred)</span>"#), "{html}");
}

#[test]
fn an_empty_table_view_shows_the_empty_state() {
    let html = render(parse("?q=gypsum&sector=energy&view=table"));
    assert_eq!(count(&html, "<table "), 0);
    assert!(html.contains("No facts match this view."));
}

#[test]
fn the_sort_select_is_labelled_and_names_relevance_honestly() {
    let html = render(ViewState::default());
    assert!(html.contains(r#"<label for="sort" class="sort__label">Sort</label>"#), "{html}");
    assert!(html.contains(r#"<option value="" selected="selected">Dataset order</option><option value="newest">Newest first</option><option value="oldest">Oldest first</option><option value="title">Title A–Z</option></select>"#), "{html}");
    let searching = render(parse("?q=trade"));
    assert!(searching.contains(r#"<option value="" selected="selected">Relevance</option>"#), "{searching}");
    // An order set from a table header joins the options while it is the view's.
    let by_kind = render(parse("?sort=-kind"));
    assert!(by_kind.contains(r#"<option value="-kind" selected="selected">Kind Z–A</option>"#), "{by_kind}");
    assert_eq!(count(&render(parse("?view=timeline")), r#"id="sort""#), 0, "the timeline is always chronological");
}
