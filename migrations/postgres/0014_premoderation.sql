-- Pre-moderation (issue 11; STADTLABOR_PREMODERATION_FIRST, off by default): the first
-- contributions of a new account, and a first contribution with many links, wait for staff
-- before anyone else sees them. A held item is hidden as well, so every read leaves it out
-- through the one definition of visible (the visible_* views, 0007); `held_at` tells the
-- queue, the author ("wartet auf Freigabe") and the approval apart from a moderator's hide.
ALTER TABLE ideas ADD COLUMN held_at TIMESTAMPTZ;
ALTER TABLE comments ADD COLUMN held_at TIMESTAMPTZ;
CREATE INDEX ideas_held_idx ON ideas (held_at, id) WHERE held_at IS NOT NULL;
CREATE INDEX comments_held_idx ON comments (held_at, id) WHERE held_at IS NOT NULL;

-- PostgreSQL expanded `*` when the views were created: they learn the new column (added at
-- the end, which OR REPLACE allows without dropping what depends on them).
CREATE OR REPLACE VIEW visible_ideas AS SELECT * FROM ideas WHERE hidden_at IS NULL;
CREATE OR REPLACE VIEW visible_comments AS SELECT * FROM comments WHERE hidden_at IS NULL;
