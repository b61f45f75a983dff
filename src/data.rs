//! The shipped dataset: the `Dataset` that `build.rs` validated from `data/`, embedded
//! bincode-encoded, so that the page decodes it without a JSON parser or the validator.

use factdeck_core::dataset::{Dataset, DatasetError};

/// `build.rs`'s encoding of the validated `data/dataset.json` and its source texts.
pub const DATASET_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));

/// Decodes the embedded dataset. `build.rs` validated it before encoding it, so an error
/// here means the bytes were not the ones it wrote.
pub fn load() -> Result<Dataset, Vec<DatasetError>> {
    bincode::deserialize(DATASET_BYTES).map_err(|_| {
        vec![DatasetError {
            file: "data/dataset.json".into(),
            record: "dataset".into(),
            field: String::new(),
            message: "the embedded copy could not be decoded".into(),
        }]
    })
}
