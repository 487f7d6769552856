//! Moderation: reporting (every verified account), the queue, reviews and decisions
//! (moderators and admins), the log (admins), and the notices people get. Each function
//! checks the role itself; a page hiding a button is not a check.
#![allow(clippy::too_many_arguments)]

use crate::domain::moderation::{
    BlockTarget, HeldItem, ItemReview, LogEntry, ModerationNotice, ModerationThresholds,
    ObjectionTarget, ObjectionView, QueuePage, ReportTarget,
};
use crate::domain::organisations::OrganisationClaim;
use crate::error::AppError;
use leptos::prelude::*;

/// What the report form shows of the item: only visible content (anyone may ask; a hidden
/// or deleted item is "not found").
#[server(endpoint = "moderation/report-target")]
pub async fn get_report_target(item: String) -> Result<ReportTarget, AppError> {
    use crate::domain::content::ContentRef;
    use crate::domain::moderation::excerpt;
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        let target = ContentRef::from_param(&item).ok_or(AppError::NotFound)?;
        let mut tx = ctx.state.db.begin().await?;
        let content = db::moderation::find_content(&mut tx, target).await?;
        tx.commit().await?;
        if content.hidden || content.deleted {
            return Err(AppError::NotFound);
        }
        Ok(ReportTarget {
            target,
            idea_id: content.idea_id,
            excerpt: excerpt(&content.text(target)),
            idea_title: content.idea_title,
        })
    })
    .await
}

/// Reports an idea or a comment (`item`: `idee-5`, `kommentar-7`).
#[server(endpoint = "moderation/report")]
pub async fn report_content(
    item: String,
    #[server(default)] reason: String,
    #[server(default)] note: String,
    #[server(default)] good_faith: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::content::ContentRef;
    use crate::server::{moderation, request::serve};
    serve(|ctx| async move {
        let reporter = ctx.verified_user().await?;
        let target = ContentRef::from_param(&item).ok_or(AppError::NotFound)?;
        let idea_id = moderation::report(
            &ctx.state,
            &reporter,
            target,
            &reason,
            &note,
            good_faith.is_some(),
            ctx.now,
        )
        .await?;
        let anchor = match target {
            ContentRef::Comment(id) => format!("#kommentar-{id}"),
            ContentRef::Idea(_) => String::new(),
        };
        leptos_axum::redirect(&format!("/ideen/{idea_id}?gemeldet=1{anchor}"));
        Ok(())
    })
    .await
}

/// One page of open reports, grouped per item. Filters: `kind` (`ideen`/`kommentare`,
/// `automatisch` for items hidden automatically), `reason` (a report reason), `project` (a
/// project's address); `after` continues a page.
#[server(endpoint = "moderation/queue")]
pub async fn moderation_queue(
    #[server(default)] kind: Option<String>,
    #[server(default)] reason: Option<String>,
    #[server(default)] project: Option<String>,
    #[server(default)] after: Option<String>,
) -> Result<QueuePage, AppError> {
    use crate::domain::moderation::{QueueCursor, QueueFilter};
    use crate::server::{db, moderation, request::serve};
    serve(|ctx| async move {
        ctx.staff().await?;
        let project_id = match project.as_deref().filter(|p| !p.is_empty()) {
            Some(slug) => match db::projects::find_project_id(&ctx.state.db, slug).await {
                Ok(id) => Some(id),
                // No such project: nothing reported in it.
                Err(db::DbError::NotFound) => return Ok(QueuePage::default()),
                Err(other) => return Err(other.into()),
            },
            None => None,
        };
        let filter = QueueFilter {
            ideas: match kind.as_deref() {
                Some("ideen") => Some(true),
                Some("kommentare") => Some(false),
                _ => None,
            },
            reason: reason.as_deref().and_then(|r| r.parse().ok()),
            project_id,
            pending_only: kind.as_deref() == Some("automatisch"),
        };
        let after = after.as_deref().and_then(QueueCursor::from_param);
        moderation::queue(&ctx.state, &filter, after).await
    })
    .await
}

/// One item with its open reports and its history, for a decision.
#[server(endpoint = "moderation/item")]
pub async fn review_item(item: String) -> Result<ItemReview, AppError> {
    use crate::domain::content::ContentRef;
    use crate::server::{moderation, request::serve};
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        let target = ContentRef::from_param(&item).ok_or(AppError::NotFound)?;
        moderation::review(&ctx.state, &staff, target).await
    })
    .await
}

