-- One counter per (limit, subject, window) replaces the list of failed logins: a request
-- counts itself with a single upsert before it does its work, so parallel requests cannot
-- all pass a check made before any of them was recorded (security review F-02). Used by the
-- login throttle and the limits on mail-sending requests (server::rate_limits).
DROP TABLE login_failures;

CREATE TABLE rate_counters (
    scope         TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    hits          BIGINT  NOT NULL CHECK (hits >= 0),
    PRIMARY KEY (scope, subject, window_start)
);
CREATE INDEX rate_counters_window_idx ON rate_counters (window_start);
