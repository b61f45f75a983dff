//! A dataset validated and indexed in one place (the browser's loader worker) and handed
//! over as bytes answers every view exactly as one built in place. (Here rather than in
//! `core/tests/`, for the synthetic data; the dev-dependency turns on core's `transfer`.)

use factdeck_core::dataset::{self, Dataset};
use factdeck_core::explore::explore;
use factdeck_core::search::Index;
use factdeck_core::url_state::parse;

#[test]
fn a_handed_over_dataset_and_index_answer_like_the_originals() {
    let json = factdeck_synth::json(300, 4);
    let dataset = dataset::load("synthetic.json", &json, |_| None).expect("synthetic data is valid");
    let index = Index::build(&dataset);
    let bytes = serde_json::to_vec(&(&dataset, &index)).expect("serialises");
    let (dataset2, index2): (Dataset, Index) = serde_json::from_slice(&bytes).expect("deserialises");
    assert_eq!(dataset2, dataset);
    for url in ["?q=gence", "?q=trade+turnov", "?q=oʻzbekiston&kind=project", "?sector=energy", "?q=tashkennt", ""] {
        let view = parse(url);
        assert_eq!(explore(&dataset2, &index2, &view), explore(&dataset, &index, &view), "{url}");
    }
}

#[test]
fn parse_and_load_value_are_the_two_halves_of_load() {
    let json = factdeck_synth::json(40, 2);
    let value = dataset::parse("x.json", &json).expect("valid JSON");
    assert_eq!(dataset::fact_count(&value), 40);
    assert_eq!(dataset::load_value("x.json", &value, |_| None), dataset::load("x.json", &json, |_| None));
    let errs = dataset::parse("x.json", "{ \"title\": ").unwrap_err();
    assert_eq!((errs[0].record.as_str(), errs[0].field.as_str()), ("dataset", ""));
    assert!(errs[0].message.starts_with("invalid JSON at line 1"), "{}", errs[0].message);
    assert_eq!(dataset::fact_count(&serde_json::json!({ "facts": "nope" })), 0);
}
