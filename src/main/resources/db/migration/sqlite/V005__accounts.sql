-- The newsroom: staff accounts, their browser sessions and API tokens, the login throttle, article revisions,
-- and leases (one server at a time does a periodic job, such as publishing scheduled articles).
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'moderator')),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    author_id     INTEGER REFERENCES authors(id),
    created_at    INTEGER NOT NULL
);

-- A session is known by the SHA-256 of its cookie value, never by the value itself.
CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expiry ON sessions(expires_at);

-- Failed logins by account (as typed, lower case) and network (IPv4 /24, IPv6 /48).
CREATE TABLE login_failures (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    email      TEXT NOT NULL,
    ip_net     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(email, ip_net, created_at);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL DEFAULT '',
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);

-- Every save of an article keeps what was saved (the last 20 per article).
CREATE TABLE article_revisions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    slug         TEXT NOT NULL,
    title        TEXT NOT NULL,
    standfirst   TEXT NOT NULL DEFAULT '',
    body_md      TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    published_at INTEGER,
    author_name  TEXT NOT NULL,
    category     TEXT NOT NULL DEFAULT '',
    tags         TEXT NOT NULL DEFAULT '',
    saved_by     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    saved_at     INTEGER NOT NULL
);
CREATE INDEX article_revisions_article ON article_revisions(article_id, id);

CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL DEFAULT '',
    expires_at INTEGER NOT NULL DEFAULT 0
);
INSERT INTO leases (name) VALUES ('scheduler');
