-- Uploaded images: each stored once under a name made from its content's hash (data/media/NAME, with resized
-- variants beside it), and an article's featured image by that name.
CREATE TABLE images (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    bytes       INTEGER NOT NULL,
    source_name TEXT NOT NULL DEFAULT '',
    uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL
);

ALTER TABLE articles ADD COLUMN image TEXT;
