-- The newsroom's media library and editor completions.
-- Image bytes live in the database (the original and each variant, by its public file name), so that every
-- server can serve every image; DATA/media is only a local cache that a server fills on first request.
CREATE TABLE image_files (
    file       TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    content    BLOB NOT NULL
);

-- What the library knows about an image beyond its pixels.
ALTER TABLE images ADD COLUMN alt TEXT NOT NULL DEFAULT '';
ALTER TABLE images ADD COLUMN caption TEXT NOT NULL DEFAULT '';
ALTER TABLE images ADD COLUMN credit TEXT NOT NULL DEFAULT '';

-- An article in the trash keeps the status it had (to restore it) and is a draft meanwhile, so that nothing
-- public ever shows it.
ALTER TABLE articles ADD COLUMN trashed_at INTEGER;
ALTER TABLE articles ADD COLUMN trashed_status TEXT;
CREATE INDEX articles_trashed ON articles(trashed_at);
