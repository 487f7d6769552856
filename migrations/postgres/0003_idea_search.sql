-- German full-text search over ideas: PostgreSQL stems with its own `german` configuration;
-- the expression index serves `to_tsvector('german', title || ' ' || body_md) @@ …`.
CREATE INDEX ideas_search_idx ON ideas USING GIN (to_tsvector('german', title || ' ' || body_md));
