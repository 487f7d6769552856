//! Integration tests against the real router and a real database: SQLite by default,
//! PostgreSQL when `TEST_DATABASE_URL` names a server (the README's test command does both).
//! One binary with modules, so the suite links once.

mod accounts;
mod admin;
mod blocks;
mod cli;
mod demo;
mod forms;
mod health;
mod helpers;
mod ideas;
mod instances;
mod integrity;
mod language;
mod limits;
mod mail_server;
mod moderation;
mod organisations;
mod outbox;
mod pages;
mod participation;
mod premoderation;
mod project_images;
mod projects;
mod schema;
mod security;
mod server_functions;
mod time;
mod visibility;
mod workshops;
