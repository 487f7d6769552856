-- Which version of the markdown renderer made the stored HTML (ideas, official answers,
-- comments). When server::markdown::RENDERER_VERSION is higher, the server renders every
-- stored text anew at startup (server::renderings), so a sanitiser rule added later (e.g. no
-- third-party images, bounded nesting: issue 15) also reaches text written before it.
CREATE TABLE rendering (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO rendering (id, version) VALUES (1, 0);
