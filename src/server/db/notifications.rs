//! Notifications: who hears of an event, the in-app list, mail preferences and digests.

use super::ideas::stored_time;
use super::{shown_name, with_pool, with_tx, Db, DbError, Tx};
use crate::domain::notifications::{Delivery, DigestPeriod, NotificationKind, NotificationView};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

/// Who is told of an event, before excluding the person who caused it.
#[derive(Debug, Clone, Copy)]
pub enum Audience {
    /// Everyone following the idea.
    IdeaFollowers(i64),
    /// The idea's author, followers and supporters.
    IdeaFollowersSupportersAndAuthor(i64),
    /// Everyone following the project.
    ProjectFollowers(i64),
    /// One person (the author of the comment replied to).
    Person(i64),
}

impl Audience {
    fn subquery(self) -> &'static str {
        match self {
            Audience::IdeaFollowers(_) => "SELECT user_id FROM idea_follows WHERE idea_id = $1",
            Audience::IdeaFollowersSupportersAndAuthor(_) => {
                "SELECT user_id FROM idea_follows WHERE idea_id = $1 \
                 UNION SELECT user_id FROM votes WHERE idea_id = $1 \
                 UNION SELECT author_id FROM ideas WHERE id = $1"
            }
            Audience::ProjectFollowers(_) => {
                "SELECT user_id FROM project_follows WHERE project_id = $1"
            }
            Audience::Person(_) => "SELECT id FROM users WHERE id = $1",
        }
    }

    fn id(self) -> i64 {
        match self {
            Audience::IdeaFollowers(id)
            | Audience::IdeaFollowersSupportersAndAuthor(id)
            | Audience::ProjectFollowers(id)
            | Audience::Person(id) => id,
        }
    }
}

/// A person to notify, with how they want to hear of this kind of event.
#[derive(FromRow, Debug)]
pub struct Recipient {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub locale: String,
    delivery: String,
}

impl Recipient {
    pub fn delivery(&self) -> Delivery {
        self.delivery.parse().unwrap_or_default()
    }
}

/// The audience of an event, without `excluded` (the actor; people told otherwise), without
/// blocked accounts and without unconfirmed addresses (double opt-in). One query.
pub async fn recipients(
    tx: &mut Tx,
    audience: Audience,
    kind: NotificationKind,
    excluded: &[i64; 2],
) -> Result<Vec<Recipient>, DbError> {
    let sql = format!(
        "SELECT u.id, u.email, u.display_name, u.locale, \
                COALESCE(np.delivery, 'immediate') AS delivery \
           FROM users u \
           LEFT JOIN notification_preferences np ON np.user_id = u.id AND np.kind = $2 \
          WHERE u.id IN ({}) AND u.id <> $3 AND u.id <> $4 AND u.blocked_at IS NULL \
            AND u.email_verified_at IS NOT NULL \
          ORDER BY u.id",
        audience.subquery()
    );
    Ok(with_tx!(tx, conn => {
        sqlx::query_as(&sql)
            .bind(audience.id())
            .bind(kind.as_str())
            .bind(excluded[0])
            .bind(excluded[1])
            .fetch_all(conn)
            .await?
    }))
}

/// What an event is about.
#[derive(Debug, Clone, Copy, Default)]
pub struct Subject {
    pub actor_id: Option<i64>,
    pub idea_id: Option<i64>,
    pub comment_id: Option<i64>,
    pub project_id: Option<i64>,
}

