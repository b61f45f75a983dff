//! factdeck's pure core: everything the explorer knows, with no DOM, Yew or browser API.
//!
//! Read in this order:
//! - [`model`]: what a validated fact is;
//! - [`dataset`]: JSON → validated [`dataset::Dataset`], or errors naming file, record and field;
//! - [`facts`]: facts and sources by index, from a dataset or from the chunks fetched so far;
//! - [`text`]: normalisation and tokenising shared by search and highlighting;
//! - [`search`]: the inverted index, ranking and highlight spans;
//! - [`filter`]: kind and sector facets, with counts;
//! - [`explore`]: one view = search + facets + counts + empty-state advice, in the view's order;
//! - [`sort`]: the orders other than relevance (date, title, …), keyed once per dataset;
//! - [`chart`]: which chart an indicator gets, its geometry and its text equivalent;
//! - [`url_state`]: the whole view ⇄ a query string;
//! - [`source_view`]: where each quote sits in its source text;
//! - [`timeline`]: dated results in chronological order, grouped by year;
//! - [`export`]: facts as CSV or as a dataset file, citations, export file names;
//! - [`compiled`]: a dataset and its index as small binary files, fetched as queries need them.
//!
//! The browser UI (the `factdeck` crate) is a thin layer over these modules; anything a
//! user can observe that does not need a DOM is decided and tested here. Synthetic datasets
//! for benchmarks come from the dev-only `factdeck-synth` crate (`synth/`).

pub mod chart;
pub mod compiled;
pub mod dataset;
pub mod explore;
pub mod export;
pub mod facts;
pub mod filter;
pub mod model;
pub mod search;
pub mod sort;
pub mod source_view;
#[cfg(test)]
mod test_events;
pub mod text;
pub mod timeline;
pub mod url_state;
