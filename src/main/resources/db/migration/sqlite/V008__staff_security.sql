-- Staff security and privacy: the audit log, two-factor sign-in (TOTP secrets sealed with AES-GCM, hashed
-- recovery codes, passkeys), the half-signed-in state between password and second factor, WebAuthn challenges,
-- what a session shows its owner (network, browser, last seen), and erased comments (their cookies stop working).
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    actor_id   INTEGER,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '',
    ip_net     TEXT NOT NULL DEFAULT '',
    status     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor, at);
CREATE INDEX audit_log_action ON audit_log(action, at);

CREATE TABLE totp_secrets (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    sealed     TEXT NOT NULL,
    confirmed  INTEGER NOT NULL DEFAULT 0,
    last_step  INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE recovery_codes (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   INTEGER
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

CREATE TABLE passkeys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    credential    TEXT NOT NULL,
    sign_count    INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER
);
CREATE INDEX passkeys_user ON passkeys(user_id);

-- Password accepted, second factor pending: known by the SHA-256 of a cookie value; grants no staff access.
CREATE TABLE pending_logins (
    id_hash    TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    next_path  TEXT NOT NULL DEFAULT '/admin/',
    expires_at INTEGER NOT NULL
);

-- A WebAuthn challenge is used once: its row is deleted when an answer to it is checked.
CREATE TABLE webauthn_challenges (
    challenge  TEXT PRIMARY KEY,
    purpose    TEXT NOT NULL,
    user_id    INTEGER,
    expires_at INTEGER NOT NULL
);

ALTER TABLE sessions ADD COLUMN ip_net TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER;

ALTER TABLE comments ADD COLUMN erased_at INTEGER;
