-- Moderation (issue 11): reports with a snapshot of what was reported, an append-only log of
-- every decision, and the notices that tell authors and reporters what was decided.

-- `reports` and `moderation_actions` were created in 0001; nothing but role changes was ever
-- written. Both are replaced: the log keeps the role changes.

-- Append-only: no server function updates or deletes a row. The people involved are kept as
-- references that become NULL when an account is deleted (the entry stays, pseudonymised);
-- `excerpt` keeps what the content was, so the entry still says what was decided.
CREATE TABLE moderation_log (
    id          INTEGER PRIMARY KEY,
    -- Who acted; NULL for an account deleted since.
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action      TEXT    NOT NULL CHECK (action IN ('report', 'hide', 'restore', 'keep', 'change_role',
                                                     'block', 'unblock', 'objection',
                                                     'objection_upheld', 'objection_granted')),
    idea_id     INTEGER REFERENCES ideas (id) ON DELETE SET NULL,
    comment_id  INTEGER REFERENCES comments (id) ON DELETE SET NULL,
    -- The person concerned: the author of the content, or the account whose role changed.
    subject_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- The rule applied (a report's reason, a decision's rule, a new role).
    rule        TEXT,
    -- The reason in the staff member's words, shown to the author.
    reason      TEXT,
    excerpt     TEXT,
    created_at  TEXT    NOT NULL
);
INSERT INTO moderation_log (actor_id, action, subject_id, rule, created_at)
SELECT moderator_id, action, user_id, reason, created_at
  FROM moderation_actions WHERE action = 'change_role' ORDER BY id;
DROP TABLE moderation_actions;
DROP TABLE reports;
CREATE INDEX moderation_log_created_idx ON moderation_log (created_at DESC, id DESC);
CREATE INDEX moderation_log_actor_idx ON moderation_log (actor_id, created_at DESC);
CREATE INDEX moderation_log_subject_idx ON moderation_log (subject_id, created_at DESC);

-- A report against an idea or a comment (exactly one target).
CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    reporter_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idea_id      INTEGER REFERENCES ideas (id) ON DELETE CASCADE,
    comment_id   INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    reason       TEXT    NOT NULL CHECK (reason IN ('spam', 'offensive', 'personal_data',
                                                    'off_topic', 'illegal', 'other')),
    note         TEXT,
    -- The reported text as it was when reported: an edit afterwards hides nothing.
    snapshot     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    decided_at   TEXT,
    decision_id  INTEGER REFERENCES moderation_log (id),
    CHECK ((idea_id IS NULL) <> (comment_id IS NULL))
);
-- One open report per person and item, also against two requests at the same moment.
CREATE UNIQUE INDEX reports_one_open_per_idea ON reports (idea_id, reporter_id)
    WHERE decided_at IS NULL AND idea_id IS NOT NULL;
CREATE UNIQUE INDEX reports_one_open_per_comment ON reports (comment_id, reporter_id)
    WHERE decided_at IS NULL AND comment_id IS NOT NULL;
CREATE INDEX reports_open_idx ON reports (created_at) WHERE decided_at IS NULL;
CREATE INDEX reports_reporter_idx ON reports (reporter_id, created_at);

-- What an author (whose content was hidden or restored) or a reporter (whose report was
-- decided) is told, in the app. The moderator's name is never shown from here.
CREATE TABLE moderation_notices (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    log_id      INTEGER NOT NULL REFERENCES moderation_log (id),
    audience    TEXT    NOT NULL CHECK (audience IN ('author', 'reporter')),
    created_at  TEXT    NOT NULL,
    read_at     TEXT
);
CREATE INDEX moderation_notices_user_idx ON moderation_notices (user_id, created_at DESC, id DESC);

-- What a mail is about, so that hiding the content withdraws the mails about it that are
-- not sent yet (a mail must not carry hidden text out).
ALTER TABLE outbox ADD COLUMN idea_id INTEGER REFERENCES ideas (id) ON DELETE CASCADE;
ALTER TABLE outbox ADD COLUMN comment_id INTEGER REFERENCES comments (id) ON DELETE CASCADE;
CREATE INDEX outbox_unsent_content_idx ON outbox (idea_id, comment_id) WHERE sent_at IS NULL;

-- Blocks: `users.blocked_at` marks a running block (sessions, mail and every mutating call
-- check it), `blocked_until` its end (NULL: unlimited); the end is lifted by the scheduled
-- job, or at the next login attempt after it.
ALTER TABLE users ADD COLUMN blocked_until TEXT;

-- Every block with its statement of reasons. `email_hash` is the SHA-256 of the canonical
-- address (lower case, `+tag` removed): while the block runs, registering with it again is
-- refused, also after the account was deleted (then `user_id` is NULL).
CREATE TABLE account_blocks (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    rule          TEXT    NOT NULL,
    reason        TEXT,
    hide_content  BOOLEAN NOT NULL,
    email_hash    TEXT    NOT NULL,
    created_at    TEXT NOT NULL,
    ends_at       TEXT,
    ended_at      TEXT
);
CREATE INDEX account_blocks_user_idx ON account_blocks (user_id, created_at DESC);
CREATE INDEX account_blocks_email_idx ON account_blocks (email_hash) WHERE ended_at IS NULL;

-- An author's objection to a decision about their content (EU Digital Services Act Art.
-- 20): once per decision; decided by an admin or by another moderator than the one who
-- decided.
CREATE TABLE objections (
    id           INTEGER PRIMARY KEY,
    log_id       INTEGER NOT NULL REFERENCES moderation_log (id),
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body         TEXT    NOT NULL,
    created_at   TEXT NOT NULL,
    decided_at   TEXT,
    decision_id  INTEGER REFERENCES moderation_log (id),
    UNIQUE (log_id, user_id)
);
CREATE INDEX objections_open_idx ON objections (created_at) WHERE decided_at IS NULL;
