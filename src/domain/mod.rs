//! Pure types and rules of the platform. No I/O: this module compiles to WebAssembly too, so
//! the same rules give instant feedback in the browser and are enforced on the server.

pub mod accounts;
pub mod comments;
pub mod content;
pub mod feedback;
pub mod ideas;
pub mod moderation;
pub mod notifications;
pub mod organisations;
pub mod participation;
pub mod paths;
pub mod programmes;
pub mod projects;
pub mod stored;
pub mod time;
pub mod validation;
pub mod workshops;
