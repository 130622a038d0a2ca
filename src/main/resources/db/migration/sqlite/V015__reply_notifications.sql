-- Reply notifications: readers who ticked "notify me of replies" on the comment form. One row per address with
-- its proof of consent (when and from which network it asked, when and from where it confirmed); one row per
-- comment whose replies its author wants by e-mail (the "thread"); one row per reply already told about, so a
-- reply approved, unapproved and approved again is told once.
CREATE TABLE reply_subscribers (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    consent_at    INTEGER NOT NULL,
    consent_net   TEXT NOT NULL DEFAULT '',
    asked_at      INTEGER NOT NULL,
    confirmed_at  INTEGER,
    confirmed_net TEXT,
    changed_at    INTEGER NOT NULL
);

CREATE TABLE reply_subscriptions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    subscriber_id INTEGER NOT NULL REFERENCES reply_subscribers(id) ON DELETE CASCADE,
    comment_id    INTEGER NOT NULL UNIQUE REFERENCES comments(id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL
);
CREATE INDEX reply_subscriptions_subscriber ON reply_subscriptions(subscriber_id);

CREATE TABLE reply_notices (
    reply_id   INTEGER PRIMARY KEY REFERENCES comments(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);
