-- Stadtlabor data model for the whole mission (SQLite dialect).
-- Kept in step with migrations/postgres/0001_initial_schema.sql: same tables, columns and
-- constraints; only the types differ (INTEGER ids, TEXT timestamps in RFC 3339 UTC).
-- Timestamps are always passed from Rust, never computed in SQL, so tests control the clock.

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    email                TEXT    NOT NULL UNIQUE,          -- lower-cased by the Email newtype
    display_name         TEXT    NOT NULL,
    password_hash        TEXT    NOT NULL,
    role                 TEXT    NOT NULL DEFAULT 'citizen'
                         CHECK (role IN ('citizen', 'business', 'moderator', 'admin')),
    organisation_name    TEXT,
    organisation_website TEXT,
    locale               TEXT    NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en')),
    email_verified_at    TEXT,
    privacy_consent_at   TEXT    NOT NULL,
    blocked_at           TEXT,
    -- Each supporting/commenting action follows the idea unless the user turned it off.
    follow_on_comment    BOOLEAN NOT NULL DEFAULT TRUE,
    follow_on_vote       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    CHECK (role <> 'business' OR organisation_name IS NOT NULL)
);

-- Single-use tokens for email verification, password reset and email change. Only the hash
-- of the token is stored.
CREATE TABLE user_tokens (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     TEXT    NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
    token_hash  TEXT    NOT NULL UNIQUE,
    new_email   TEXT,
    expires_at  TEXT    NOT NULL,
    used_at     TEXT,
    created_at  TEXT    NOT NULL
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose);

CREATE TABLE categories (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name_de  TEXT NOT NULL,
    name_en  TEXT NOT NULL
);

-- Municipalities and districts a project concerns (Soest, Unna, Hochsauerlandkreis, ...).
CREATE TABLE districts (
    id    INTEGER PRIMARY KEY,
    slug  TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL
);

CREATE TABLE programmes (
    id                INTEGER PRIMARY KEY,
    slug              TEXT    NOT NULL UNIQUE,
    title             TEXT    NOT NULL,
    summary           TEXT    NOT NULL,
    funded_projects   INTEGER NOT NULL CHECK (funded_projects >= 0),
    funded_cents      INTEGER NOT NULL CHECK (funded_cents >= 0),
    proposed_projects INTEGER NOT NULL CHECK (proposed_projects >= 0),
    proposed_cents    INTEGER NOT NULL CHECK (proposed_cents >= 0),
    created_at        TEXT    NOT NULL
);

