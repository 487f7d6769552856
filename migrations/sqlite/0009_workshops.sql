-- Workshops: the first schema's tables were never used; they are replaced by the full model.
-- `places_taken` is the one counter of registered places, moved only in the transaction that
-- changes a registration, after that transaction locked the workshop row (see
-- server::db::workshops::lock_workshop). `sequence` is the iCalendar SEQUENCE: it grows with
-- every change of time or place and with the cancellation, so calendars replace their copy.
DROP TABLE workshop_registrations;
DROP TABLE workshops;

CREATE TABLE workshops (
    id                     INTEGER PRIMARY KEY,
    slug                   TEXT    NOT NULL UNIQUE,
    project_id             INTEGER REFERENCES projects (id),
    title                  TEXT    NOT NULL,
    description_md         TEXT    NOT NULL,
    format                 TEXT    NOT NULL CHECK (format IN ('in_person', 'online', 'hybrid')),
    location               TEXT    NOT NULL DEFAULT '',
    online_url             TEXT    NOT NULL DEFAULT '',
    starts_at              TEXT    NOT NULL,
    ends_at                TEXT    NOT NULL,
    capacity               INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    places_per_registration INTEGER NOT NULL DEFAULT 1 CHECK (places_per_registration >= 1),
    places_taken           INTEGER NOT NULL DEFAULT 0 CHECK (places_taken >= 0),
    audience               TEXT    NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone', 'businesses')),
    waitlist               BOOLEAN NOT NULL DEFAULT TRUE,
    registration_opens_at  TEXT,
    registration_closes_at TEXT,
    published_at           TEXT,
    cancelled_at           TEXT,
    cancel_message         TEXT,
    -- When the organiser was told that 80 % / all places are taken (cleared when the
    -- share falls below again, so each crossing is told once).
    notified_80_at         TEXT,
    notified_full_at       TEXT,
    -- Registration answers are deleted 90 days after the workshop; attendance stays.
    answers_deleted_at     TEXT,
    sequence               INTEGER NOT NULL DEFAULT 0,
    created_by             INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (places_taken <= capacity)
);
CREATE INDEX workshops_upcoming_idx ON workshops (starts_at, id) WHERE published_at IS NOT NULL;
CREATE INDEX workshops_project_idx ON workshops (project_id, starts_at);

-- One row per person and workshop; cancelling keeps the row (status 'cancelled'), a new
-- registration reuses it with a new queue time. The waitlist is ordered by (queued_at, id).
CREATE TABLE workshop_registrations (
    id               INTEGER PRIMARY KEY,
    workshop_id      INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status           TEXT    NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
    places           INTEGER NOT NULL DEFAULT 1 CHECK (places >= 1),
    organisation     TEXT,
    access_needs     TEXT    NOT NULL DEFAULT '',
    consent_version  TEXT    NOT NULL,
    queued_at        TEXT    NOT NULL,
    -- The 24-hour reminder went out (set once, by the claim that queues it).
    -- Marked by staff after the event (NULL: not marked).
    attended         BOOLEAN,
    reminded_at      TEXT,
    promoted_at      TEXT,
    cancelled_at     TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    UNIQUE (workshop_id, user_id)
);
CREATE INDEX workshop_registrations_queue_idx
    ON workshop_registrations (workshop_id, status, queued_at, id);
CREATE INDEX workshop_registrations_user_idx ON workshop_registrations (user_id, status);

-- A calendar file sent with a mail (text/calendar; METHOD REQUEST or CANCEL).
ALTER TABLE outbox ADD COLUMN calendar_ics TEXT;
ALTER TABLE outbox ADD COLUMN calendar_method TEXT CHECK (calendar_method IN ('REQUEST', 'CANCEL'));
