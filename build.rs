//! Validates `data/` with the same core validator the app uses, then writes the validated
//! `Dataset` (source texts included) bincode-encoded to `OUT_DIR/dataset.bin`, which
//! `src/data.rs` embeds: the page decodes it and needs no JSON parser or validator. A bad
//! dataset fails the build with one `cargo::error` line per problem, naming file, record
//! and field.

use std::path::{Path, PathBuf};
use std::{env, fs};

const DATASET: &str = "data/dataset.json";

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data_dir = root.join("data");
    println!("cargo::rerun-if-changed=data");
    let json = match fs::read_to_string(root.join(DATASET)) {
        Ok(j) => j,
        Err(e) => fail(&[format!("{DATASET}: cannot read: {e}")]),
    };
    let read_source = |rel: &str| {
        println!("cargo::rerun-if-changed={}", data_dir.join(rel).display());
        safe_join(&data_dir, rel).and_then(|p| fs::read_to_string(p).ok())
    };
    let dataset = match factdeck_core::dataset::load(DATASET, &json, read_source) {
        Ok(d) => d,
        Err(errors) => fail(&errors.iter().map(ToString::to_string).collect::<Vec<_>>()),
    };
    // The dataset shipped is the dataset validated: these bytes encode exactly what the
    // validator returned (tests/dataset.rs decodes them and compares with a fresh load).
    let bytes = bincode::serialize(&dataset).expect("a validated dataset encodes");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.bin");
    fs::write(dest, bytes).expect("OUT_DIR is writable");
}

/// Joins a dataset-relative path, refusing absolute paths and `..` so a dataset cannot
/// embed files from outside `data/`.
fn safe_join(dir: &Path, rel: &str) -> Option<PathBuf> {
    let p = Path::new(rel);
    let ok = p.components().all(|c| matches!(c, std::path::Component::Normal(_)));
    ok.then(|| dir.join(p))
}

fn fail(lines: &[String]) -> ! {
    for l in lines {
        println!("cargo::error={l}");
    }
    std::process::exit(1)
}
