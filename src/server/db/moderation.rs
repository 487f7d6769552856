//! Moderation's tables: reports, the append-only log, the notices, and the only writes of
//! `hidden_at`. Visibility itself is defined once, by the `visible_*` views (migration 0007)
//! that every read uses.

use super::comments::move_comment_count;
use super::ideas::stored_time;
use super::outbox::withdraw_unsent_about;
use super::{bind_all, shown_name, with_pool, with_tx, Bind, Db, DbError, FilteredSql, Tx};
use crate::domain::content::ContentRef;
use crate::domain::moderation::{
    DecisionRule, HeldItem, LogAction, LogEntry, ModerationNotice, NoticeAudience, QueueCursor,
    QueueFilter, QueueItem, ReportInput, ReportReason, ReportView,
};
use chrono::{DateTime, Utc};
use sqlx::FromRow;

/// Hides `content`; `false` (and no change) when it was hidden already or does not exist.
/// A hidden comment stops counting in its idea's `comment_count`, and the unsent mails about
/// it are withdrawn (digests and the in-app list read the `visible_*` views anyway).
pub async fn hide(tx: &mut Tx, content: ContentRef, now: DateTime<Utc>) -> Result<bool, DbError> {
    let hidden = set_hidden(tx, content, Some(stored_time(now))).await?;
    if hidden {
        withdraw_unsent_about(tx, content).await?;
    }
    Ok(hidden)
}

/// Shows hidden `content` again; `false` when it was not hidden.
pub async fn restore(tx: &mut Tx, content: ContentRef) -> Result<bool, DbError> {
    set_hidden(tx, content, None).await
}

/// One conditional update per change, so two moderators acting at once change (and count)
/// it once.
async fn set_hidden(
    tx: &mut Tx,
    content: ContentRef,
    hidden_at: Option<DateTime<Utc>>,
) -> Result<bool, DbError> {
    let hiding = hidden_at.is_some();
    let condition = if hiding {
        "hidden_at IS NULL"
    } else {
        "hidden_at IS NOT NULL"
    };
    // Shown again by any decision, a held contribution is no longer waiting.
    let released = if hiding { "" } else { ", held_at = NULL" };
    match content {
        ContentRef::Idea(id) => {
            let sql =
                format!("UPDATE ideas SET hidden_at = $2{released} WHERE id = $1 AND {condition}");
            let changed = with_tx!(tx, conn => {
                sqlx::query(&sql).bind(id).bind(hidden_at).execute(conn).await?.rows_affected()
            });
            Ok(changed == 1)
        }
        ContentRef::Comment(id) => {
            let sql = format!(
                "UPDATE comments SET hidden_at = $2{released} WHERE id = $1 AND {condition} \
                 RETURNING idea_id, deleted_at IS NULL AS counted"
            );
            let changed: Option<(i64, bool)> = with_tx!(tx, conn => {
                sqlx::query_as(&sql).bind(id).bind(hidden_at).fetch_optional(conn).await?
            });
            match changed {
                Some((idea_id, counted)) => {
                    if counted {
                        move_comment_count(tx, idea_id, if hiding { -1 } else { 1 }).await?;
                    }
                    Ok(true)
                }
                None => Ok(false),
            }
        }
    }
}

/// The table and id of `content`.
fn table_of(content: ContentRef) -> (&'static str, i64) {
    match content {
        ContentRef::Idea(id) => ("ideas", id),
        ContentRef::Comment(id) => ("comments", id),
    }
}

/// Holds new `content` for approval: hidden as by a moderator (no read shows it, a comment
/// does not count), and marked as waiting.
pub async fn hold(tx: &mut Tx, content: ContentRef, now: DateTime<Utc>) -> Result<(), DbError> {
    hide(tx, content, now).await?;
    let (table, id) = table_of(content);
    let sql = format!("UPDATE {table} SET held_at = $2 WHERE id = $1");
    with_tx!(tx, conn => {
        sqlx::query(&sql).bind(id).bind(stored_time(now)).execute(conn).await?;
    });
    Ok(())
}

