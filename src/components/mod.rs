//! Reusable view pieces.

pub mod author_name;
pub mod contributions;
pub mod error_notice;
pub mod feedback;
pub mod filter_select;
pub mod form;
pub mod idea_card;
pub mod layout;
pub mod project_card;
pub mod project_picture;
pub mod unverified_notice;
pub mod workshop_card;
