//! Writes a synthetic dataset to stdout:
//!
//! ```text
//! cargo run -p factdeck-synth --release --bin synth -- <n> [seed] > synthetic.json
//! ```
//!
//! `n` is the number of facts, `seed` (default 1) picks the dataset; the same pair always
//! gives the same file. See the `factdeck_synth` library.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: synth <n> [seed]   (n facts ≥ 1, seed a u64, default 1)";
    let n = match args.first().map(|a| a.parse::<usize>()) {
        Some(Ok(n)) if n > 0 => n,
        _ => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    let seed = match args.get(1).map(|a| a.parse::<u64>()) {
        None => 1,
        Some(Ok(seed)) => seed,
        Some(Err(_)) => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    if args.len() > 2 {
        eprintln!("{usage}");
        return ExitCode::from(2);
    }
    // export::json ends the file with a newline.
    let json = factdeck_synth::json(n, seed);
    let mut out = std::io::stdout().lock();
    match out.write_all(json.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // `synth 1000 | head`: the reader has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}
