//! The shipped dataset validates, and each broken fixture is rejected with a message that
//! names the file, the record and the field.

use std::fs;
use std::path::Path;

use factdeck_core::dataset::{load, load_stream, Dataset};
use factdeck_core::model::{Kind, Measure, Multiplier, PartialDate, Status};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn load_fixture(name: &str) -> Result<Dataset, Vec<String>> {
    let path = Path::new(FIXTURES).join(name);
    let json = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = format!("tests/fixtures/{name}");
    let loaded = load(&file, &json, |_| None).map_err(|errs| errs.iter().map(ToString::to_string).collect::<Vec<_>>());
    // The compiler's reader, which streams the facts, finds the same dataset or errors.
    let streamed = load_stream(&file, || fs::File::open(&path), |_| None, |_, _| {})
        .map_err(|errs| errs.iter().map(ToString::to_string).collect::<Vec<_>>());
    let sorted = |r: &Result<Dataset, Vec<String>>| {
        r.clone().map_err(|mut e| {
            e.sort();
            e
        })
    };
    assert_eq!(sorted(&streamed), sorted(&loaded), "{file}: load_stream and load differ");
    loaded
}

fn shipped() -> Dataset {
    factdeck::data::load()
        .unwrap_or_else(|errs| panic!("shipped dataset is invalid:\n{}", errs.iter().map(|e| format!("{e}\n")).collect::<String>()))
}

fn fact<'d>(d: &'d Dataset, id: &str) -> &'d factdeck_core::model::Fact {
    &d.facts[d.fact_index(id).unwrap_or_else(|| panic!("no fact {id}"))]
}

/// `data/dataset.json` and its source texts, read from disk and validated now.
fn validated_from_json() -> Dataset {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let json = fs::read_to_string(data.join("dataset.json")).expect("data/dataset.json is readable");
    load("data/dataset.json", &json, |rel| fs::read_to_string(data.join(rel)).ok())
        .unwrap_or_else(|errs| panic!("data/dataset.json is invalid:\n{}", errs.iter().map(|e| format!("{e}\n")).collect::<String>()))
}

#[test]
fn the_embedded_bytes_decode_to_exactly_the_validated_json_dataset() {
    assert_eq!(shipped(), validated_from_json());
}

#[test]
fn shipped_dataset_validates_with_20_to_30_cards_of_every_main_kind() {
    let d = shipped();
    assert!((20..=30).contains(&d.facts.len()), "{} facts", d.facts.len());
    for kind in [Kind::Project, Kind::Agreement, Kind::Indicator] {
        assert!(d.facts.iter().filter(|f| f.kind == kind).count() >= 2, "{kind:?}");
    }
    assert_eq!(d.sources.len(), 1);
    assert_eq!(d.sources[0].publisher, "Trend");
    assert_eq!(d.sources[0].published, PartialDate { year: 2025, month: Some(6), day: Some(4) });
}

#[test]
fn every_sector_in_the_vocabulary_has_at_least_one_fact() {
    let d = shipped();
    for (i, s) in d.sectors.iter().enumerate() {
        assert!(d.facts.iter().any(|f| f.sectors.contains(&i)), "sector {} is unused", s.id);
    }
}

#[test]
fn trade_figures_match_the_article() {
    let d = shipped();
    let level = fact(&d, "trade-turnover-255-million").quantity.as_ref().unwrap();
    assert_eq!((level.value, level.multiplier, level.measure), (255.0, Some(Multiplier::Million), Measure::Current));
    assert_eq!(level.currency.as_deref(), Some("USD"));
    assert_eq!(level.to_string(), "$255 million");
    let target = fact(&d, "trade-turnover-target-1-billion").quantity.as_ref().unwrap();
    assert_eq!((target.absolute(), target.measure), (1e9, Measure::Target));
    let tripled = fact(&d, "trade-turnover-tripled");
    let q = tripled.quantity.as_ref().unwrap();
    assert_eq!((q.value, q.unit.as_str(), q.measure), (3.0, "times", Measure::Change));
    let period = q.period.as_ref().unwrap();
    assert!(period.inferred);
    assert_eq!(period.phrase.as_deref(), Some("Over the past five years"));
    let derived = &tripled.derived[0];
    assert_eq!(derived.quantity.as_ref().unwrap().to_string(), "about $85 million");
    assert!(derived.method.contains("does not state"));
}

