-- Times are epoch milliseconds (UTC) in both databases, so the same SQL and mapping serve both.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE authors (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    slug       TEXT NOT NULL UNIQUE,
    bio        TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

CREATE TABLE categories (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE
);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    standfirst    TEXT NOT NULL DEFAULT '',
    body_md       TEXT NOT NULL DEFAULT '',
    body_html     TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
    published_at  INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    author_id     INTEGER NOT NULL REFERENCES authors(id),
    category_id   INTEGER REFERENCES categories(id),
    comments_open INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX articles_public ON articles(status, published_at);
CREATE INDEX articles_author ON articles(author_id, published_at);
CREATE INDEX articles_category ON articles(category_id, published_at);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags(tag_id);

-- Every write appends here; every server follows it to drop what it has cached.
CREATE TABLE changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    tags       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Reader comments: the foundation shows approved ones in the sidebar and counts; the comments feature
-- builds threading, moderation and the form on this table.
CREATE TABLE comments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES comments(id) ON DELETE SET NULL,
    status       TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'spam', 'trash')),
    author_name  TEXT NOT NULL,
    author_email TEXT NOT NULL DEFAULT '',
    author_url   TEXT NOT NULL DEFAULT '',
    body_raw     TEXT NOT NULL,
    body_html    TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX comments_article ON comments(article_id, status, created_at);
CREATE INDEX comments_recent ON comments(status, created_at);
