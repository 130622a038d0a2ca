-- E-mail with readers: the outbox every message goes through (written in the transaction of the event that
-- causes it, sent by one server holding the "mailer" lease), the contact form's messages, newsletter subscribers
-- with their proof of consent, and the newsletter issues (one per article at most, ever: sent = 0 records that
-- the article was published without sending, a decision taken once).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    reply_to        TEXT,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    message_id      TEXT NOT NULL UNIQUE,
    unsubscribe_url TEXT,
    auto_submitted  INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL DEFAULT 'queued',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    issue_id        INTEGER,
    subscriber_id   INTEGER,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at, id);
CREATE INDEX outbox_issue ON outbox(issue_id, status);

CREATE TABLE contact_messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    ip_net     TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'unread',
    created_at INTEGER NOT NULL
);
CREATE INDEX contact_messages_status ON contact_messages(status, id);
CREATE INDEX contact_messages_flood ON contact_messages(ip_net, created_at);

CREATE TABLE subscribers (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'pending',
    consent_at     INTEGER NOT NULL,
    consent_net    TEXT NOT NULL DEFAULT '',
    consent_source TEXT NOT NULL DEFAULT 'form',
    confirmed_at   INTEGER,
    confirmed_net  TEXT,
    failures       INTEGER NOT NULL DEFAULT 0,
    changed_at     INTEGER NOT NULL
);
CREATE INDEX subscribers_status ON subscribers(status, id);

CREATE TABLE newsletter_issues (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER UNIQUE REFERENCES articles(id) ON DELETE SET NULL,
    subject    TEXT NOT NULL,
    sent       INTEGER NOT NULL,
    recipients INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

-- the editor's "send to subscribers" choice for an article not yet public (a scheduled one)
CREATE TABLE newsletter_choices (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    send       INTEGER NOT NULL
);

-- staff password resets: only the SHA-256 of each link's token; every request is a row (also for an unknown
-- address, with no user), so requests can be throttled per address and per network
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER REFERENCES users(id) ON DELETE CASCADE,
    email      TEXT NOT NULL,
    ip_net     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX password_resets_email ON password_resets(email, created_at);
CREATE INDEX password_resets_net ON password_resets(ip_net, created_at);

INSERT INTO leases (name) VALUES ('mailer');
