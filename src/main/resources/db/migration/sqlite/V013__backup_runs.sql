-- Scheduled backups: one server at a time takes them (the 'backup' lease) and records each run here, so every
-- server knows when the last one was and /metrics can show it.
CREATE TABLE backup_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  BIGINT NOT NULL,
    finished_at BIGINT,
    file        TEXT NOT NULL DEFAULT '',
    ok          INTEGER NOT NULL DEFAULT 0,
    message     TEXT NOT NULL DEFAULT ''
);
INSERT INTO leases (name) VALUES ('backup');
