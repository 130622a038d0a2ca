-- What a WordPress import needs: pages beside posts, the WordPress ids that let a second import update
-- instead of copying, category parents, authors' emails (staff only), comment kinds (pingbacks and trackbacks
-- are kept but are not reader comments), and the old addresses that redirect to the new ones.
ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'post' CHECK (kind IN ('post', 'page'));
ALTER TABLE articles ADD COLUMN wp_id BIGINT;
CREATE UNIQUE INDEX articles_wp_id ON articles(wp_id);

ALTER TABLE authors ADD COLUMN email TEXT NOT NULL DEFAULT '';

ALTER TABLE categories ADD COLUMN parent_id BIGINT REFERENCES categories(id) ON DELETE SET NULL;
ALTER TABLE categories ADD COLUMN description TEXT NOT NULL DEFAULT '';

ALTER TABLE comments ADD COLUMN kind TEXT NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment', 'pingback', 'trackback'));
ALTER TABLE comments ADD COLUMN wp_id BIGINT;
CREATE UNIQUE INDEX comments_wp_id ON comments(wp_id);

-- An old address (path, percent-decoded, with its query when it has one: /?p=12) and where it now leads:
-- an article or page (its current address is computed when asked), or a fixed path.
CREATE TABLE redirects (
    path       TEXT PRIMARY KEY,
    article_id BIGINT REFERENCES articles(id) ON DELETE CASCADE,
    target     TEXT NOT NULL DEFAULT ''
);
