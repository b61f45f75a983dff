//! The context every results view reads: a dataset with its search index. It sits below
//! the components that use it, so `app` imports them and none of them imports `app`.

use factdeck_core::dataset::Dataset;
use factdeck_core::search::Index;

/// A dataset with its search index. Compared by identity: one `Deck` is built per load.
pub struct Deck {
    pub dataset: Dataset,
    pub index: Index,
}

impl Deck {
    pub fn new(dataset: Dataset) -> Deck {
        let index = Index::build(&dataset);
        Deck { dataset, index }
    }
}

impl PartialEq for Deck {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}