/// Ends the wait of held `content`: `approve` shows it, otherwise it stays hidden. `false`
/// when it was not waiting (any more): decided by someone else a moment ago.
pub async fn release(tx: &mut Tx, content: ContentRef, approve: bool) -> Result<bool, DbError> {
    let (table, id) = table_of(content);
    let sql = format!("UPDATE {table} SET held_at = NULL WHERE id = $1 AND held_at IS NOT NULL");
    let changed = with_tx!(tx, conn => {
        sqlx::query(&sql).bind(id).execute(conn).await?.rows_affected()
    });
    if changed == 1 && approve {
        restore(tx, content).await?;
    }
    Ok(changed == 1)
}

/// How many ideas and comments `author_id` has written (deleted and hidden ones too).
pub async fn count_contributions(tx: &mut Tx, author_id: i64) -> Result<i64, DbError> {
    const SQL: &str = "SELECT (SELECT count(*) FROM ideas WHERE author_id = $1) \
        + (SELECT count(*) FROM comments WHERE author_id = $1)";
    Ok(with_tx!(tx, conn => sqlx::query_scalar(SQL).bind(author_id).fetch_one(conn).await?))
}

#[derive(FromRow)]
struct HeldRow {
    target_idea: Option<i64>,
    target_comment: Option<i64>,
    idea_id: i64,
    idea_title: String,
    body_md: String,
    author: String,
    held_at: DateTime<Utc>,
}

/// The contributions waiting for approval, oldest first, in one query.
pub async fn held_items(db: &Db, limit: i64) -> Result<Vec<HeldItem>, DbError> {
    const SQL: &str = concat!(
        "SELECT i.id AS target_idea, CAST(NULL AS BIGINT) AS target_comment, i.id AS idea_id, \
                i.title AS idea_title, i.body_md, ",
        shown_name!("u"),
        " AS author, i.held_at \
           FROM ideas i JOIN users u ON u.id = i.author_id WHERE i.held_at IS NOT NULL \
         UNION ALL \
         SELECT CAST(NULL AS BIGINT), c.id, c.idea_id, i.title, c.body_md, ",
        shown_name!("u"),
        ", c.held_at \
           FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id \
          WHERE c.held_at IS NOT NULL AND c.deleted_at IS NULL \
         ORDER BY held_at, target_idea, target_comment LIMIT $1"
    );
    let rows: Vec<HeldRow> =
        with_pool!(db, pool => sqlx::query_as(SQL).bind(limit).fetch_all(pool).await?);
    rows.into_iter()
        .map(|row| {
            let target = ContentRef::from_columns(row.target_idea, row.target_comment)
                .ok_or(DbError::NotFound)?;
            let text = match target {
                ContentRef::Idea(_) => format!("{}\n\n{}", row.idea_title, row.body_md),
                ContentRef::Comment(_) => row.body_md,
            };
            Ok(HeldItem {
                target,
                idea_id: row.idea_id,
                idea_title: row.idea_title,
                author: row.author,
                text,
                held_at: row.held_at,
            })
        })
        .collect()
}

/// What reporting and deciding need to know about an idea or a comment, hidden or not.
#[derive(FromRow)]
pub struct ContentFacts {
    pub author_id: i64,
    /// The idea the content is (on).
    pub idea_id: i64,
    pub idea_title: String,
    pub body_md: String,
    /// Hidden itself, or (a comment) on a hidden idea.
    pub hidden: bool,
    pub deleted: bool,
    /// Staff content is never hidden automatically.
    pub author_is_staff: bool,
}

impl ContentFacts {
    /// The reported text: an idea's title and body, a comment's body.
    pub fn text(&self, target: ContentRef) -> String {
        match target {
            ContentRef::Idea(_) => format!("{}\n\n{}", self.idea_title, self.body_md),
            ContentRef::Comment(_) => self.body_md.clone(),
        }
    }
}