CREATE TABLE projects (
    id                INTEGER PRIMARY KEY,
    slug              TEXT    NOT NULL UNIQUE,
    title             TEXT    NOT NULL,
    summary           TEXT    NOT NULL,
    description_md    TEXT    NOT NULL,
    phase             TEXT    NOT NULL CHECK (phase IN ('planned', 'running', 'completed')),
    funding_cents     INTEGER CHECK (funding_cents >= 0),
    responsible_body  TEXT    NOT NULL,
    contact           TEXT    NOT NULL,
    category_id       INTEGER REFERENCES categories (id),
    programme_id      INTEGER REFERENCES programmes (id),
    starts_on         TEXT,                                  -- date, YYYY-MM-DD
    ends_on           TEXT,
    accepts_ideas     BOOLEAN NOT NULL DEFAULT TRUE,
    -- "each person may support up to N ideas in this project"; NULL = no limit
    support_limit     INTEGER CHECK (support_limit > 0),
    archived_at       TEXT,
    created_by        INTEGER REFERENCES users (id),
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX projects_phase_idx ON projects (phase);
CREATE INDEX projects_category_idx ON projects (category_id);

CREATE TABLE project_districts (
    project_id   INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    district_id  INTEGER NOT NULL REFERENCES districts (id),
    PRIMARY KEY (project_id, district_id)
);
CREATE INDEX project_districts_district_idx ON project_districts (district_id, project_id);

CREATE TABLE ideas (
    id                 INTEGER PRIMARY KEY,
    author_id          INTEGER NOT NULL REFERENCES users (id),
    project_id         INTEGER REFERENCES projects (id),
    category_id        INTEGER NOT NULL REFERENCES categories (id),
    title              TEXT    NOT NULL,
    body_md            TEXT    NOT NULL,
    location_text      TEXT,
    status             TEXT    NOT NULL DEFAULT 'submitted'
                       CHECK (status IN ('submitted', 'under_review', 'accepted', 'rejected',
                                         'implemented', 'withdrawn')),
    official_answer_md TEXT,
    answered_by        INTEGER REFERENCES users (id),
    answered_at        TEXT,
    -- Counters maintained in the same transaction as the vote/comment (UPDATE ... + 1).
    vote_count         INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    comment_count      INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    edited_at          TEXT,
    hidden_at          TEXT,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
-- Keyset pagination for each sort order, and the filters.
CREATE INDEX ideas_newest_idx ON ideas (created_at DESC, id DESC);
CREATE INDEX ideas_supported_idx ON ideas (vote_count DESC, id DESC);
CREATE INDEX ideas_discussed_idx ON ideas (comment_count DESC, id DESC);
CREATE INDEX ideas_project_idx ON ideas (project_id, created_at DESC, id DESC);
CREATE INDEX ideas_category_idx ON ideas (category_id, created_at DESC, id DESC);
CREATE INDEX ideas_status_idx ON ideas (status, created_at DESC, id DESC);
CREATE INDEX ideas_author_idx ON ideas (author_id);

-- Every status change with its official answer, shown as the idea's history.
CREATE TABLE idea_status_changes (
    id           INTEGER PRIMARY KEY,
    idea_id      INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    from_status  TEXT    NOT NULL,
    to_status    TEXT    NOT NULL,
    answer_md    TEXT,
    changed_by   INTEGER NOT NULL REFERENCES users (id),
    created_at   TEXT    NOT NULL
);
CREATE INDEX idea_status_changes_idea_idx ON idea_status_changes (idea_id, created_at);

CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    idea_id     INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    parent_id   INTEGER REFERENCES comments (id),
    depth       INTEGER NOT NULL DEFAULT 0 CHECK (depth >= 0),
    author_id   INTEGER NOT NULL REFERENCES users (id),
    body_md     TEXT    NOT NULL,
    edited_at   TEXT,
    deleted_at  TEXT,
    hidden_at   TEXT,
    created_at  TEXT    NOT NULL
);
CREATE INDEX comments_idea_idx ON comments (idea_id, created_at, id);
CREATE INDEX comments_parent_idx ON comments (parent_id);
CREATE INDEX comments_author_idx ON comments (author_id, created_at);

-- One support per person and idea: the primary key makes double votes impossible.
CREATE TABLE votes (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idea_id     INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (user_id, idea_id)
);
CREATE INDEX votes_idea_idx ON votes (idea_id);

CREATE TABLE workshops (
    id                     INTEGER PRIMARY KEY,
    slug                   TEXT    NOT NULL UNIQUE,
    project_id             INTEGER REFERENCES projects (id),
    title                  TEXT    NOT NULL,
    description_md         TEXT    NOT NULL,
    location               TEXT    NOT NULL,
    starts_at              TEXT    NOT NULL,
    ends_at                TEXT    NOT NULL,
    capacity               INTEGER NOT NULL CHECK (capacity > 0),
    registration_deadline  TEXT,
    audience               TEXT    NOT NULL DEFAULT 'all' CHECK (audience IN ('all', 'business')),
    published_at           TEXT,
    cancelled_at           TEXT,
    created_by             INTEGER NOT NULL REFERENCES users (id),
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    CHECK (ends_at >= starts_at)
);
CREATE INDEX workshops_starts_idx ON workshops (starts_at, id);

CREATE TABLE workshop_registrations (
    id            INTEGER PRIMARY KEY,
    workshop_id   INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status        TEXT    NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
    participants  INTEGER NOT NULL DEFAULT 1 CHECK (participants > 0),
    note          TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (workshop_id, user_id)
);
CREATE INDEX workshop_registrations_status_idx ON workshop_registrations (workshop_id, status, created_at);

-- Reports by users against an idea or a comment (exactly one target).
CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    reporter_id  INTEGER NOT NULL REFERENCES users (id),
    idea_id      INTEGER REFERENCES ideas (id) ON DELETE CASCADE,
    comment_id   INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    reason       TEXT    NOT NULL CHECK (reason IN ('spam', 'offensive', 'personal_data', 'off_topic', 'other')),
    note         TEXT,
    created_at   TEXT    NOT NULL,
    resolved_at  TEXT,
    resolved_by  INTEGER REFERENCES users (id),
    CHECK ((idea_id IS NULL) <> (comment_id IS NULL))
);
CREATE INDEX reports_open_idx ON reports (resolved_at, created_at);

