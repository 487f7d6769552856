-- One definition of "visible": an idea or comment is visible unless moderation hid it. Every
-- read that shows content, counts it or mails it reads these views, never the tables with a
-- hand-written `hidden_at IS NULL`.
--
-- PostgreSQL expands `*` when the view is created: a migration that adds a column to ideas
-- or comments that reads need must recreate the view (DROP VIEW … ; CREATE VIEW …).
CREATE VIEW visible_ideas AS SELECT * FROM ideas WHERE hidden_at IS NULL;
CREATE VIEW visible_comments AS SELECT * FROM comments WHERE hidden_at IS NULL;

-- A notification about hidden content is neither listed, counted as unread nor mailed in a
-- digest (it would show the hidden idea's title); it returns if the content is restored.
CREATE VIEW visible_notifications AS
SELECT n.* FROM notifications n
 WHERE (n.idea_id IS NULL OR EXISTS (SELECT 1 FROM visible_ideas i WHERE i.id = n.idea_id))
   AND (n.comment_id IS NULL
        OR EXISTS (SELECT 1 FROM visible_comments c WHERE c.id = n.comment_id));
