//! The Yew UI: a thin layer that renders `factdeck_core` results and turns clicks and
//! keystrokes into [`state::Action`]s.
//!
//! Laid out by feature: `cards`, `filters`, `loading` (which dataset is shown), `source`
//! (the source view), `timeline`, `table` and `export`. Below them sit what they share:
//! `deck` (the dataset and index every view reads), `state` (the view reducer), `paging`,
//! `highlighted`; above them, `app`, the root that owns the state and lays them out.
//! `url_sync`, `hydration` and `offline` connect the app to the page it runs in.

mod app;
pub mod browser;
mod cards;
mod deck;
mod export;
mod filters;
mod header;
mod highlighted;
pub mod hydration;
mod loading;
mod mode_focus;
mod offline;
mod paging;
pub mod remote;
mod source;
pub mod state;
mod table;
mod timeline;
mod url_sync;

pub use app::{App, Explorer, ExplorerProps};
pub use deck::Deck;
pub use loading::loader::{prepare, replaces_page};