-- What staff did, for accountability (hide/unhide content, block users, dismiss reports).
CREATE TABLE moderation_actions (
    id            INTEGER PRIMARY KEY,
    moderator_id  INTEGER NOT NULL REFERENCES users (id),
    action        TEXT    NOT NULL CHECK (action IN ('hide', 'unhide', 'block_user', 'unblock_user',
                                                     'dismiss_report', 'change_role')),
    idea_id       INTEGER REFERENCES ideas (id) ON DELETE SET NULL,
    comment_id    INTEGER REFERENCES comments (id) ON DELETE SET NULL,
    user_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    report_id     INTEGER REFERENCES reports (id) ON DELETE SET NULL,
    reason        TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX moderation_actions_created_idx ON moderation_actions (created_at);

CREATE TABLE project_follows (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (user_id, project_id)
);
CREATE INDEX project_follows_project_idx ON project_follows (project_id);

CREATE TABLE idea_follows (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idea_id     INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (user_id, idea_id)
);
CREATE INDEX idea_follows_idea_idx ON idea_follows (idea_id);

-- Per kind of event, how a user wants to hear about it by email.
CREATE TABLE notification_preferences (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL CHECK (kind IN ('comment_on_followed', 'reply_to_comment',
                                                'status_change', 'new_idea_in_project')),
    delivery  TEXT    NOT NULL CHECK (delivery IN ('immediate', 'daily', 'weekly', 'off')),
    PRIMARY KEY (user_id, kind)
);

-- In-app notifications; digests collect the ones not yet mailed.
CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('comment_on_followed', 'reply_to_comment',
                                                  'status_change', 'new_idea_in_project')),
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    idea_id     INTEGER REFERENCES ideas (id) ON DELETE CASCADE,
    comment_id  INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    project_id  INTEGER REFERENCES projects (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    read_at     TEXT,
    emailed_at  TEXT
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id, read_at);
CREATE INDEX notifications_unmailed_idx ON notifications (user_id, emailed_at, created_at);

-- One row per sent digest: the primary key guarantees one mail per user and period.
CREATE TABLE digests (
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    period        TEXT    NOT NULL CHECK (period IN ('daily', 'weekly')),
    period_start  TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (user_id, period, period_start)
);

-- The durable outbox: written in the same transaction as the action that causes the mail,
-- delivered by the worker with retries; a claimed row is leased until `locked_until`.
CREATE TABLE outbox (
    id                 INTEGER PRIMARY KEY,
    recipient_user_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    recipient_email    TEXT    NOT NULL,
    kind               TEXT    NOT NULL,
    subject            TEXT    NOT NULL,
    body_text          TEXT    NOT NULL,
    body_html          TEXT    NOT NULL,
    unsubscribe_url    TEXT,
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    TEXT    NOT NULL,
    locked_until       TEXT,
    last_error         TEXT,
    sent_at            TEXT,
    created_at         TEXT    NOT NULL
);
CREATE INDEX outbox_pending_idx ON outbox (sent_at, next_attempt_at);