#[test]
fn company_counts_match_the_article() {
    let d = shipped();
    let az = fact(&d, "azerbaijani-capital-companies-in-uzbekistan").quantity.clone().unwrap();
    assert_eq!((az.value, az.approximate), (540.0, false));
    let uz = fact(&d, "uzbek-capital-enterprises-in-azerbaijan").quantity.clone().unwrap();
    assert_eq!((uz.value, uz.approximate), (70.0, true));
    assert_eq!(uz.to_string(), "about 70 enterprises");
    let jv = fact(&d, "joint-ventures-fivefold").quantity.clone().unwrap();
    assert_eq!(jv.to_string(), "×5");
}

#[test]
fn relative_dates_are_resolved_against_publication_and_marked_inferred() {
    let d = shipped();
    let treaty = fact(&d, "treaty-on-allied-relations");
    assert_eq!(treaty.kind, Kind::Agreement);
    assert_eq!(treaty.status, Some(Status::Signed));
    let date = treaty.date.as_ref().unwrap();
    assert_eq!(date.start, PartialDate { year: 2024, month: Some(8), day: None });
    assert!(date.inferred);
    assert_eq!(date.phrase.as_deref(), Some("last August"));
    let program = fact(&d, "program-20-key-areas");
    assert_eq!(program.date.as_ref().unwrap().start.year, 2024);
    assert_eq!(program.parties, ["Tashkent", "Baku"]);
    let visits = fact(&d, "five-mutual-visits-heads-of-state").quantity.clone().unwrap();
    let p = visits.period.unwrap();
    assert_eq!((p.start.year, p.end.unwrap().year, p.inferred), (2022, 2025, true));
}

#[test]
fn relations_year_is_derived_not_stated() {
    let d = shipped();
    let anniversary = fact(&d, "diplomatic-relations-30th-anniversary");
    let derived = &anniversary.derived[0];
    assert_eq!(derived.date, Some(PartialDate { year: 1995, month: None, day: None }));
    assert!(!d.sources[0].text.contains("1995"));
}

#[test]
fn valid_minimal_fixture_loads() {
    let d = load_fixture("valid-minimal.json").unwrap();
    assert_eq!(d.facts.len(), 2);
}

/// Each broken fixture and the one error it must produce, word for word.
const BROKEN: &[(&str, &str)] = &[
    ("unknown-sector", "fact \"turnover\", field `sectors[1]`: unknown sector \"mining\"; declared sectors are: trade, energy"),
    ("unknown-kind", "fact \"treaty\", field `kind`: unknown kind \"treaty\"; expected one of: project, agreement, indicator, event, statement"),
    ("duplicate-id", "fact \"turnover\", field `id`: duplicate id \"turnover\"; ids must be unique"),
    ("missing-quote", "fact \"turnover\", field `quote`: missing or empty: every fact needs the verbatim source text that supports it"),
    ("empty-quote", "fact \"turnover\", field `quote`: missing or empty: every fact needs the verbatim source text that supports it"),
    ("quote-not-verbatim", "fact \"turnover\", field `quote`: does not occur verbatim in source \"wire\"; copy it exactly from the source text"),
    ("malformed-date", "fact \"treaty\", field `date.start`: malformed date \"2024-13\"; use YYYY, YYYY-MM or YYYY-MM-DD"),
    ("reversed-date-range", "fact \"treaty\", field `date.end`: ends (2020) before it starts (2025)"),
    ("inferred-date-without-phrase", "fact \"treaty\", field `date.phrase`: an inferred date must keep the source's original phrase"),
    ("quantity-without-unit", "fact \"turnover\", field `quantity.unit`: a quantity needs a unit (what is counted, or \"currency\")"),
    ("currency-without-code", "fact \"turnover\", field `quantity.currency`: unit \"currency\" needs an ISO 4217 `currency` such as \"USD\""),
    ("indicator-without-quantity", "fact \"turnover\", field `quantity`: an indicator needs a quantity"),
    ("agreement-without-parties", "fact \"treaty\", field `parties`: an agreement needs its parties"),
    ("dangling-source", "fact \"treaty\", field `source`: no source has id \"agency\"; declared sources are: wire"),
    ("unknown-field", "fact \"treaty\", field `qoute`: unknown field; expected one of: id, kind, title, summary, sectors, countries, parties, attribution, date, status, source, quote, quantity, derived, compare_with"),
    ("wrong-type", "fact \"turnover\", field `quantity.value`: expected a number, found a string"),
    ("bad-id", "fact \"Turnover 2025\", field `id`: \"Turnover 2025\" is not a slug: use lowercase letters, digits and single hyphens, at most 80 characters"),
    ("unreadable-source-file", "source \"wire\", field `file`: cannot read source text \"sources/missing.txt\""),
    ("missing-title", "fact \"treaty\", field `title`: is missing"),
    ("sectors-not-a-list", "fact \"turnover\", field `sectors`: expected a list, found a string"),
    ("non-http-source-url", "source \"wire\", field `url`: \"javascript:alert(1)\" is not an http(s) address"),
    ("attribute-breaking-source-url", "source \"wire\", field `url`: \"http://\"onmouseover=alert(1)\" is not an http(s) address"),
    ("compare-with-unknown-fact", "fact \"turnover\", field `compare_with`: no fact has id \"goal\""),
    ("compare-with-fact-without-quantity", "fact \"turnover\", field `compare_with`: fact \"treaty\" has no quantity to compare with"),
    ("invalid-json", "dataset: invalid JSON at line 5 column 3: trailing comma"),
    ("unknown-measure", "fact \"turnover\", field `quantity.measure`: unknown measure \"projected\"; expected current, change, target or planned"),
];