/// Decides on one or several items (`items[]`) with one rule and reason. Answers with a
/// redirect to the queue, which says how many were decided.
#[server(endpoint = "moderation/decide")]
pub async fn decide_items(
    #[server(default)] items: Vec<String>,
    #[server(default)] decision: String,
    #[server(default)] rule: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::domain::content::ContentRef;
    use crate::domain::moderation::Decision;
    use crate::domain::validation::{FieldErrors, ValidationError};
    use crate::server::{moderation, request::serve};
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        let Some(decision) = Decision::from_param(&decision) else {
            let mut errors = FieldErrors::new();
            errors.add("decision", ValidationError::Invalid);
            return Err(AppError::Validation(errors));
        };
        let targets = items
            .iter()
            .map(|item| ContentRef::from_param(item).ok_or(AppError::NotFound))
            .collect::<Result<Vec<_>, _>>()?;
        let outcome = moderation::decide(
            &ctx.state, &staff, &targets, decision, &rule, &reason, ctx.now,
        )
        .await?;
        leptos_axum::redirect(&format!(
            "/verwaltung/moderation?entschieden={}&uebersprungen={}",
            outcome.decided, outcome.skipped
        ));
        Ok(())
    })
    .await
}

/// The log, newest first (admins), of one action and/or one person (who acted or was
/// concerned). `before` continues a page.
#[server(endpoint = "moderation/log")]
pub async fn moderation_log(
    #[server(default)] action: Option<String>,
    #[server(default)] person: Option<i64>,
    #[server(default)] before: Option<i64>,
) -> Result<Vec<LogEntry>, AppError> {
    use crate::domain::accounts::Role;
    use crate::domain::moderation::LOG_PAGE_SIZE;
    use crate::server::db::moderation::{list_log, LogFilter};
    use crate::server::request::serve;
    serve(|ctx| async move {
        ctx.user_with_role(&[Role::Admin]).await?;
        let filter = LogFilter {
            action: action.as_deref().and_then(|a| a.parse().ok()),
            person_id: person,
            before,
        };
        Ok(list_log(&ctx.state.db, &filter, LOG_PAGE_SIZE).await?)
    })
    .await
}

/// What moderation told the signed-in person (about their content or their reports).
#[server(endpoint = "moderation/notices")]
pub async fn moderation_notices() -> Result<Vec<ModerationNotice>, AppError> {
    use crate::server::{db, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        Ok(db::moderation::list_notices(&ctx.state.db, user.id, 50).await?)
    })
    .await
}

/// An account as the block form shows it (staff).
#[server(endpoint = "moderation/block-target")]
pub async fn get_block_target(user_id: i64) -> Result<BlockTarget, AppError> {
    use crate::server::{blocks, request::serve};
    serve(|ctx| async move {
        ctx.staff().await?;
        blocks::block_target(&ctx.state, user_id, ctx.now).await
    })
    .await
}

/// Blocks an account (staff; staff accounts only by an admin). `duration`: `1`, `7`, `30`
/// days or `unbefristet`; `hide_content` hides everything the person wrote.
#[server(endpoint = "moderation/block")]
pub async fn block_account(
    user_id: i64,
    #[server(default)] rule: String,
    #[server(default)] reason: String,
    #[server(default)] duration: String,
    #[server(default)] hide_content: Option<String>,
) -> Result<(), AppError> {
    use crate::server::{blocks, request::serve};
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        blocks::block(
            &ctx.state,
            &staff,
            user_id,
            &rule,
            &reason,
            &duration,
            hide_content.is_some(),
            ctx.now,
        )
        .await?;
        leptos_axum::redirect(&format!(
            "/verwaltung/benutzer/{user_id}/sperren?gespeichert=1"
        ));
        Ok(())
    })
    .await
}

/// Lifts a running block before its end (staff; staff accounts only by an admin).
#[server(endpoint = "moderation/unblock")]
pub async fn unblock_account(
    user_id: i64,
    #[server(default)] rule: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::{blocks, request::serve};
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        blocks::unblock(&ctx.state, &staff, user_id, &rule, &reason, ctx.now).await?;
        leptos_axum::redirect(&format!(
            "/verwaltung/benutzer/{user_id}/sperren?gespeichert=1"
        ));
        Ok(())
    })
    .await
}

