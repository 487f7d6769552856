-- Registration questions, offers that wait for a click ("claim" mode) and a registration's
-- new status 'offered'. SQLite cannot change a CHECK in place, so the registrations table is
-- rebuilt (nothing references it yet; the answers table below is created after it).
ALTER TABLE workshops ADD COLUMN confirmation TEXT NOT NULL DEFAULT 'automatic'
    CHECK (confirmation IN ('automatic', 'claim'));

CREATE TABLE workshop_registrations_new (
    id               INTEGER PRIMARY KEY,
    workshop_id      INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'offered': a freed place is held for the person until offered_until (claim mode).
    status           TEXT    NOT NULL
        CHECK (status IN ('registered', 'offered', 'waitlisted', 'cancelled')),
    places           INTEGER NOT NULL DEFAULT 1 CHECK (places >= 1),
    organisation     TEXT,
    access_needs     TEXT    NOT NULL DEFAULT '',
    consent_version  TEXT    NOT NULL,
    queued_at        TEXT    NOT NULL,
    -- Marked by staff after the event (NULL: not marked).
    attended         BOOLEAN,
    -- The reminder went out (set once, by the claim that queues it).
    reminded_at      TEXT,
    promoted_at      TEXT,
    offered_until    TEXT,
    cancelled_at     TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    UNIQUE (workshop_id, user_id),
    CHECK ((status = 'offered') = (offered_until IS NOT NULL))
);
INSERT INTO workshop_registrations_new (id, workshop_id, user_id, status, places, organisation,
        access_needs, consent_version, queued_at, attended, reminded_at, promoted_at,
        cancelled_at, created_at, updated_at)
    SELECT id, workshop_id, user_id, status, places, organisation, access_needs,
           consent_version, queued_at, attended, reminded_at, promoted_at, cancelled_at,
           created_at, updated_at
      FROM workshop_registrations;
DROP TABLE workshop_registrations;
ALTER TABLE workshop_registrations_new RENAME TO workshop_registrations;
CREATE INDEX workshop_registrations_queue_idx
    ON workshop_registrations (workshop_id, status, queued_at, id);
CREATE INDEX workshop_registrations_user_idx ON workshop_registrations (user_id, status);
CREATE INDEX workshop_registrations_offer_idx
    ON workshop_registrations (offered_until) WHERE status = 'offered';

-- Up to ten questions per workshop, in order. Once someone answered, they stay as they are
-- (server::workshops keeps them), so an answer always belongs to the question it was given to.
CREATE TABLE workshop_questions (
    id          INTEGER PRIMARY KEY,
    workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position BETWEEN 1 AND 10),
    kind        TEXT    NOT NULL CHECK (kind IN ('text', 'choice', 'yes_no')),
    prompt      TEXT    NOT NULL,
    -- The options of a choice question, one per line.
    choices     TEXT    NOT NULL DEFAULT '',
    required    BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (workshop_id, position)
);

-- Deleted with the other answers 90 days after the workshop.
CREATE TABLE workshop_answers (
    registration_id INTEGER NOT NULL REFERENCES workshop_registrations (id) ON DELETE CASCADE,
    question_id     INTEGER NOT NULL REFERENCES workshop_questions (id) ON DELETE CASCADE,
    answer          TEXT    NOT NULL,
    PRIMARY KEY (registration_id, question_id)
);
CREATE INDEX workshop_answers_question_idx ON workshop_answers (question_id);
