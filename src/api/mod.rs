//! Server functions: the HTTP contract between pages and server, one file per feature.
//! Each has a stable endpoint (`/api/<feature>/<verb>`) that integration tests call directly.

pub mod accounts;
pub mod admin;
pub mod ideas;
pub mod moderation;
pub mod notifications;
pub mod participation;
pub mod projects;
pub mod workshops;
