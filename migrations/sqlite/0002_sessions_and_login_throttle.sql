-- Server-side sessions (the table layout tower-sessions' SQLite store expects), the login
-- throttle, and a per-user session version that logs out every session when it changes.

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY NOT NULL,
    data         BLOB NOT NULL,
    expiry_date  INTEGER NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry_date);

-- Failed logins, counted per client address and per account over a sliding window.
CREATE TABLE login_failures (
    id         INTEGER PRIMARY KEY,
    scope      TEXT NOT NULL CHECK (scope IN ('ip', 'account')),
    subject    TEXT NOT NULL,
    failed_at  TEXT NOT NULL
);
CREATE INDEX login_failures_subject_idx ON login_failures (scope, subject, failed_at);

-- Raised on password change/reset: sessions that carry an older version are logged out.
ALTER TABLE users ADD COLUMN session_version INTEGER NOT NULL DEFAULT 0;
