//! Compiles a dataset file for static hosting (`scripts/compile DATASET.json OUT_DIR`): it
//! validates the file with the core's validator, indexes it, and writes
//! [`factdeck_core::compiled`]'s files into `OUT_DIR`, atomically: into a fresh directory
//! beside it, renamed into place only once every file is written. On a validation error
//! nothing is written. The same file always gives the same bytes.
//!
//! [`Dir`] reads a compiled directory back through the core's [`Fetch`], for tests and
//! measurements.

use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};

use factdeck_core::compiled::{compile, Fetch, Manifest};
use factdeck_core::dataset::{self, DatasetError};
use factdeck_core::search::Index;

/// Why a compile failed.
#[derive(Debug)]
pub enum Failure {
    /// The dataset is not valid: every error, naming file, record and field.
    Invalid(Vec<DatasetError>),
    /// A file could not be read or written.
    Io(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Invalid(errors) => {
                write!(f, "{} error(s); nothing was written", errors.len())?;
                errors.iter().try_for_each(|e| write!(f, "\n  {e}"))
            }
            Failure::Io(message) => f.write_str(message),
        }
    }
}

/// Validates `dataset` (a dataset file; sources with a `file` are read relative to it) and
/// writes its compiled form to `out`, replacing what was there. `progress` hears each step.
pub fn compile_file(dataset: &Path, out: &Path, mut progress: impl FnMut(&str)) -> Result<Manifest, Failure> {
    let io = |what: &str, path: &Path, e: std::io::Error| Failure::Io(format!("{what} {}: {e}", path.display()));
    let name = dataset.display().to_string();
    let base = dataset.parent().unwrap_or(Path::new("."));
    let read_source = |rel: &str| safe_join(base, rel).and_then(|p| fs::read_to_string(p).ok());
    // Read twice, the facts one at a time: a million facts never sit in memory as JSON.
    progress(&format!("{name}: reading"));
    fs::File::open(dataset).map_err(|e| io("cannot read", dataset, e))?;
    let open = || fs::File::open(dataset);
    let checked = |done: usize, total: usize| progress(&format!("{name}: {done} of {total} facts checked"));
    let data = dataset::load_stream(&name, open, read_source, checked).map_err(Failure::Invalid)?;
    progress(&format!("valid: {} facts, {} sources; indexing", data.facts.len(), data.sources.len()));
    let index = Index::build(&data);

    let tmp = sibling(out, "tmp")?;
    fs::create_dir_all(&tmp).map_err(|e| io("cannot create", &tmp, e))?;
    let written = write_beside(&tmp, |write| compile(&data, &index, write, &mut progress));
    let manifest = match written {
        Ok(m) => m,
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    // Swap the finished directory in: the old one (if any) is moved aside first, so that
    // OUT_DIR is at every moment either the old compile or the new one.
    let old = sibling(out, "old")?;
    let had_old = out.exists();
    if had_old {
        fs::rename(out, &old).map_err(|e| io("cannot move aside", out, e))?;
    }
    fs::rename(&tmp, out).map_err(|e| io("cannot rename into place", out, e))?;
    if had_old {
        fs::remove_dir_all(&old).map_err(|e| io("cannot remove", &old, e))?;
    }
    Ok(manifest)
}

/// Runs `compile` with a `write` that hands each file to a thread of its own, which writes
/// it into `dir` while the next is encoded (a million facts make 127,000 files: writing
/// them takes as long as encoding them). The first error either way is the result.
fn write_beside<T>(
    dir: &Path,
    compile: impl FnOnce(&mut dyn FnMut(&str, &[u8]) -> Result<(), Failure>) -> Result<T, Failure>,
) -> Result<T, Failure> {
    // A few hundred files in the queue at most: the encoder never runs far ahead.
    let (send, receive) = std::sync::mpsc::sync_channel::<(PathBuf, Vec<u8>)>(256);
    let writer = std::thread::spawn(move || -> Result<(), Failure> {
        for (path, bytes) in receive {
            fs::write(&path, bytes).map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
        }
        Ok(())
    });
    let mut write = |file: &str, bytes: &[u8]| {
        // A closed queue means the writer stopped on an error, which `join` returns.
        send.send((dir.join(file), bytes.to_vec())).map_err(|_| Failure::Io(format!("cannot write {}", dir.join(file).display())))
    };
    let result = compile(&mut write);
    drop(send);
    let written = writer.join().unwrap_or_else(|_| Err(Failure::Io("the writing thread failed".to_owned())));
    match (result, written) {
        (Ok(value), Ok(())) => Ok(value),
        // The writer's own error says which file and why.
        (_, Err(e)) | (Err(e), Ok(())) => Err(e),
    }
}

/// `<out>.<what>-<pid>` beside `out`, removed if a crashed run left it.
fn sibling(out: &Path, what: &str) -> Result<PathBuf, Failure> {
    let name = out.file_name().ok_or_else(|| Failure::Io(format!("{} names no directory", out.display())))?;
    let path = out.with_file_name(format!("{}.{what}-{}", name.to_string_lossy(), std::process::id()));
    if path.exists() {
        fs::remove_dir_all(&path).map_err(|e| Failure::Io(format!("cannot remove {}: {e}", path.display())))?;
    }
    Ok(path)
}

/// `dir/rel` when `rel` stays inside `dir` (as build.rs reads sources).
fn safe_join(dir: &Path, rel: &str) -> Option<PathBuf> {
    let p = Path::new(rel);
    p.components().all(|c| matches!(c, Component::Normal(_))).then(|| dir.join(p))
}

/// A compiled directory on disk, read through the core's [`Fetch`].
pub struct Dir(pub PathBuf);

impl Fetch for Dir {
    fn fetch(&self, file: &str) -> Result<Vec<u8>, String> {
        match safe_join(&self.0, file) {
            Some(path) => fs::read(path).map_err(|e| e.to_string()),
            None => Err("not a file name".to_owned()),
        }
    }
}
