//! [`Facts`]: where the views read facts and their sources from. A [`Dataset`] holds them
//! all; a [`crate::compiled::Compiled`] dataset holds those of the chunks fetched so far, so
//! every lookup may find nothing, and callers say what then shows (a placeholder, a fetch).

use crate::dataset::Dataset;
use crate::model::{Fact, Sector, Source};

/// Facts and sources by index, as far as they are at hand.
pub trait Facts {
    /// The dataset's title (citations name it).
    fn title(&self) -> &str;
    fn sectors(&self) -> &[Sector];
    /// Fact `i`, if it is at hand.
    fn fact(&self, i: usize) -> Option<&Fact>;
    /// Source `s`, if a fact at hand quotes it. A compiled dataset's comes without its text
    /// until that is fetched too (the source view and exports ask for it).
    fn source(&self, s: usize) -> Option<&Source>;

    /// Fact `i` with the source it quotes, if both are at hand.
    fn quoting(&self, i: usize) -> Option<(&Fact, &Source)> {
        let fact = self.fact(i)?;
        Some((fact, self.source(fact.source)?))
    }
}

impl Facts for Dataset {
    fn title(&self) -> &str {
        &self.title
    }

    fn sectors(&self) -> &[Sector] {
        &self.sectors
    }

    fn fact(&self, i: usize) -> Option<&Fact> {
        self.facts.get(i)
    }

    fn source(&self, s: usize) -> Option<&Source> {
        self.sources.get(s)
    }
}
