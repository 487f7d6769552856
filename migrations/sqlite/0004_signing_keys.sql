-- Keys for links that must work without logging in and without a stored token per mail
-- (one-click unsubscribe). Created once by whichever app instance starts first, shared by all.
CREATE TABLE signing_keys (
    purpose     TEXT PRIMARY KEY,
    key_hex     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
