-- Password-protected articles (WordPress's post_password): kept as typed, so that the editor can show it and the
-- export can write it back; NULL for an ordinary article. Protected articles appear in no list, feed, sitemap or search.
ALTER TABLE articles ADD COLUMN password TEXT;

-- Wrong passwords typed for a protected article, per article and network, for the throttle (as login_failures).
CREATE TABLE article_password_failures (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ip_net     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX article_password_failures_key ON article_password_failures(article_id, ip_net, created_at);

-- Commenters' e-mails are kept as typed (or imported); flood control, first-comment trust and duplicates compare
-- them without case.
CREATE INDEX comments_email_lower ON comments(LOWER(author_email), created_at);
