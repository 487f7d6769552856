//! Moderation flows: reporting, deciding (hide, keep, restore; one item or many), and what
//! the queue, an item's review and the log show. Every flow takes the acting account from
//! the caller, which checked the role; the rules about *which* items someone may decide
//! (not their own content, not what they reported) are checked here, inside the decision's
//! transaction.

use crate::domain::content::ContentRef;
use crate::domain::moderation::ReportInput;
use crate::domain::moderation::{
    excerpt, parse_decision_reason, parse_report, Decision, DecisionReason, DecisionRule,
    ItemReview, LogAction, NoticeAudience, QueueCursor, QueueFilter, QueuePage, QUEUE_PAGE_SIZE,
    REPORTS_PER_HOUR,
};
use crate::domain::validation::ValidationError;
use crate::error::AppError;
use crate::server::db::moderation::{self as db, ContentFacts, NewLogEntry};
use crate::server::db::users::{self, UserRow};
use crate::server::db::{DbError, Tx};
use crate::server::mail::{self, moderation_mails};
use crate::server::state::AppState;
use chrono::{DateTime, Duration, Utc};

/// `reporter` (verified) reports an idea or a comment that others can see. The text is
/// snapshotted with the report, and the report is logged. Returns the idea the item is (on).
pub async fn report(
    state: &AppState,
    reporter: &UserRow,
    target: ContentRef,
    reason_raw: &str,
    note_raw: &str,
    good_faith: bool,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let input = parse_report(reason_raw, note_raw, good_faith).map_err(AppError::Validation)?;
    let mut tx = state.db.begin().await?;
    let content = db::find_content(&mut tx, target).await?;
    // What others cannot see cannot be reported (and is not confirmed to exist).
    if content.hidden || content.deleted {
        return Err(AppError::NotFound);
    }
    if content.author_id == reporter.id {
        return Err(AppError::invalid("reason", ValidationError::OwnContent));
    }
    let recent = db::count_reports_since(&mut tx, reporter.id, now - Duration::hours(1)).await?;
    if recent >= REPORTS_PER_HOUR {
        return Err(AppError::RateLimited {
            retry_after_secs: 3_600,
        });
    }
    let text = content.text(target);
    if !db::insert_report(&mut tx, reporter.id, target, &input, &text, now).await? {
        return Err(AppError::invalid(
            "reason",
            ValidationError::AlreadyReported,
        ));
    }
    let entry = NewLogEntry {
        actor_id: Some(reporter.id),
        action: LogAction::Report,
        target: Some(target),
        subject_id: Some(content.author_id),
        rule: Some(input.reason.as_str()),
        reason: input.note.as_deref(),
        excerpt: Some(&excerpt(&text)),
    };
    db::append_log(&mut tx, &entry, now).await?;
    let mailed = if let Some(threshold) = state.settings.auto_hide_reports {
        hide_when_reported_enough(state, &mut tx, target, &content, &input, threshold, now).await?
    } else {
        false
    };
    tx.commit().await?;
    if mailed {
        state.mail_signal.wake();
    }
    Ok(content.idea_id)
}

/// Automatic hiding, inside the report's transaction: once `threshold` distinct verified
/// accounts older than a day report an item (never staff content), it is hidden pending
/// review, and its author is told. The conditional hide makes concurrent reports around the
/// threshold hide it once. Returns whether mail was queued.
async fn hide_when_reported_enough(
    state: &AppState,
    tx: &mut Tx,
    target: ContentRef,
    content: &ContentFacts,
    report: &ReportInput,
    threshold: i64,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    if content.author_is_staff {
        return Ok(false);
    }
    let weighty = db::count_weighty_reporters(tx, target, now - Duration::hours(24)).await?;
    if weighty < threshold || !db::hide(tx, target, now).await? {
        return Ok(false);
    }
    let text = content.text(target);
    let rule = DecisionRule::from(report.reason);
    let entry = NewLogEntry {
        actor_id: None,
        action: LogAction::Hide,
        target: Some(target),
        subject_id: Some(content.author_id),
        rule: Some(rule.as_str()),
        reason: None,
        excerpt: Some(&excerpt(&text)),
    };
    let log_id = db::append_log(tx, &entry, now).await?;
    db::insert_notice(tx, content.author_id, log_id, NoticeAudience::Author, now).await?;
    let reason = DecisionReason { rule, text: None };
    let outcome = AuthorTold {
        hidden: true,
        automatic: true,
    };
    tell_author(state, tx, content.author_id, outcome, &reason, &text, now).await?;
    Ok(true)
}

/// How a decision on several items went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DecisionOutcome {
    pub decided: usize,
    /// Items decided by someone else meanwhile, or that `staff` may not decide.
    pub skipped: usize,
}

/// `staff` (moderator or admin) decides on `targets` with one reason. Each item is decided
/// in its own transaction, so one item decided meanwhile by someone else does not undo the
/// others. A single item that cannot be decided is an error the form shows.
pub async fn decide(
    state: &AppState,
    staff: &UserRow,
    targets: &[ContentRef],
    decision: Decision,
    rule_raw: &str,
    reason_raw: &str,
    now: DateTime<Utc>,
) -> Result<DecisionOutcome, AppError> {
    if targets.is_empty() {
        return Err(AppError::invalid("form", ValidationError::NothingSelected));
    }
    let reason = parse_decision_reason(rule_raw, reason_raw).map_err(AppError::Validation)?;
    let mut outcome = DecisionOutcome {
        decided: 0,
        skipped: 0,
    };
    let mut mailed = false;
    for &target in targets {
        match decide_one(state, staff, target, decision, &reason, now).await {
            Ok(sent_mail) => {
                outcome.decided += 1;
                mailed |= sent_mail;
            }
            Err(error) if targets.len() == 1 => return Err(error),
            Err(AppError::Validation(_) | AppError::NotFound) => outcome.skipped += 1,
            Err(other) => return Err(other),
        }
    }
    if mailed {
        state.mail_signal.wake();
    }
    Ok(outcome)
}

