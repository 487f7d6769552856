-- German full-text search over ideas. SQLite has no German stemmer: the application writes
-- each idea's title and body, stemmed with Snowball German (server::search), into this FTS5
-- index (rowid = ideas.id) in the same transaction as the idea.
CREATE VIRTUAL TABLE ideas_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2');