/// Stores one in-app notification. `mail_settled` says the mail question is answered
/// (mailed now, or no mail wanted), so that no digest picks it up later.
pub async fn insert_notification(
    tx: &mut Tx,
    user_id: i64,
    kind: NotificationKind,
    subject: &Subject,
    mail_settled: bool,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let now = stored_time(now);
    with_tx!(tx, conn => {
        sqlx::query(
            "INSERT INTO notifications (user_id, kind, actor_id, idea_id, comment_id, \
                    project_id, created_at, emailed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(user_id)
        .bind(kind.as_str())
        .bind(subject.actor_id)
        .bind(subject.idea_id)
        .bind(subject.comment_id)
        .bind(subject.project_id)
        .bind(now)
        .bind(mail_settled.then_some(now))
        .execute(conn)
        .await?;
    });
    Ok(())
}

#[derive(FromRow)]
struct NotificationRow {
    id: i64,
    kind: NotificationKind,
    actor: Option<String>,
    idea_id: Option<i64>,
    idea_title: Option<String>,
    comment_id: Option<i64>,
    project_title: Option<String>,
    created_at: DateTime<Utc>,
    read_at: Option<DateTime<Utc>>,
    hidden: bool,
}

impl NotificationRow {
    /// The view; of a notification about hidden content only its kind and time leave the
    /// database layer (no title, no name, no link).
    fn into_view(self) -> Result<NotificationView, DbError> {
        let shown = !self.hidden;
        Ok(NotificationView {
            kind: self.kind,
            id: self.id,
            actor: self.actor.filter(|_| shown),
            idea_id: self.idea_id.filter(|_| shown),
            idea_title: self.idea_title.filter(|_| shown),
            comment_id: self.comment_id.filter(|_| shown),
            project_title: self.project_title.filter(|_| shown),
            created_at: self.created_at,
            read: self.read_at.is_some(),
            hidden: self.hidden,
        })
    }
}

/// The columns of a notification row, read `FROM notifications n` (the list: a notification
/// about hidden content stays as a placeholder) or `FROM visible_notifications n` (digests:
/// never about hidden content). `hidden` asks the one definition of visible.
const NOTIFICATION_COLUMNS: &str = concat!(
    "n.id, n.kind, ",
    shown_name!("a"),
    " AS actor, n.idea_id, \
        i.title AS idea_title, n.comment_id, p.title AS project_title, n.created_at, n.read_at, \
        NOT EXISTS (SELECT 1 FROM visible_notifications v WHERE v.id = n.id) AS hidden"
);
const NOTIFICATION_JOINS: &str = "LEFT JOIN users a ON a.id = n.actor_id \
     LEFT JOIN ideas i ON i.id = n.idea_id \
     LEFT JOIN projects p ON p.id = n.project_id";

/// The newest notifications of a person (one query).
pub async fn list_notifications(
    db: &Db,
    user_id: i64,
    limit: i64,
) -> Result<Vec<NotificationView>, DbError> {
    let sql = format!(
        "SELECT {NOTIFICATION_COLUMNS} FROM notifications n {NOTIFICATION_JOINS} \
         WHERE n.user_id = $1 \
         ORDER BY n.created_at DESC, n.id DESC LIMIT $2"
    );
    let rows: Vec<NotificationRow> = with_pool!(db, pool => {
        sqlx::query_as(&sql).bind(user_id).bind(limit).fetch_all(pool).await?
    });
    rows.into_iter().map(NotificationRow::into_view).collect()
}

/// The header's unread badge: notifications and moderation notices, in one query (it runs
/// on every page a signed-in person loads).
pub async fn count_unread(db: &Db, user_id: i64) -> Result<i64, DbError> {
    Ok(with_pool!(db, pool => {
        sqlx::query_scalar(
            "SELECT (SELECT count(*) FROM visible_notifications \
                      WHERE user_id = $1 AND read_at IS NULL) \
                  + (SELECT count(*) FROM moderation_notices \
                      WHERE user_id = $1 AND read_at IS NULL)",
        )
        .bind(user_id)
        .fetch_one(pool)
        .await?
    }))
}

/// Marks one notification (or, with `None`, all) of `user_id` as read.
pub async fn mark_read(
    tx: &mut Tx,
    user_id: i64,
    id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query(
            "UPDATE notifications SET read_at = $3 \
             WHERE user_id = $1 AND read_at IS NULL AND ($2 IS NULL OR id = $2)",
        )
        .bind(user_id)
        .bind(id)
        .bind(stored_time(now))
        .execute(conn)
        .await?;
    });
    Ok(())
}

/// Each kind's delivery for a person (the default where nothing was chosen).
pub async fn deliveries(
    db: &Db,
    user_id: i64,
) -> Result<Vec<(NotificationKind, Delivery)>, DbError> {
    let stored: Vec<(String, String)> = with_pool!(db, pool => {
        sqlx::query_as("SELECT kind, delivery FROM notification_preferences WHERE user_id = $1")
            .bind(user_id)
            .fetch_all(pool)
            .await?
    });
    Ok(NotificationKind::ALL
        .into_iter()
        .map(|kind| {
            let delivery = stored
                .iter()
                .find(|(k, _)| k == kind.as_str())
                .and_then(|(_, d)| d.parse().ok())
                .unwrap_or_default();
            (kind, delivery)
        })
        .collect())
}

