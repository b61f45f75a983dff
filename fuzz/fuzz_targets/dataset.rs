//! Any dataset file is either accepted or rejected with errors; loading never panics, and
//! an accepted dataset can be indexed and explored.
#![no_main]

use factdeck_core::dataset::load;
use factdeck_core::explore::explore;
use factdeck_core::search::Index;
use factdeck_core::url_state::ViewState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    match load("fuzz.json", json, |path| Some(format!("text of {path}"))) {
        Ok(dataset) => {
            let index = Index::build(&dataset);
            let view = ViewState { query: dataset.title.clone(), ..ViewState::default() };
            let _ = explore(&dataset, &index, &view);
        }
        Err(errors) => assert!(!errors.is_empty()),
    }
});
