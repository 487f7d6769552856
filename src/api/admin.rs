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
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        ctx.user_with_role(&[Role::Admin]).await?;
        Ok(db::users::list_users(&ctx.state.db, after, USERS_PER_PAGE).await?)
    })
    .await
}

#[server(endpoint = "admin/change-role")]
pub async fn change_role(user_id: i64, role: String) -> Result<(), AppError> {
    use crate::domain::accounts::Role;
    use crate::server::{accounts, request::serve};
    serve(|ctx| async move {
        let admin = ctx.user_with_role(&[Role::Admin]).await?;
        accounts::change_role(&ctx.state, &admin, user_id, &role, ctx.now).await?;
        leptos_axum::redirect("/verwaltung/benutzer?gespeichert=1");
        Ok(())
    })
    .await
}