pub async fn find_content(tx: &mut Tx, target: ContentRef) -> Result<ContentFacts, DbError> {
    let (sql, id) = match target {
        ContentRef::Idea(id) => (
            "SELECT i.author_id, i.id AS idea_id, i.title AS idea_title, i.body_md, \
                    i.hidden_at IS NOT NULL AS hidden, FALSE AS deleted, \
                    u.role IN ('moderator', 'admin') AS author_is_staff \
               FROM ideas i JOIN users u ON u.id = i.author_id WHERE i.id = $1",
            id,
        ),
        ContentRef::Comment(id) => (
            "SELECT c.author_id, c.idea_id, i.title AS idea_title, c.body_md, \
                    (c.hidden_at IS NOT NULL OR i.hidden_at IS NOT NULL) AS hidden, \
                    c.deleted_at IS NOT NULL AS deleted, \
                    u.role IN ('moderator', 'admin') AS author_is_staff \
               FROM comments c JOIN ideas i ON i.id = c.idea_id \
               JOIN users u ON u.id = c.author_id WHERE c.id = $1",
            id,
        ),
    };
    Ok(with_tx!(tx, conn => sqlx::query_as(sql).bind(id).fetch_one(conn).await?))
}

/// Files a report; `false` when the reporter has an open report on the item already (the
/// partial unique indexes decide, also for two requests at the same moment).
pub async fn insert_report(
    tx: &mut Tx,
    reporter_id: i64,
    target: ContentRef,
    report: &ReportInput,
    snapshot: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    const SQL: &str = "INSERT INTO reports (reporter_id, idea_id, comment_id, reason, note, \
         snapshot, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING";
    let (idea_id, comment_id) = target.columns();
    let inserted = with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(reporter_id)
            .bind(idea_id)
            .bind(comment_id)
            .bind(report.reason.as_str())
            .bind(report.note.as_deref())
            .bind(snapshot)
            .bind(stored_time(now))
            .execute(conn)
            .await?
            .rows_affected()
    });
    Ok(inserted == 1)
}

/// Reports `reporter_id` filed since `since` (the hourly limit).
pub async fn count_reports_since(
    tx: &mut Tx,
    reporter_id: i64,
    since: DateTime<Utc>,
) -> Result<i64, DbError> {
    const SQL: &str = "SELECT count(*) FROM reports WHERE reporter_id = $1 AND created_at >= $2";
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL).bind(reporter_id).bind(stored_time(since)).fetch_one(conn).await?
    }))
}

/// The distinct reporters of `target`'s open reports whose reports count for automatic
/// hiding: verified accounts created before `created_before`.
pub async fn count_weighty_reporters(
    tx: &mut Tx,
    target: ContentRef,
    created_before: DateTime<Utc>,
) -> Result<i64, DbError> {
    const SQL: &str = "SELECT count(DISTINCT r.reporter_id) FROM reports r \
         JOIN users u ON u.id = r.reporter_id \
         WHERE (r.idea_id = $1 OR r.comment_id = $2) AND r.decided_at IS NULL \
           AND u.email_verified_at IS NOT NULL AND u.created_at <= $3";
    let (idea_id, comment_id) = target.columns();
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL)
            .bind(idea_id)
            .bind(comment_id)
            .bind(stored_time(created_before))
            .fetch_one(conn)
            .await?
    }))
}

/// Whether `target` has open reports.
pub async fn has_open_reports(tx: &mut Tx, target: ContentRef) -> Result<bool, DbError> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM reports WHERE decided_at IS NULL \
         AND (idea_id = $1 OR comment_id = $2))";
    let (idea_id, comment_id) = target.columns();
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL).bind(idea_id).bind(comment_id).fetch_one(conn).await?
    }))
}