/// A decision about the signed-in person's content, for the objection form.
#[server(endpoint = "moderation/objection-target")]
pub async fn get_objection_target(log_id: i64) -> Result<ObjectionTarget, AppError> {
    use crate::server::{objections, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        objections::objection_target(&ctx.state, &user, log_id).await
    })
    .await
}

/// The author objects to a decision about their content (once per decision).
#[server(endpoint = "moderation/object")]
pub async fn file_objection(log_id: i64, #[server(default)] body: String) -> Result<(), AppError> {
    use crate::server::{objections, request::serve};
    serve(|ctx| async move {
        let user = ctx.user().await?;
        objections::object(&ctx.state, &user, log_id, &body, ctx.now).await?;
        leptos_axum::redirect(&format!("/widerspruch/{log_id}?gesendet=1"));
        Ok(())
    })
    .await
}

/// The open objections (staff).
#[server(endpoint = "moderation/objections")]
pub async fn list_objections() -> Result<Vec<ObjectionView>, AppError> {
    use crate::server::{objections, request::serve};
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        objections::open_objections(&ctx.state, &staff).await
    })
    .await
}

/// Upholds a decision (`outcome=uphold`) or grants the objection (`grant`: the content is
/// shown again), with a rule and reason the author is told.
#[server(endpoint = "moderation/decide-objection")]
pub async fn decide_objection(
    objection_id: i64,
    #[server(default)] outcome: String,
    #[server(default)] rule: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::{objections, request::serve};
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        objections::decide(
            &ctx.state,
            &staff,
            objection_id,
            &outcome,
            &rule,
            &reason,
            ctx.now,
        )
        .await?;
        leptos_axum::redirect("/verwaltung/moderation?widerspruch=1");
        Ok(())
    })
    .await
}

/// The business accounts whose organisation waits for verification (staff).
#[server(endpoint = "moderation/organisations")]
pub async fn organisation_claims() -> Result<Vec<OrganisationClaim>, AppError> {
    use crate::server::{organisations, request::serve};
    serve(|ctx| async move {
        ctx.staff().await?;
        organisations::claims(&ctx.state).await
    })
    .await
}

/// Verifies (`decision=verify`) or rejects (`reject`, with a reason) a business account's
/// organisation (staff).
#[server(endpoint = "moderation/decide-organisation")]
pub async fn decide_organisation(
    user_id: i64,
    #[server(default)] decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::server::{organisations, request::serve};
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        organisations::decide(&ctx.state, &staff, user_id, &decision, &reason, ctx.now).await?;
        leptos_axum::redirect("/verwaltung/moderation?unternehmen=1#unternehmen");
        Ok(())
    })
    .await
}

/// The moderation settings of this installation (admins; read-only, set by environment).
#[server(endpoint = "moderation/settings")]
pub async fn moderation_settings() -> Result<ModerationThresholds, AppError> {
    use crate::domain::accounts::Role;
    use crate::server::request::serve;
    serve(|ctx| async move {
        ctx.user_with_role(&[Role::Admin]).await?;
        Ok(ModerationThresholds {
            auto_hide_reports: ctx.state.settings.auto_hide_reports,
            premoderation_first: ctx.state.settings.premoderation_first,
        })
    })
    .await
}

/// The contributions waiting for approval (staff).
#[server(endpoint = "moderation/held")]
pub async fn held_items() -> Result<Vec<HeldItem>, AppError> {
    use crate::server::{premoderation, request::serve};
    serve(|ctx| async move {
        ctx.staff().await?;
        premoderation::held(&ctx.state).await
    })
    .await
}

/// Approves (`decision=approve`) or hides (`hide`, with a rule and reason) a contribution
/// waiting for approval (staff).
#[server(endpoint = "moderation/decide-held")]
pub async fn decide_held(
    item: String,
    #[server(default)] decision: String,
    #[server(default)] rule: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::domain::content::ContentRef;
    use crate::server::{premoderation, request::serve};
    serve(|ctx| async move {
        let staff = ctx.staff().await?;
        let target = ContentRef::from_param(&item).ok_or(AppError::NotFound)?;
        premoderation::decide(
            &ctx.state, &staff, target, &decision, &rule, &reason, ctx.now,
        )
        .await?;
        leptos_axum::redirect("/verwaltung/moderation?freigabe=1#freigabe");
        Ok(())
    })
    .await
}
