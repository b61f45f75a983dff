//! The Yew UI: a thin layer that renders `factdeck_core` results and turns clicks and
//! keystrokes into [`state::Action`]s. Only this module and `url_sync` touch the DOM.

mod active_filters;
mod app;
mod card_list;
mod chart;
mod cite_fact;
mod dataset_bar;
mod dataset_errors;
mod dataset_picker;
mod empty_state;
mod export_bar;
mod facet_panel;
mod fact_card;
mod fact_details;
mod header;
mod highlighted;
pub mod hydration;
mod loader;
mod mode_focus;
mod offline;
mod own_store;
mod paging;
mod permalink;
mod result_table;
mod search_box;
mod sort_select;
mod source_link;
mod source_quote;
mod source_text;
mod source_view;
pub mod state;
mod timeline;
mod url_sync;
mod view_switch;

pub use app::{App, Deck, Explorer, ExplorerProps};
pub use loader::prepare;
