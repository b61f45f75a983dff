//! The shipped dataset: the exact bytes of `data/` that `build.rs` validated, embedded.

use factdeck_core::dataset::{self, Dataset, DatasetError};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// Parses and validates the embedded dataset. `build.rs` has already run this same
/// validation, so an error here means the binary was built from a different tree.
pub fn load() -> Result<Dataset, Vec<DatasetError>> {
    dataset::load(DATASET_FILE, DATASET_JSON, |path| {
        SOURCE_FILES.iter().find(|(p, _)| *p == path).map(|(_, text)| (*text).to_owned())
    })
}
