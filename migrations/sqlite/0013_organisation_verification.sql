-- Business accounts are verified by staff (issue 11): the organisation a business account
-- names is shown ("für Firma X") only once a moderator verified it. A new or renamed
-- organisation waits as 'pending'; 'rejected' keeps the account a person's account.
ALTER TABLE users ADD COLUMN organisation_status TEXT NOT NULL DEFAULT 'pending'
    CHECK (organisation_status IN ('pending', 'verified', 'rejected'));
-- The reason of a rejection in the moderator's words, shown to the account (the log keeps
-- the decision itself).
ALTER TABLE users ADD COLUMN organisation_review_reason TEXT;
CREATE INDEX users_organisation_pending_idx ON users (created_at, id)
    WHERE role = 'business' AND organisation_status = 'pending';

-- The log learns the two decisions, and the approval of a pre-moderated contribution
-- (0014). SQLite cannot change a CHECK in place: the table is
-- copied, dropped and created anew under its own name, so the references to it from
-- reports, notices and objections (by name, without ON DELETE actions) resolve to the new
-- table. The drop's implicit delete leaves those references dangling only until the rows
-- are back: deferred, the foreign keys are checked at the end of the migration's
-- transaction.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE moderation_log_copy AS SELECT * FROM moderation_log;
DROP TABLE moderation_log;
CREATE TABLE moderation_log (
    id          INTEGER PRIMARY KEY,
    -- Who acted; NULL for an account deleted since.
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action      TEXT    NOT NULL CHECK (action IN ('report', 'hide', 'restore', 'keep', 'change_role',
                                                     'block', 'unblock', 'objection',
                                                     'objection_upheld', 'objection_granted',
                                                     'verify_organisation', 'reject_organisation', 'approve')),
    idea_id     INTEGER REFERENCES ideas (id) ON DELETE SET NULL,
    comment_id  INTEGER REFERENCES comments (id) ON DELETE SET NULL,
    -- The person concerned: the author of the content, or the account decided about.
    subject_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- The rule applied (a report's reason, a decision's rule, a new role).
    rule        TEXT,
    -- The reason in the staff member's words, shown to the author.
    reason      TEXT,
    excerpt     TEXT,
    created_at  TEXT    NOT NULL
);
INSERT INTO moderation_log SELECT * FROM moderation_log_copy ORDER BY id;
DROP TABLE moderation_log_copy;
CREATE INDEX moderation_log_created_idx ON moderation_log (created_at DESC, id DESC);
CREATE INDEX moderation_log_actor_idx ON moderation_log (actor_id, created_at DESC);
CREATE INDEX moderation_log_subject_idx ON moderation_log (subject_id, created_at DESC);
