//! Everything that runs only on the server: the only place sqlx, axum, lettre and argon2
//! appear.

pub mod accounts;
pub mod auth;
pub mod blocks;
pub mod cli;
pub mod clock;
pub mod comments;
pub mod config;
pub mod csrf;
pub mod db;
pub mod health;
pub mod ideas;
pub mod jobs;
pub mod language;
pub mod mail;
pub mod markdown;
pub mod moderation;
pub mod moderation_export;
pub mod notifications;
pub mod objections;
pub mod passwords;
pub mod projects;
pub mod request;
pub mod respond;
pub mod search;
pub mod seed;
pub mod seed_volume;
pub mod sessions;
pub mod signing;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod tokens;
pub mod unsubscribe;
pub mod votes;
