//! The controls that choose the view: the search box, the sector and kind facets with live
//! counts, the active-filter chips, the sort order and the cards/timeline/table switch.

pub mod active_filters;
pub mod facet_panel;
pub mod search_box;
pub mod sort_select;
pub mod view_switch;