/// Whether `user_id` ever reported the item (then they may not decide on it).
pub async fn has_reported(tx: &mut Tx, user_id: i64, target: ContentRef) -> Result<bool, DbError> {
    const SQL: &str = "SELECT EXISTS (SELECT 1 FROM reports WHERE reporter_id = $1 \
         AND (idea_id = $2 OR comment_id = $3))";
    let (idea_id, comment_id) = target.columns();
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL).bind(user_id).bind(idea_id).bind(comment_id).fetch_one(conn).await?
    }))
}

/// One new entry of the log.
pub struct NewLogEntry<'a> {
    /// `None` for what nobody decided (a block that ended by its date).
    pub actor_id: Option<i64>,
    pub action: LogAction,
    pub target: Option<ContentRef>,
    pub subject_id: Option<i64>,
    pub rule: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub excerpt: Option<&'a str>,
}

/// Appends to the log (the only write it ever gets) and returns the entry's id.
pub async fn append_log(
    tx: &mut Tx,
    entry: &NewLogEntry<'_>,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    const SQL: &str = "INSERT INTO moderation_log (actor_id, action, idea_id, comment_id, \
         subject_id, rule, reason, excerpt, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    let (idea_id, comment_id) = entry.target.map(ContentRef::columns).unwrap_or_default();
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(SQL)
            .bind(entry.actor_id)
            .bind(entry.action.as_str())
            .bind(idea_id)
            .bind(comment_id)
            .bind(entry.subject_id)
            .bind(entry.rule)
            .bind(entry.reason)
            .bind(entry.excerpt)
            .bind(stored_time(now))
            .fetch_one(conn)
            .await?
    }))
}