/// One decision in one transaction; `true` when it queued mail.
async fn decide_one(
    state: &AppState,
    staff: &UserRow,
    target: ContentRef,
    decision: Decision,
    reason: &DecisionReason,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let mut tx = state.db.begin().await?;
    let content = db::find_content(&mut tx, target).await?;
    if content.author_id == staff.id || db::has_reported(&mut tx, staff.id, target).await? {
        return Err(AppError::invalid(
            "form",
            ValidationError::ConflictOfInterest,
        ));
    }
    // Hidden automatically and waiting: "hide" confirms it, "keep" shows it again.
    let pending = content.hidden && db::has_open_reports(&mut tx, target).await?;
    // The conditional writes decide who wins when two moderators act at once: the second
    // finds the item hidden (restored) already, or no open report left.
    let (changed, visibility_changed) = match decision {
        Decision::Hide if pending => (true, false),
        Decision::Hide => {
            let hidden = db::hide(&mut tx, target, now).await?;
            (hidden, hidden)
        }
        Decision::Keep if pending => {
            let restored = db::restore(&mut tx, target).await?;
            (restored, restored)
        }
        Decision::Keep => (true, false),
        Decision::Restore => {
            let restored = db::restore(&mut tx, target).await?;
            (restored, restored)
        }
    };
    if !changed {
        return Err(AppError::invalid("form", ValidationError::AlreadyDecided));
    }
    let text = content.text(target);
    let entry = NewLogEntry {
        actor_id: Some(staff.id),
        action: decision.log_action(),
        target: Some(target),
        subject_id: Some(content.author_id),
        rule: Some(reason.rule.as_str()),
        reason: reason.text.as_deref(),
        excerpt: Some(&excerpt(&text)),
    };
    let log_id = db::append_log(&mut tx, &entry, now).await?;
    let reporters = db::close_reports(&mut tx, target, log_id, now).await?;
    if (decision == Decision::Keep || pending) && reporters.is_empty() {
        // Nothing was open (any more): keeping, or deciding on an automatic hide, is a
        // decision on reports.
        return Err(AppError::invalid("form", ValidationError::AlreadyDecided));
    }
    for reporter in reporters {
        db::insert_notice(&mut tx, reporter, log_id, NoticeAudience::Reporter, now).await?;
    }
    // The author hears of every change of what others see, and of a confirmed automatic
    // hide.
    let told = visibility_changed || pending;
    if told {
        db::insert_notice(
            &mut tx,
            content.author_id,
            log_id,
            NoticeAudience::Author,
            now,
        )
        .await?;
        let outcome = AuthorTold {
            hidden: decision == Decision::Hide,
            automatic: false,
        };
        tell_author(
            state,
            &mut tx,
            content.author_id,
            outcome,
            reason,
            &text,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(told)
}

/// What an author is told: their content is hidden (or visible again), by a person or by
/// the reports themselves.
#[derive(Clone, Copy)]
pub(super) struct AuthorTold {
    pub hidden: bool,
    pub automatic: bool,
}

/// The statement of reasons by mail. It goes out whatever the author's notification
/// settings: it is owed, not subscribed to.
pub(super) async fn tell_author(
    state: &AppState,
    tx: &mut Tx,
    author_id: i64,
    outcome: AuthorTold,
    reason: &DecisionReason,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let author = users::find_user_by_id_in(tx, author_id).await?;
    let notices = state.settings.base_url.join("/benachrichtigungen").ok();
    let decided = moderation_mails::Decided {
        hidden: outcome.hidden,
        automatic: outcome.automatic,
        excerpt: &excerpt(text),
        at: now,
    };
    let notices = notices.as_ref().map(|u| u.as_str());
    let mail = moderation_mails::decision_mail(
        author.mail_locale(),
        &author.display_name,
        &decided,
        reason,
        notices.unwrap_or("/benachrichtigungen"),
    );
    mail::queue(tx, Some(author.id), &author.email, &mail, now).await
}

/// One page of the queue.
pub async fn queue(
    state: &AppState,
    filter: &QueueFilter,
    after: Option<QueueCursor>,
) -> Result<QueuePage, AppError> {
    let mut items = db::queue_page(&state.db, filter, after.as_ref(), QUEUE_PAGE_SIZE + 1).await?;
    let next = if items.len() as i64 > QUEUE_PAGE_SIZE {
        items.truncate(QUEUE_PAGE_SIZE as usize);
        items.last().map(|last| QueueCursor {
            pending: last.pending,
            reports: last.reports.len() as i64,
            oldest: last.oldest,
            target: last.target,
        })
    } else {
        None
    };
    Ok(QueuePage { items, next })
}

/// One item for `staff` to decide on, with what was decided before.
pub async fn review(
    state: &AppState,
    staff: &UserRow,
    target: ContentRef,
) -> Result<ItemReview, AppError> {
    let item = db::find_item(&state.db, target).await?;
    let history = db::item_history(&state.db, target).await?;
    let mut tx = state.db.begin().await?;
    let content = db::find_content(&mut tx, target).await?;
    let conflicted =
        content.author_id == staff.id || db::has_reported(&mut tx, staff.id, target).await?;
    tx.commit().await?;
    Ok(ItemReview {
        item,
        history,
        viewer_may_decide: !conflicted,
    })
}
