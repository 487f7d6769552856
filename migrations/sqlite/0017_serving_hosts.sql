-- The machines serving from this SQLite file, each with the last time it was seen alive
-- (server::single_node). SQLite's locking holds only between processes of one machine, so
-- a server on a second machine (the file on a network share) is refused at start while
-- another machine was seen in the last minutes. PostgreSQL has no such table: there,
-- several instances on several machines are the supported way to scale out.
CREATE TABLE serving_hosts (
    host     TEXT PRIMARY KEY,
    seen_at  TEXT NOT NULL
);
