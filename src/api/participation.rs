//! Taking part in an idea: comments, supports, following.

use crate::error::AppError;
use leptos::prelude::*;

/// A comment on an idea, or with `parent_id` a reply to one of its comments.
#[server(endpoint = "comments/create")]
pub async fn create_comment(
    idea_id: i64,
    #[server(default)] parent_id: Option<i64>,
    body: String,
) -> Result<(), AppError> {
    use crate::domain::feedback::Done;
    use crate::server::{comments, request::serve};
    serve(|ctx| async move {
        let author = ctx.verified_user().await?;
        let posted =
            comments::post_comment(&ctx.state, &author, idea_id, parent_id, &body, ctx.now).await?;
        let done = if posted.held {
            Done::CommentHeld(posted.id)
        } else {
            Done::Commented(posted.id)
        };
        leptos_axum::redirect(&done.redirect(&format!("/ideen/{idea_id}")));
        Ok(())
    })
    .await
}

/// The author changes their comment.
#[server(endpoint = "comments/update")]
pub async fn update_comment(id: i64, body: String) -> Result<(), AppError> {
    use crate::server::{comments, request::serve};
    serve(|ctx| async move {
        let author = ctx.verified_user().await?;
        let idea_id = comments::edit_comment(&ctx.state, &author, id, &body, ctx.now).await?;
        let done = crate::domain::feedback::Done::CommentEdited(id);
        leptos_axum::redirect(&done.redirect(&format!("/ideen/{idea_id}")));
        Ok(())
    })
    .await
}

/// The author deletes their comment (its place in the thread stays).
#[server(endpoint = "comments/delete")]
pub async fn delete_comment(id: i64) -> Result<(), AppError> {
    use crate::server::{comments, request::serve};
    serve(|ctx| async move {
        let author = ctx.user().await?;
        let idea_id = comments::delete_comment(&ctx.state, &author, id, ctx.now).await?;
        let done = crate::domain::feedback::Done::CommentDeleted(id);
        leptos_axum::redirect(&done.redirect(&format!("/ideen/{idea_id}")));
        Ok(())
    })
    .await
}

/// Supports an idea (`support = true`) or takes the support back.
#[server(endpoint = "votes/set")]
pub async fn set_support(idea_id: i64, support: bool) -> Result<(), AppError> {
    use crate::domain::feedback::Done;
    use crate::server::{request::serve, votes};
    serve(|ctx| async move {
        let voter = ctx.verified_user().await?;
        let done = if support {
            votes::support(&ctx.state, &voter, idea_id, ctx.now).await?;
            Done::Supported
        } else {
            votes::withdraw_support(&ctx.state, &voter, idea_id).await?;
            Done::SupportWithdrawn
        };
        leptos_axum::redirect(&done.redirect(&format!("/ideen/{idea_id}")));
        Ok(())
    })
    .await
}

/// Follows or unfollows an idea (verified accounts only: following leads to mail, and mail
/// goes only to confirmed addresses — double opt-in).
#[server(endpoint = "follows/idea")]
pub async fn follow_idea(idea_id: i64, follow: bool) -> Result<(), AppError> {
    use crate::server::db::{follows, ideas};
    use crate::server::request::serve;
    serve(|ctx| async move {
        let user = ctx.verified_user().await?;
        let mut tx = ctx.state.db.begin().await?;
        ideas::find_idea_state(&mut tx, idea_id).await?;
        let idea = follows::Followed::Idea(idea_id);
        follows::set_following(&mut tx, user.id, idea, follow, ctx.now).await?;
        tx.commit().await?;
        leptos_axum::redirect(&following(follow).redirect(&format!("/ideen/{idea_id}")));
        Ok(())
    })
    .await
}

/// Whether the signed-in person follows the project (`false` when signed out).
#[server(endpoint = "follows/project-state")]
pub async fn project_follow_state(slug: String) -> Result<bool, AppError> {
    use crate::server::db::follows;
    use crate::server::request::serve;
    serve(|ctx| async move {
        match ctx.viewer().await? {
            Some(user) => Ok(follows::follows_project(&ctx.state.db, user.id, &slug).await?),
            None => Ok(false),
        }
    })
    .await
}

/// Follows or unfollows a project (new ideas in it notify; verified accounts only).
#[server(endpoint = "follows/project")]
pub async fn follow_project(slug: String, follow: bool) -> Result<(), AppError> {
    use crate::server::db::{follows, projects};
    use crate::server::request::serve;
    serve(|ctx| async move {
        let user = ctx.verified_user().await?;
        let project_id = projects::find_project_id(&ctx.state.db, &slug).await?;
        let mut tx = ctx.state.db.begin().await?;
        let project = follows::Followed::Project(project_id);
        follows::set_following(&mut tx, user.id, project, follow, ctx.now).await?;
        tx.commit().await?;
        leptos_axum::redirect(&following(follow).redirect(&format!("/projekte/{slug}")));
        Ok(())
    })
    .await
}

/// The confirmation of a follow or unfollow.
#[cfg(feature = "ssr")]
fn following(follow: bool) -> crate::domain::feedback::Done {
    use crate::domain::feedback::Done;
    if follow {
        Done::Followed
    } else {
        Done::Unfollowed
    }
}

/// What the signed-in person contributed, supports and follows ("Meine Beteiligung").
#[server(endpoint = "participation/mine")]
pub async fn my_participation() -> Result<crate::domain::participation::MyParticipation, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        Ok(db::participation::my_participation(&ctx.state.db, user.id).await?)
    })
    .await
}

/// A person's public profile: their visible ideas and comments (404 when they show none).
#[server(endpoint = "people/profile")]
pub async fn public_profile(
    id: i64,
) -> Result<crate::domain::participation::PublicProfile, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move { Ok(db::participation::public_profile(&ctx.state.db, id).await?) })
        .await
}
