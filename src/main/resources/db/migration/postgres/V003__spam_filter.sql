-- The spam filter. Each stored comment keeps the filter's verdict (approve, hold, spam), its probability, the
-- reasons as lines of text, what the model learned from it (ham, spam or nothing: so that a moderator changing
-- their mind moves the counts instead of adding to them) and when its status last changed (spam is purged
-- 30 days after).
ALTER TABLE comments ADD COLUMN verdict TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN spam_score DOUBLE PRECISION;
ALTER TABLE comments ADD COLUMN spam_reasons TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN learned TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN status_at BIGINT;
CREATE INDEX comments_status_at ON comments(status, status_at);

-- The site's own model: one row of totals, and one row per feature it has learned. The version grows with
-- every lesson; a server that has read up to version v reads only the rows written after it.
CREATE TABLE spam_model (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    bias         DOUBLE PRECISION NOT NULL,
    bias_g2      DOUBLE PRECISION NOT NULL,
    spam_learned BIGINT NOT NULL,
    ham_learned  BIGINT NOT NULL,
    version      BIGINT NOT NULL
);
CREATE TABLE spam_features (
    name       TEXT PRIMARY KEY,
    weight     DOUBLE PRECISION NOT NULL,
    g2         DOUBLE PRECISION NOT NULL,
    spam_count DOUBLE PRECISION NOT NULL,
    ham_count  DOUBLE PRECISION NOT NULL,
    version    BIGINT NOT NULL
);
CREATE INDEX spam_features_version ON spam_features(version);

-- Comments discarded without being stored (honeypot, forged or hurried forms, blatant spam): only a count per
-- day and reason, so the dashboard can say what the filter is doing. No comment data is kept.
CREATE TABLE spam_discards (
    day    TEXT NOT NULL,
    reason TEXT NOT NULL,
    count  BIGINT NOT NULL,
    PRIMARY KEY (day, reason)
);
