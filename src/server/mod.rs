//! Everything that runs only on the server: the only place sqlx, axum, lettre and argon2
//! appear.

pub mod cli;
pub mod config;
pub mod db;
pub mod health;
pub mod language;
pub mod markdown;
pub mod respond;
pub mod seed;
pub mod startup;
pub mod state;
pub mod telemetry;
