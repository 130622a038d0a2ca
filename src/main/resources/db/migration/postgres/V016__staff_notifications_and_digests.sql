-- Staff notifications and newsletter digests.
-- staff_notify: each account's choice (held comments at once, in an hourly digest, or not at all; new public
-- comments on one's own articles). No row: the role's default (see staffnotify/NotifyPrefs).
CREATE TABLE staff_notify (
    user_id      BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    held         TEXT NOT NULL CHECK (held IN ('immediate', 'hourly', 'none')),
    own_comments INTEGER NOT NULL DEFAULT 0
);
-- which held comment went into which account's hourly digest: never the same one twice
CREATE TABLE staff_digest_items (
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    comment_id BIGINT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    sent_at    BIGINT NOT NULL,
    PRIMARY KEY (user_id, comment_id)
);
-- when a periodic job last ran (any server): 'staff-digest', 'newsletter-digest'
CREATE TABLE job_runs (
    name        TEXT PRIMARY KEY,
    last_run_at BIGINT NOT NULL
);
-- a newsletter issue is one article's ('article') or a digest of several ('digest', article_id NULL)
ALTER TABLE newsletter_issues ADD COLUMN kind TEXT NOT NULL DEFAULT 'article';
-- the articles of each digest: an article is in one digest at most
CREATE TABLE newsletter_digest_articles (
    article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    issue_id   BIGINT NOT NULL REFERENCES newsletter_issues(id) ON DELETE CASCADE
);
INSERT INTO leases (name) VALUES ('staff-digest');
INSERT INTO leases (name) VALUES ('newsletter-digest');
