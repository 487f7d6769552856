//! Administration of accounts: admins only.

use crate::domain::accounts::UserListItem;
use crate::error::AppError;
use leptos::prelude::*;

/// Page size of the user list.
pub const USERS_PER_PAGE: i64 = 50;

/// One page of accounts after the id `after` (0 for the first page).
#[server(endpoint = "admin/users")]
pub async fn list_users(after: i64) -> Result<Vec<UserListItem>, AppError> {
    use crate::domain::accounts::Role;
    use crate::server::{auth, db, respond::fail, state::app_state};
    let state = app_state()?;
    auth::require_role(&state, &[Role::Admin])
        .await
        .map_err(fail)?;
    db::users::list_users(&state.db, after, USERS_PER_PAGE)
        .await
        .map_err(fail)
}

#[server(endpoint = "admin/change-role")]
pub async fn change_role(user_id: i64, role: String) -> Result<(), AppError> {
    use crate::domain::accounts::Role;
    use crate::server::{accounts, auth, respond::fail, state::app_state};
    let state = app_state()?;
    let admin = auth::require_role(&state, &[Role::Admin])
        .await
        .map_err(fail)?;
    accounts::change_role(&state, &admin, user_id, &role, chrono::Utc::now())
        .await
        .map_err(fail)?;
    leptos_axum::redirect("/verwaltung/benutzer?gespeichert=1");
    Ok(())
}
