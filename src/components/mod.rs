//! Reusable view pieces.

pub mod author_name;
pub mod error_notice;
pub mod filter_select;
pub mod form;
pub mod idea_card;
pub mod layout;
pub mod project_card;
pub mod workshop_card;
