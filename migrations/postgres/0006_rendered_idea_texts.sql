-- An idea's body and its official answer are rendered and sanitised once, when written, as
-- comments are since 0005: a 9,500-character idea spent half of its page time in the
-- sanitiser (bench/run.sh). Empty body_html, or a NULL official_answer_html beside an
-- answer, means "render when read" (rows written before these columns existed).
ALTER TABLE ideas ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
ALTER TABLE ideas ADD COLUMN official_answer_html TEXT;
