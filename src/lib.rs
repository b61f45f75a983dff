//! factdeck: a static, in-browser explorer for sourced facts.
//!
//! - [`data`]: the embedded, build-time-validated dataset;
//! - [`ui`]: the Yew components, a thin layer over `factdeck_core`;
//! - [`loader_protocol`]: what the page and its loader worker (`src/bin/factdeck-loader.rs`)
//!   say to each other.

pub mod data;
pub mod loader_protocol;
pub mod ui;
