//! The result cards: the paged list, one card per fact (its figure or chart, quote, source
//! link and the actions it reveals: details, permalink, copy link, cite), and what shows when
//! nothing matches.

pub mod card_list;
pub mod chart;
pub mod cite_fact;
pub mod empty_state;
pub mod fact_card;
pub mod fact_details;
pub mod permalink;
pub mod source_link;
pub mod source_quote;