#[test]
fn every_broken_fixture_is_rejected_with_its_exact_error() {
    for (name, expected) in BROKEN {
        let file = format!("invalid/{name}.json");
        let errors = load_fixture(&file).err().unwrap_or_else(|| panic!("{file} was accepted"));
        let expected = format!("tests/fixtures/{file}: {expected}");
        assert!(errors.contains(&expected), "{file}:\n expected: {expected}\n got: {errors:#?}");
    }
}

#[test]
fn every_fixture_on_disk_has_an_expected_error() {
    let dir = Path::new(FIXTURES).join("invalid");
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let stem = name.trim_end_matches(".json");
        assert!(BROKEN.iter().any(|(n, _)| *n == stem), "fixture {name} has no expectation");
    }
}

#[test]
fn all_errors_are_reported_at_once() {
    let json = fs::read_to_string(Path::new(FIXTURES).join("valid-minimal.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["facts"][0]["sectors"][0] = "mining".into();
    value["facts"][1]["source"] = "nowhere".into();
    let errs = load("x.json", &value.to_string(), |_| None).unwrap_err();
    let fields: Vec<(&str, &str)> = errs.iter().map(|e| (e.record.as_str(), e.field.as_str())).collect();
    assert_eq!(fields, [("fact \"turnover\"", "sectors[0]"), ("fact \"treaty\"", "source")]);
}

#[test]
fn a_planned_count_is_accepted_as_a_measure() {
    let json = fs::read_to_string(Path::new(FIXTURES).join("valid-minimal.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["facts"][0]["quantity"]["measure"] = "planned".into();
    let d = load("x.json", &value.to_string(), |_| None).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(d.facts[0].quantity.as_ref().unwrap().measure, Measure::Planned);
}

/// How the shipped data names the ambassador, the one speaker of its one source.
const AMBASSADOR: &str = "Bahrom Ashrafkhanov, Ambassador of Uzbekistan to Azerbaijan";

/// Whether the article ties the sentence a quote comes from to a speaker (data/README.md,
/// "Attribution"): the quote sits in a quotation followed by a verb of saying, or its
/// sentence has a verb of saying or opens "According to".
fn speaker_named(text: &str, quote: &str) -> bool {
    let says = |s: &str| {
        let s = s.to_lowercase();
        ["said", "noted", "emphasized", "added", "according to"].iter().any(|w| s.contains(w))
    };
    let at = text.find(quote).unwrap_or_else(|| panic!("quote not found as written: {quote}"));
    let end = at + quote.len();
    let para = text[..at].rfind('\n').map_or(0, |i| i + 1)..text[end..].find('\n').map_or(text.len(), |i| end + i);
    // In a quotation: the nearest opening mark before the quote closes after it.
    if let Some(open) = text[para.start..at].rfind('“').map(|i| para.start + i) {
        let close = text[open..para.end].find(['”', '"']).map(|i| open + i);
        if let Some(close) = close.filter(|&c| c >= end) {
            let after = &text[close..para.end];
            return says(&after[..after.find('.').unwrap_or(after.len())]);
        }
    }
    let start = text[para.start..at].rfind(". ").map_or(para.start, |i| para.start + i + 2);
    let stop = text[end..para.end].find(". ").map_or(para.end, |i| end + i);
    says(&text[start..stop])
}

#[test]
fn every_fact_is_attributed_to_the_ambassador_or_the_report_by_one_rule() {
    let d = shipped();
    let text = &d.sources[0].text;
    for f in &d.facts {
        let expected = if speaker_named(text, &f.quote) { AMBASSADOR } else { "Trend" };
        assert_eq!(f.attribution.as_deref(), Some(expected), "{}: {}", f.id, f.quote);
    }
    let reports = d.facts.iter().filter(|f| f.attribution.as_deref() == Some("Trend")).count();
    assert!((5..d.facts.len() - 5).contains(&reports), "both attributions occur: {reports} of the report's");
}

#[test]
fn the_green_energy_area_is_a_statement_without_status_or_date() {
    let d = shipped();
    let green = fact(&d, "green-energy-export-to-europe");
    assert_eq!((green.kind, green.status), (Kind::Statement, None));
    assert_eq!(green.date, None, "the programme's date (2024) is not the area's");
    assert!(green.summary.contains("20 key areas"), "{}", green.summary);
}

#[test]
fn the_transport_corridors_are_a_stated_priority_not_a_project() {
    let d = shipped();
    let transport = fact(&d, "transport-logistics-corridors");
    assert_eq!((transport.kind, transport.status), (Kind::Statement, None));
    assert!(transport.summary.contains("priority") && transport.summary.contains("“high on the agenda”"), "{}", transport.summary);
}

#[test]
fn the_trade_goal_is_given_as_the_ambassadors_words() {
    let d = shipped();
    let goal = fact(&d, "trade-turnover-target-1-billion");
    assert!(goal.summary.starts_with("The ambassador, Bahrom Ashrafkhanov, said the goal is"), "{}", goal.summary);
    assert!(!goal.summary.contains("aim"), "{}", goal.summary);
    assert!(goal.title.starts_with("Ambassador:"), "{}", goal.title);
}

#[test]
fn the_anniversary_visits_are_a_planned_count_not_a_target() {
    let d = shipped();
    let q = fact(&d, "anniversary-high-level-visits").quantity.clone().unwrap();
    assert_eq!((q.value, q.unit.as_str(), q.measure), (2.0, "high-level visits", Measure::Planned));
    assert_eq!(q.measure.label(), "Planned");
}

#[test]
fn the_cluster_summaries_do_not_call_the_clusters_joint_projects() {
    let d = shipped();
    for id in ["textile-clusters-azerbaijan", "silk-growing-clusters-azerbaijan"] {
        let summary = &fact(&d, id).summary;
        assert!(!summary.to_lowercase().contains("joint"), "{id}: {summary}");
        assert!(summary.contains("clusters are being created in Azerbaijan"), "{id}: {summary}");
    }
}

#[test]
fn the_255_million_figure_says_it_has_no_reference_year() {
    let d = shipped();
    let level = fact(&d, "trade-turnover-255-million");
    assert!(level.summary.contains("no reference year"), "{}", level.summary);
    assert_eq!(level.quantity.as_ref().unwrap().period, None);
}

#[test]
fn the_expert_council_date_is_the_reports_dateline() {
    let d = shipped();
    let session = fact(&d, "expert-council-second-session");
    assert!(session.summary.contains("the date shown is the report's dateline"), "{}", session.summary);
    let date = session.date.as_ref().unwrap();
    assert_eq!(date.start, d.sources[0].published);
    assert_eq!(date.phrase.as_deref(), Some("BAKU, Azerbaijan, June 4"));
    assert!(d.sources[0].text.contains("BAKU, Azerbaijan, June 4."), "the phrase is the dateline");
}

#[test]
fn shipped_indicators_get_progress_change_ratio_and_comparison_charts() {
    use factdeck_core::chart::{chart_for, ChartKind};
    let d = shipped();
    let charted: Vec<(&str, ChartKind)> =
        (0..d.facts.len()).filter_map(|i| chart_for(&d, i).map(|c| (d.facts[i].id.as_str(), c.kind))).collect();
    assert_eq!(
        charted,
        [
            ("joint-ventures-fivefold", ChartKind::Ratio),
            ("azerbaijani-capital-companies-in-uzbekistan", ChartKind::Comparison),
            ("trade-turnover-tripled", ChartKind::Change),
            ("trade-turnover-target-1-billion", ChartKind::Progress),
        ]
    );
    let progress = chart_for(&d, d.fact_index("trade-turnover-target-1-billion").unwrap()).unwrap();
    assert!(progress.text.starts_with("$255 million is 25.5% of the target of $1 billion"), "{}", progress.text);
    // The dataset's own derived figure agrees with what the chart computes.
    let stored = fact(&d, "trade-turnover-target-1-billion").derived[0].quantity.clone().unwrap();
    assert_eq!(stored.value, 25.5);
}
