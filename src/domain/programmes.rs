//! The funding programme behind the model region, with its headline facts.

use serde::{Deserialize, Serialize};

/// The programme's key figures as shown on the home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeView {
    pub title: String,
    pub summary: String,
    pub funded_projects: i64,
    pub funded_cents: i64,
    pub proposed_projects: i64,
    pub proposed_cents: i64,
}
