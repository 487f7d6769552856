//! One component per route.

pub mod home;
pub mod legal;
pub mod not_found;
pub mod project;
pub mod projects;
