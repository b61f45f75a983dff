//! `compile DATASET.json OUT_DIR`: a dataset file → its compiled, sharded form (see the
//! `factdeck_compile` library). Progress goes to stderr; errors name file, record and field,
//! and nothing is written then. `scripts/compile` runs it.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dataset, out] = args.as_slice() else {
        eprintln!("usage: compile DATASET.json OUT_DIR");
        return ExitCode::from(2);
    };
    let start = Instant::now();
    let progress = |step: &str| eprintln!("compile: {:>6.1} s  {step}", start.elapsed().as_secs_f64());
    match factdeck_compile::compile_file(Path::new(dataset), Path::new(out), progress) {
        Ok(manifest) => {
            let files = manifest.file_names().count() + 1;
            eprintln!(
                "compile: {:>6.1} s  wrote {out}: {files} files ({} facts, {} terms, {} shards, {} chunks)",
                start.elapsed().as_secs_f64(),
                manifest.facts,
                manifest.terms,
                manifest.shards.len(),
                manifest.chunks
            );
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("compile: {failure}");
            ExitCode::FAILURE
        }
    }
}
