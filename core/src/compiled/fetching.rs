//! [`Compiled`] over a [`Fetch`] that answers at once (files on disk, in memory): each
//! method fetches what its `try_` form names, then answers. The page fetches in the
//! background instead (`src/ui/remote.rs`); the native tests and benchmarks read this way.

use super::manifest::{file_name, File, Manifest, MANIFEST};
use super::{Compiled, Error, Fetch};
use crate::explore::Outcome;
use crate::timeline::Timeline;
use crate::url_state::ViewState;

impl Compiled {
    /// Fetches the manifest, the term dictionary and the per-fact table: enough to count
    /// and filter every fact, and to know which shards any query needs.
    pub fn open(fetch: &impl Fetch) -> Result<Compiled, Error> {
        let get = |name: &str| fetch.fetch(name).map_err(|m| Error::new(name, m));
        let bytes = get(MANIFEST)?;
        let manifest = Manifest::decode(&bytes)?;
        let (terms, table) = (file_name(File::Terms), file_name(File::Docs));
        let dictionary = get(&terms)?;
        let docs = get(&table)?;
        let mut compiled = Compiled::new(manifest, &dictionary, &docs)?;
        compiled.fetched = vec![(MANIFEST.to_owned(), bytes.len() as u64), (terms, dictionary.len() as u64), (table, docs.len() as u64)];
        Ok(compiled)
    }

    /// [`Compiled::try_explore`], fetching what it needs with `fetch`.
    pub fn explore(&mut self, fetch: &impl Fetch, view: &ViewState) -> Result<Outcome, Error> {
        // The dictionary and the table if not in yet, the query's files, then perhaps those
        // of its correction: three rounds at most.
        for _ in 0..4 {
            match self.try_explore(view) {
                Ok(outcome) => return Ok(outcome),
                Err(files) => {
                    for file in files {
                        self.fetch_into(fetch, &file)?;
                    }
                }
            }
        }
        Err(Error::new(MANIFEST, "a view still needs files after fetching them"))
    }

    pub(super) fn fetch_into(&mut self, fetch: &impl Fetch, file: &str) -> Result<(), Error> {
        let bytes = fetch.fetch(file).map_err(|m| Error::new(file, m))?;
        self.insert(file, &bytes)?;
        self.fetched.push((file.to_owned(), bytes.len() as u64));
        Ok(())
    }

    /// Fetches the chunks holding `facts`, as [`Compiled::chunks_for`] names them.
    pub fn load_facts(&mut self, fetch: &impl Fetch, facts: &[usize]) -> Result<(), Error> {
        for file in self.chunks_for(facts) {
            self.fetch_into(fetch, &file)?;
        }
        Ok(())
    }

    /// Fetches the text files holding sources `sources`, as [`Compiled::texts_for`] names them.
    pub fn load_texts(&mut self, fetch: &impl Fetch, sources: &[usize]) -> Result<(), Error> {
        for file in self.texts_for(sources) {
            self.fetch_into(fetch, &file)?;
        }
        Ok(())
    }

    /// [`Compiled::try_timeline`], fetching the file with `fetch` if needed.
    pub fn timeline(&mut self, fetch: &impl Fetch, results: &[usize]) -> Result<Timeline, Error> {
        if let Err(file) = self.try_timeline(results) {
            self.fetch_into(fetch, &file)?;
        }
        self.try_timeline(results).map_err(|file| Error::new(&file, "still needed after fetching it"))
    }

    /// [`Compiled::try_fact_index`], fetching the bucket with `fetch` if needed.
    pub fn fact_index(&mut self, fetch: &impl Fetch, id: &str) -> Result<Option<usize>, Error> {
        match self.try_fact_index(id) {
            Ok(found) => Ok(found),
            Err(file) => {
                self.fetch_into(fetch, &file)?;
                self.try_fact_index(id).map_err(|file| Error::new(&file, "still needed after fetching it"))
            }
        }
    }

    /// The files fetched (name, bytes) since the last call, oldest first.
    pub fn take_fetched(&mut self) -> Vec<(String, u64)> {
        std::mem::take(&mut self.fetched)
    }
}
