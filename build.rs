//! Validates `data/` with the same core validator the app uses, and generates the table
//! that embeds the dataset and its source texts. A bad dataset fails the build with one
//! `cargo::error` line per problem, naming file, record and field.

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
    let mut out = String::new();
    out.push_str(&format!("pub const DATASET_FILE: &str = {DATASET:?};\n"));
    out.push_str(&format!("pub const DATASET_JSON: &str = include_str!({:?});\n", root.join(DATASET).display().to_string()));
    out.push_str("pub const SOURCE_FILES: &[(&str, &str)] = &[\n");
    for rel in dataset.sources.iter().filter_map(|s| s.file.as_deref()) {
        let abs = safe_join(&data_dir, rel).expect("the loader read this file above");
        out.push_str(&format!("    ({rel:?}, include_str!({:?})),\n", abs.display().to_string()));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
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
