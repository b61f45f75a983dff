//! Tidy checks, in the manner of rust-analyzer's: the map (ARCHITECTURE.md) names only
//! paths that exist, shipped code carries no unfinished markers, and only `src/ui/browser.rs`
//! touches the page's address, history, clipboard, downloads, fetch and timers.

use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The `core/…`, `src/…`, … paths written in backticks in `text`.
fn named_paths(text: &str) -> Vec<String> {
    const TOPS: [&str; 9] = ["core/", "src/", "scripts/", "tests/", "benches/", "prerender/", "static/", "data/", "synth/"];
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| TOPS.iter().any(|t| s.starts_with(t)))
        .filter(|s| !s.contains(char::is_whitespace) && !s.contains('*') && !s.contains('<'))
        .map(|s| s.trim_end_matches(['.', ',', ':']).to_owned())
        .collect()
}

#[test]
fn every_path_the_architecture_map_names_exists() {
    let map = fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let paths = named_paths(&map);
    assert!(paths.len() > 30, "the map names {} paths; the parser lost them", paths.len());
    let missing: Vec<_> = paths.iter().filter(|p| !Path::new(ROOT).join(p).exists()).collect();
    assert!(missing.is_empty(), "ARCHITECTURE.md names paths that do not exist: {missing:?}");
}

#[test]
fn the_map_parser_finds_paths_in_backticks_only() {
    let text = "see `core/src/sort.rs`, and `src/ui/` but not core/src/x.rs or `cargo test`.";
    assert_eq!(named_paths(text), ["core/src/sort.rs", "src/ui/"]);
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn shipped_code_has_no_unfinished_markers() {
    let mut files = Vec::new();
    for dir in ["src", "core/src", "prerender/src"] {
        rust_files(&Path::new(ROOT).join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} files", files.len());
    // Spelled in pieces so that this file does not trip its own check.
    let markers =
        [["TO", "DO"].concat(), ["FIX", "ME"].concat(), ["XX", "X"].concat(), ["todo", "!("].concat(), ["unimplemented", "!("].concat()];
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            if markers.iter().any(|m| line.contains(m.as_str())) {
                found.push(format!("{}:{}: {}", file.strip_prefix(ROOT).unwrap_or(file).display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "unfinished markers in shipped code:\n{}", found.join("\n"));
}

/// The calls in `text` that reach the page's services (address, history, clipboard,
/// downloads, fetch, timers), comments aside, as `line: code`.
fn page_service_uses(text: &str) -> Vec<String> {
    const CALLS: [&str; 13] = [
        ".location(",
        ".history(",
        ".clipboard(",
        "object_url",
        "set_download",
        "fetch_with",
        "set_timeout",
        "set_interval",
        "request_animation_frame",
        "gloo::timers",
        "Timeout::",
        "TimeoutFuture",
        "Interval::",
    ];
    text.lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.split("//").next().unwrap_or("")))
        .filter(|(_, code)| CALLS.iter().any(|c| code.contains(c)))
        .map(|(n, code)| format!("{n}: {}", code.trim()))
        .collect()
}

#[test]
fn the_page_service_check_sees_calls_but_not_comments() {
    let text = "let l = window.location();\n// window.history() in a comment\nTimeout::new(0, f).forget();\n";
    assert_eq!(page_service_uses(text), ["1: let l = window.location();", "3: Timeout::new(0, f).forget();"]);
}

#[test]
fn only_the_browser_module_touches_location_history_clipboard_downloads_fetch_and_timers() {
    let mut files = Vec::new();
    rust_files(&Path::new(ROOT).join("src"), &mut files);
    let door = Path::new(ROOT).join("src/ui/browser.rs");
    assert!(files.contains(&door), "src/ui/browser.rs, the one door to the browser, is missing");
    let door_uses = page_service_uses(&fs::read_to_string(&door).expect("browser.rs"));
    assert!(door_uses.len() >= 8, "the check no longer recognises browser.rs's own calls: {door_uses:?}");
    let mut found = Vec::new();
    for file in files.iter().filter(|f| **f != door) {
        let text = fs::read_to_string(file).expect("a source file");
        for hit in page_service_uses(&text) {
            found.push(format!("{}:{hit}", file.strip_prefix(ROOT).unwrap_or(file).display()));
        }
    }
    assert!(found.is_empty(), "only src/ui/browser.rs may touch these; ask it instead:\n{}", found.join("\n"));
}

/// How many lines `text` has before its unit tests (`#[cfg(test)]` at the start of a line).
fn lines_before_tests(text: &str) -> usize {
    text.lines().take_while(|l| !l.starts_with("#[cfg(test)]")).count()
}

#[test]
fn lines_before_tests_stops_at_the_test_module() {
    assert_eq!(lines_before_tests("a\nb\n#[cfg(test)]\nmod tests {}\n"), 2);
    assert_eq!(lines_before_tests("a\nb\nc\n"), 3);
}

#[test]
fn no_shipped_rust_file_has_more_than_400_lines_before_its_tests() {
    let mut files = Vec::new();
    for dir in ["src", "core/src", "prerender/src"] {
        rust_files(&Path::new(ROOT).join(dir), &mut files);
    }
    let long: Vec<_> = files
        .iter()
        .map(|f| (lines_before_tests(&fs::read_to_string(f).expect("a source file")), f))
        .filter(|(n, _)| *n > 400)
        .map(|(n, f)| format!("{}: {n} lines", f.strip_prefix(ROOT).unwrap_or(f).display()))
        .collect();
    assert!(long.is_empty(), "split these into modules that each do one job (400 lines at most before the tests):\n{}", long.join("\n"));
}
