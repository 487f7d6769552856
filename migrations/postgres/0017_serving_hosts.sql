-- Intentionally empty on PostgreSQL: the serving_hosts table guards a SQLite file against a
-- second machine (see migrations/sqlite/0017_serving_hosts.sql and server::single_node).
-- PostgreSQL serves several instances on several machines, so it needs no such guard. The
-- migration exists so both engines keep the same numbered history.
SELECT 1;
