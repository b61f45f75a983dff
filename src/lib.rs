//! factdeck: a static, in-browser explorer for sourced facts.
//!
//! - [`data`]: the embedded, build-time-validated dataset;
//! - [`ui`]: the Yew components, a thin layer over `factdeck_core`.

pub mod data;
pub mod ui;