pub async fn set_delivery(
    tx: &mut Tx,
    user_id: i64,
    kind: NotificationKind,
    delivery: Delivery,
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query(
            "INSERT INTO notification_preferences (user_id, kind, delivery) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery",
        )
        .bind(user_id)
        .bind(kind.as_str())
        .bind(delivery.as_str())
        .execute(conn)
        .await?;
    });
    Ok(())
}

pub async fn set_follow_flags(
    tx: &mut Tx,
    user_id: i64,
    on_comment: bool,
    on_vote: bool,
) -> Result<(), DbError> {
    with_tx!(tx, conn => {
        sqlx::query("UPDATE users SET follow_on_comment = $2, follow_on_vote = $3 WHERE id = $1")
            .bind(user_id)
            .bind(on_comment)
            .bind(on_vote)
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// People with notifications waiting for a digest of `period` (their choice for that kind).
pub async fn digest_recipients(db: &Db, period: DigestPeriod) -> Result<Vec<Recipient>, DbError> {
    const SQL: &str = "SELECT u.id, u.email, u.display_name, u.locale, np.delivery \
         FROM users u JOIN notification_preferences np ON np.user_id = u.id \
         WHERE np.delivery = $1 AND u.blocked_at IS NULL AND u.email_verified_at IS NOT NULL \
           AND EXISTS ( \
               SELECT 1 FROM notifications n \
                WHERE n.user_id = u.id AND n.kind = np.kind AND n.emailed_at IS NULL) \
         GROUP BY u.id, u.email, u.display_name, u.locale, np.delivery \
         ORDER BY u.id";
    Ok(with_pool!(db, pool => {
        sqlx::query_as(SQL).bind(period.delivery().as_str()).fetch_all(pool).await?
    }))
}

/// Records that `user_id`'s digest for the period starting `start` is being sent; `false`
/// when it was already (the primary key guarantees once per period, across instances).
pub async fn claim_digest(
    tx: &mut Tx,
    user_id: i64,
    period: DigestPeriod,
    start: NaiveDate,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let inserted = with_tx!(tx, conn => {
        sqlx::query(
            "INSERT INTO digests (user_id, period, period_start, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, period, period_start) DO NOTHING",
        )
        .bind(user_id)
        .bind(period.as_str())
        // The Berlin date, stored as its midnight in UTC (a timestamp column on PostgreSQL).
        .bind(start.and_time(chrono::NaiveTime::MIN).and_utc())
        .bind(stored_time(now))
        .execute(conn)
        .await?
        .rows_affected()
    });
    Ok(inserted == 1)
}

/// The notifications a digest of `period` collects for `user_id`, oldest first, and marks
/// them mailed in the same transaction.
pub async fn take_digest_items(
    tx: &mut Tx,
    user_id: i64,
    period: DigestPeriod,
    now: DateTime<Utc>,
) -> Result<Vec<NotificationView>, DbError> {
    let sql = format!(
        "SELECT {NOTIFICATION_COLUMNS} FROM visible_notifications n {NOTIFICATION_JOINS} \
         JOIN notification_preferences np ON np.user_id = n.user_id AND np.kind = n.kind \
         WHERE n.user_id = $1 AND n.emailed_at IS NULL AND np.delivery = $2 \
         ORDER BY n.created_at, n.id"
    );
    let rows: Vec<NotificationRow> = with_tx!(tx, conn => {
        sqlx::query_as(&sql)
            .bind(user_id)
            .bind(period.delivery().as_str())
            .fetch_all(conn)
            .await?
    });
    let items = rows
        .into_iter()
        .map(NotificationRow::into_view)
        .collect::<Result<Vec<_>, _>>()?;
    for item in &items {
        with_tx!(tx, conn => {
            sqlx::query("UPDATE notifications SET emailed_at = $2 WHERE id = $1")
                .bind(item.id)
                .bind(stored_time(now))
                .execute(conn)
                .await?;
        });
    }
    Ok(items)
}