/// Closes the open reports on `target` with the decision `log_id`, and returns their
/// reporters. A conditional update: of two moderators deciding at once, the second finds
/// nothing left to close.
pub async fn close_reports(
    tx: &mut Tx,
    target: ContentRef,
    log_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, DbError> {
    let sql = match target {
        ContentRef::Idea(_) => {
            "UPDATE reports SET decided_at = $2, decision_id = $3 \
             WHERE idea_id = $1 AND decided_at IS NULL RETURNING reporter_id"
        }
        ContentRef::Comment(_) => {
            "UPDATE reports SET decided_at = $2, decision_id = $3 \
             WHERE comment_id = $1 AND decided_at IS NULL RETURNING reporter_id"
        }
    };
    let id = match target {
        ContentRef::Idea(id) | ContentRef::Comment(id) => id,
    };
    Ok(with_tx!(tx, conn => {
        sqlx::query_scalar(sql)
            .bind(id)
            .bind(stored_time(now))
            .bind(log_id)
            .fetch_all(conn)
            .await?
    }))
}

/// Tells `user_id` about the decision `log_id`.
pub async fn insert_notice(
    tx: &mut Tx,
    user_id: i64,
    log_id: i64,
    audience: NoticeAudience,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str = "INSERT INTO moderation_notices (user_id, log_id, audience, created_at) \
         VALUES ($1, $2, $3, $4)";
    with_tx!(tx, conn => {
        sqlx::query(SQL)
            .bind(user_id)
            .bind(log_id)
            .bind(audience.as_str())
            .bind(stored_time(now))
            .execute(conn)
            .await?;
    });
    Ok(())
}

/// One row per open report of the page's items, in the queue's order.
#[derive(FromRow)]
struct QueueRow {
    target_idea: Option<i64>,
    target_comment: Option<i64>,
    oldest: DateTime<Utc>,
    idea_id: i64,
    idea_title: String,
    idea_body: String,
    comment_body: Option<String>,
    project_title: Option<String>,
    hidden: bool,
    author_id: i64,
    author: String,
    reason: Option<String>,
    note: Option<String>,
    snapshot: Option<String>,
    reported_at: Option<DateTime<Utc>>,
}

/// The item and report columns of a queue row, from `items it` (the page's items) and their
/// open reports. Two joins, one per kind, instead of one with `OR`: each uses its partial
/// unique index (an `OR` scanned every open report once per item: 6 ms instead of 2 ms at
/// 1,000 open reports).
const QUEUE_ROW_COLUMNS: &str = concat!(
    "SELECT it.idea_id AS target_idea, \
        it.comment_id AS target_comment, it.oldest, i.id AS idea_id, i.title AS idea_title, \
        i.body_md AS idea_body, c.body_md AS comment_body, p.title AS project_title, \
        CASE WHEN it.comment_id IS NULL THEN i.hidden_at IS NOT NULL \
             ELSE (c.hidden_at IS NOT NULL OR i.hidden_at IS NOT NULL) END AS hidden, \
        a.id AS author_id, ",
    shown_name!("a"),
    " AS author, \
        COALESCE(rc.reason, ri.reason) AS reason, COALESCE(rc.note, ri.note) AS note, \
        COALESCE(rc.snapshot, ri.snapshot) AS snapshot, \
        COALESCE(rc.created_at, ri.created_at) AS reported_at, \
        COALESCE(rc.id, ri.id) AS report_id \
     FROM items it \
     JOIN ideas i ON i.id = it.place_id \
     LEFT JOIN comments c ON c.id = it.comment_id \
     JOIN users a ON a.id = COALESCE(c.author_id, i.author_id) \
     LEFT JOIN projects p ON p.id = i.project_id \
     LEFT JOIN reports rc ON rc.comment_id = it.comment_id AND rc.decided_at IS NULL \
     LEFT JOIN reports ri ON ri.idea_id = it.idea_id AND ri.decided_at IS NULL"
);

/// One page of the queue: reported items with their open reports, most reports first, then
/// the longest waiting, in one query.
pub async fn queue_page(
    db: &Db,
    filter: &QueueFilter,
    after: Option<&QueueCursor>,
    limit: i64,
) -> Result<Vec<QueueItem>, DbError> {
    let mut sql = FilteredSql::new(
        "WITH open_items AS ( \
            SELECT idea_id, comment_id, count(*) AS reports, min(created_at) AS oldest \
              FROM reports WHERE decided_at IS NULL GROUP BY idea_id, comment_id \
         ), items AS ( \
            SELECT o.idea_id, o.comment_id, o.reports, o.oldest, \
                   COALESCE(o.idea_id, oc.idea_id) AS place_id, \
                   CASE WHEN oi.hidden_at IS NOT NULL OR oc.hidden_at IS NOT NULL THEN 1 \
                        ELSE 0 END AS pending \
              FROM open_items o \
              LEFT JOIN comments oc ON oc.id = o.comment_id \
              JOIN ideas oi ON oi.id = COALESCE(o.idea_id, oc.idea_id) \
             WHERE TRUE",
    );
    match filter.ideas {
        Some(true) => sql.push_str(" AND o.comment_id IS NULL"),
        Some(false) => sql.push_str(" AND o.comment_id IS NOT NULL"),
        None => {}
    }
    if let Some(reason) = filter.reason {
        sql.push(
            " AND EXISTS (SELECT 1 FROM reports x WHERE x.decided_at IS NULL AND x.reason = ? \
               AND (x.idea_id = o.idea_id OR x.comment_id = o.comment_id))",
            [Bind::Text(reason.as_str().to_owned())],
        );
    }
    if let Some(project_id) = filter.project_id {
        sql.push(" AND oi.project_id = ?", [Bind::Int(project_id)]);
    }
    // Open reports on hidden content: it was hidden automatically and waits for review.
    const PENDING: &str = "(CASE WHEN oi.hidden_at IS NOT NULL OR oc.hidden_at IS NOT NULL \
         THEN 1 ELSE 0 END)";
    if filter.pending_only {
        sql.push_str(&format!(" AND {PENDING} = 1"));
    }
    if let Some(cursor) = after {
        let (idea, comment) = cursor.target.columns();
        let pending = i64::from(cursor.pending);
        sql.push(
            &format!(
                " AND ({PENDING} < ? OR ({PENDING} = ? AND \
                 (o.reports < ? OR (o.reports = ? AND (o.oldest > ? OR (o.oldest = ? AND \
                 (COALESCE(o.idea_id, 0), COALESCE(o.comment_id, 0)) > (?, ?)))))))"
            ),
            [
                Bind::Int(pending),
                Bind::Int(pending),
                Bind::Int(cursor.reports),
                Bind::Int(cursor.reports),
                Bind::Time(stored_time(cursor.oldest)),
                Bind::Time(stored_time(cursor.oldest)),
                Bind::Int(idea.unwrap_or(0)),
                Bind::Int(comment.unwrap_or(0)),
            ],
        );
    }
    sql.push_str(&format!(
        " ORDER BY {PENDING} DESC, o.reports DESC, o.oldest, COALESCE(o.idea_id, 0), \
         COALESCE(o.comment_id, 0) LIMIT {limit}) "
    ));
    sql.push_str(QUEUE_ROW_COLUMNS);
    sql.push_str(
        " ORDER BY it.pending DESC, it.reports DESC, it.oldest, COALESCE(it.idea_id, 0), \
                  COALESCE(it.comment_id, 0), reported_at, report_id",
    );
    let FilteredSql { sql, binds } = sql;
    let rows: Vec<QueueRow> = with_pool!(db, pool => {
        bind_all!(sqlx::query_as(&sql), binds).fetch_all(pool).await?
    });
    group_items(rows)
}

/// One item with its open reports (none once decided), hidden or not.
pub async fn find_item(db: &Db, target: ContentRef) -> Result<QueueItem, DbError> {
    let (idea, comment) = target.columns();
    let sql = format!(
        "WITH items AS ( \
            SELECT CAST($1 AS BIGINT) AS idea_id, CAST($2 AS BIGINT) AS comment_id, \
                   COALESCE($1, (SELECT idea_id FROM comments WHERE id = $2)) AS place_id, \
                   COALESCE((SELECT min(created_at) FROM reports WHERE decided_at IS NULL \
                                 AND (idea_id = $1 OR comment_id = $2)), \
                            (SELECT created_at FROM ideas WHERE id = $1), \
                            (SELECT created_at FROM comments WHERE id = $2)) AS oldest \
         ) {QUEUE_ROW_COLUMNS} \
         ORDER BY reported_at, report_id"
    );
    let rows: Vec<QueueRow> = with_pool!(db, pool => {
        sqlx::query_as(&sql).bind(idea).bind(comment).fetch_all(pool).await?
    });
    group_items(rows)?
        .into_iter()
        .next()
        .ok_or(DbError::NotFound)
}

/// Folds the rows (one per report, items in order) into items.
fn group_items(rows: Vec<QueueRow>) -> Result<Vec<QueueItem>, DbError> {
    let mut items: Vec<QueueItem> = Vec::new();
    for row in rows {
        let target = ContentRef::from_columns(row.target_idea, row.target_comment)
            .ok_or(DbError::NotFound)?;
        let report = match (row.reason, row.snapshot, row.reported_at) {
            (Some(reason), Some(snapshot), Some(created_at)) => Some(ReportView {
                reason: reason.parse::<ReportReason>().map_err(DbError::corrupt)?,
                note: row.note,
                snapshot,
                created_at,
            }),
            _ => None,
        };
        if items.last().map(|i| i.target) != Some(target) {
            let text = match target {
                ContentRef::Idea(_) => format!("{}\n\n{}", row.idea_title, row.idea_body),
                ContentRef::Comment(_) => row.comment_body.unwrap_or_default(),
            };
            items.push(QueueItem {
                target,
                author_id: row.author_id,
                author: row.author,
                idea_id: row.idea_id,
                idea_title: row.idea_title,
                project_title: row.project_title,
                text,
                hidden: row.hidden,
                pending: false,
                reports: Vec::new(),
                oldest: row.oldest,
            });
        }
        if let (Some(item), Some(report)) = (items.last_mut(), report) {
            item.reports.push(report);
        }
    }
    // Staff hiding closes the reports, and hidden content cannot be reported: open reports
    // on hidden content mean it was hidden automatically.
    for item in &mut items {
        item.pending = item.hidden && !item.reports.is_empty();
    }
    Ok(items)
}

/// The queue's size for the staff header: open items (reported items, contributions
/// waiting for approval, organisations to verify), and how many wait longer than `since`.
pub async fn count_open_items(db: &Db, since: DateTime<Utc>) -> Result<(i64, i64), DbError> {
    const SQL: &str = "SELECT count(*), COALESCE(sum(CASE WHEN oldest < $1 THEN 1 ELSE 0 END), 0) \
         FROM (SELECT min(created_at) AS oldest FROM reports WHERE decided_at IS NULL \
               GROUP BY idea_id, comment_id \
               UNION ALL SELECT held_at FROM ideas WHERE held_at IS NOT NULL \
               UNION ALL SELECT held_at FROM comments \
                          WHERE held_at IS NOT NULL AND deleted_at IS NULL \
               UNION ALL SELECT created_at FROM users \
                          WHERE role = 'business' AND organisation_status = 'pending' \
                            AND email_verified_at IS NOT NULL) open_items";
    Ok(with_pool!(db, pool => {
        sqlx::query_as(SQL).bind(stored_time(since)).fetch_one(pool).await?
    }))
}

#[derive(FromRow)]
struct LogRow {
    id: i64,
    action: String,
    actor_id: Option<i64>,
    actor: Option<String>,
    subject_id: Option<i64>,
    subject: Option<String>,
    idea_id: Option<i64>,
    comment_id: Option<i64>,
    rule: Option<String>,
    reason: Option<String>,
    excerpt: Option<String>,
    created_at: DateTime<Utc>,
}

impl LogRow {
    fn into_entry(self) -> Result<LogEntry, DbError> {
        Ok(LogEntry {
            id: self.id,
            action: self.action.parse().map_err(DbError::corrupt)?,
            actor_id: self.actor_id,
            actor: self.actor,
            subject_id: self.subject_id,
            subject: self.subject,
            target: ContentRef::from_columns(self.idea_id, self.comment_id),
            rule: self.rule,
            reason: self.reason,
            excerpt: self.excerpt,
            created_at: self.created_at,
        })
    }
}

const LOG_COLUMNS: &str = "SELECT l.id, l.action, l.actor_id, actor.display_name AS actor, \
        l.subject_id, subject.display_name AS subject, l.idea_id, l.comment_id, l.rule, l.reason, l.excerpt, \
        l.created_at \
     FROM moderation_log l \
     LEFT JOIN users actor ON actor.id = l.actor_id \
     LEFT JOIN users subject ON subject.id = l.subject_id";

/// What was decided about one item, oldest first.
pub async fn item_history(db: &Db, target: ContentRef) -> Result<Vec<LogEntry>, DbError> {
    let sql = match target {
        ContentRef::Idea(_) => {
            format!("{LOG_COLUMNS} WHERE l.idea_id = $1 AND l.comment_id IS NULL ORDER BY l.id")
        }
        ContentRef::Comment(_) => format!("{LOG_COLUMNS} WHERE l.comment_id = $1 ORDER BY l.id"),
    };
    let id = match target {
        ContentRef::Idea(id) | ContentRef::Comment(id) => id,
    };
    let rows: Vec<LogRow> =
        with_pool!(db, pool => sqlx::query_as(&sql).bind(id).fetch_all(pool).await?);
    rows.into_iter().map(LogRow::into_entry).collect()
}

/// The log's filters.
#[derive(Debug, Default)]
pub struct LogFilter {
    pub action: Option<LogAction>,
    /// Entries where this account acted or was concerned.
    pub person_id: Option<i64>,
    /// Entries older than this id (the next page).
    pub before: Option<i64>,
}

/// The log, newest first.
pub async fn list_log(db: &Db, filter: &LogFilter, limit: i64) -> Result<Vec<LogEntry>, DbError> {
    let mut sql = FilteredSql::new(format!("{LOG_COLUMNS} WHERE TRUE"));
    if let Some(action) = filter.action {
        sql.push(
            " AND l.action = ?",
            [Bind::Text(action.as_str().to_owned())],
        );
    }
    if let Some(person) = filter.person_id {
        sql.push(
            " AND (l.actor_id = ? OR l.subject_id = ?)",
            [Bind::Int(person), Bind::Int(person)],
        );
    }
    if let Some(before) = filter.before {
        sql.push(" AND l.id < ?", [Bind::Int(before)]);
    }
    sql.push_str(&format!(" ORDER BY l.id DESC LIMIT {limit}"));
    let FilteredSql { sql, binds } = sql;
    let rows: Vec<LogRow> = with_pool!(db, pool => {
        bind_all!(sqlx::query_as(&sql), binds).fetch_all(pool).await?
    });
    rows.into_iter().map(LogRow::into_entry).collect()
}

#[derive(FromRow)]
struct NoticeRow {
    id: i64,
    log_id: i64,
    audience: String,
    action: String,
    automatic: bool,
    idea_id: Option<i64>,
    comment_id: Option<i64>,
    rule: Option<String>,
    reason: Option<String>,
    excerpt: Option<String>,
    created_at: DateTime<Utc>,
    read_at: Option<DateTime<Utc>>,
}

/// A person's moderation notices, newest first. A reporter is told the outcome, never the
/// reasons given to the author.
pub async fn list_notices(
    db: &Db,
    user_id: i64,
    limit: i64,
) -> Result<Vec<ModerationNotice>, DbError> {
    const SQL: &str = "SELECT n.id, n.log_id, n.audience, l.action, \
            l.actor_id IS NULL AS automatic, \
            l.idea_id, l.comment_id, l.rule, \
            l.reason, l.excerpt, n.created_at, n.read_at \
         FROM moderation_notices n JOIN moderation_log l ON l.id = n.log_id \
         WHERE n.user_id = $1 ORDER BY n.created_at DESC, n.id DESC LIMIT $2";
    let rows: Vec<NoticeRow> = with_pool!(db, pool => {
        sqlx::query_as(SQL).bind(user_id).bind(limit).fetch_all(pool).await?
    });
    rows.into_iter()
        .map(|row| {
            let audience = match row.audience.as_str() {
                "author" => NoticeAudience::Author,
                _ => NoticeAudience::Reporter,
            };
            let for_author = audience == NoticeAudience::Author;
            Ok(ModerationNotice {
                id: row.id,
                log_id: row.log_id,
                audience,
                action: row.action.parse().map_err(DbError::corrupt)?,
                automatic: row.automatic,
                target: ContentRef::from_columns(row.idea_id, row.comment_id),
                rule: row
                    .rule
                    .filter(|_| for_author)
                    .map(|r| r.parse::<DecisionRule>())
                    .transpose()
                    .map_err(DbError::corrupt)?,
                reason: row.reason.filter(|_| for_author),
                excerpt: row.excerpt,
                created_at: row.created_at,
                read: row.read_at.is_some(),
            })
        })
        .collect()
}

/// Marks all notices of `user_id` read.
pub async fn mark_notices_read(
    tx: &mut Tx,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    const SQL: &str =
        "UPDATE moderation_notices SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL";
    with_tx!(tx, conn => {
        sqlx::query(SQL).bind(user_id).bind(stored_time(now)).execute(conn).await?;
    });
    Ok(())
}
