-- A project's picture, uploaded by staff and re-encoded on upload (resized, every metadata
-- such as a photo's location dropped). Served under its content hash, so a browser may keep
-- it for good; a new upload is a new address.
CREATE TABLE project_images (
    project_id   INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    hash         TEXT    NOT NULL UNIQUE,
    alt_text     TEXT    NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    jpeg         BLOB    NOT NULL,
    uploaded_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at  TEXT    NOT NULL
);
