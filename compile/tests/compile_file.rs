//! The `compile` tool on files: a valid dataset file compiles to the same bytes every time
//! and replaces what was in the output directory; an invalid one reports every error by
//! file, record and field and writes nothing.

use std::fs;
use std::path::{Path, PathBuf};

use factdeck_compile::{compile_file, Dir, Failure};
use factdeck_core::compiled::{Compiled, MANIFEST};
use factdeck_core::explore::explore;
use factdeck_core::search::Index;
use factdeck_core::url_state::ViewState;

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("factdeck-compile-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn a_dataset_file_compiles_to_the_same_bytes_each_time_and_reads_back() {
    let dir = scratch("same");
    let json = dir.join("synthetic.json");
    fs::write(&json, factdeck_synth::json(600, 4)).unwrap();
    let out = dir.join("out");
    let mut steps = Vec::new();
    compile_file(&json, &out, |s| steps.push(s.to_owned())).unwrap();
    assert!(steps.iter().any(|s| s.contains("600 facts")), "{steps:?}");
    let first = files_in(&out);
    fs::write(out.join("stale.bin"), b"left from before").unwrap();
    compile_file(&json, &out, |_| {}).unwrap();
    assert_eq!(files_in(&out), first, "the same bytes, and nothing left of the old directory");
    let leftovers: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "no temporary directories left: {leftovers:?}");

    let dataset = factdeck_synth::dataset(600, 4);
    let index = Index::build(&dataset);
    let mut c = Compiled::open(&Dir(out.clone())).unwrap();
    let v = ViewState { query: "Samarqand tex".to_owned(), ..ViewState::default() };
    assert_eq!(c.explore(&Dir(out), &v).unwrap(), explore(&dataset, &index, &v));
}

#[test]
fn an_invalid_dataset_names_each_error_and_writes_nothing() {
    let dir = scratch("invalid");
    let json = dir.join("broken.json");
    let text = factdeck_synth::json(40, 2).replacen("\"kind\": \"", "\"kind\": \"x", 1).replacen(
        "\"quote\": \"",
        "\"quote\": \"not in the source ",
        1,
    );
    fs::write(&json, text).unwrap();
    let out = dir.join("out");
    let Err(Failure::Invalid(errors)) = compile_file(&json, &out, |_| {}) else { panic!("compiled an invalid dataset") };
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{shown:#?}");
    assert!(errors.iter().all(|e| e.file.ends_with("broken.json") && e.record.starts_with("fact ")), "{shown:#?}");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["kind", "quote"]);
    assert!(!out.exists(), "nothing written");
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "no temporary directory left");
}

#[test]
fn a_file_that_is_not_json_is_one_error_and_a_missing_file_says_so() {
    let dir = scratch("notjson");
    let json = dir.join("notes.json");
    fs::write(&json, "{ \"facts\": [").unwrap();
    let Err(Failure::Invalid(errors)) = compile_file(&json, &dir.join("out"), |_| {}) else { panic!("compiled text that is not JSON") };
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.starts_with("invalid JSON at line 1"), "{}", errors[0]);
    let Err(Failure::Io(message)) = compile_file(&dir.join("absent.json"), &dir.join("out"), |_| {}) else {
        panic!("compiled a missing file")
    };
    assert!(message.contains("absent.json"), "{message}");
    assert!(!dir.join("out").join(MANIFEST).exists());
}
