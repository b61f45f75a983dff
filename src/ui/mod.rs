//! The Yew UI: a thin layer that renders `factdeck_core` results and turns clicks and
//! keystrokes into [`state::Action`]s. Only this module and `url_sync` touch the DOM.

mod active_filters;
mod app;
mod card_list;
mod cite_fact;
mod empty_state;
mod export_bar;
mod facet_panel;
mod fact_card;
mod fact_details;
mod header;
mod highlighted;
mod loader;
mod offline;
mod permalink;
mod search_box;
mod source_quote;
pub mod state;
mod url_sync;

pub use app::{App, Deck, Explorer, ExplorerProps};
