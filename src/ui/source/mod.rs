//! The source view: a fact's quote shown in the full text of its source, with the other
//! facts drawn from that source marked.

pub mod source_text;
pub mod source_view;
