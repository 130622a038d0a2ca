-- The staff lists' counts without counting: how many comments of each kind and status, and how many articles
-- of each kind, status and place (trash or not), kept by triggers in the same transaction as every write to
-- comments or articles (the moderation tabs and the newsroom's list read a handful of rows instead of every
-- comment or article). Comment counts are spread over 8 slots (the comment's id modulo 8) so that concurrent
-- writers on PostgreSQL seldom wait for the same row; a count is the sum of its slots.
CREATE TABLE comment_counts (
    kind   TEXT NOT NULL,
    status TEXT NOT NULL,
    slot   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (kind, status, slot)
);
INSERT INTO comment_counts (kind, status, slot, n) SELECT kind, status, 0, COUNT(*) FROM comments GROUP BY kind, status;

CREATE TRIGGER comment_counts_insert AFTER INSERT ON comments BEGIN
    INSERT INTO comment_counts (kind, status, slot, n) VALUES (NEW.kind, NEW.status, NEW.id % 8, 1)
        ON CONFLICT (kind, status, slot) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER comment_counts_delete AFTER DELETE ON comments BEGIN
    INSERT INTO comment_counts (kind, status, slot, n) VALUES (OLD.kind, OLD.status, OLD.id % 8, -1)
        ON CONFLICT (kind, status, slot) DO UPDATE SET n = n - 1;
END;
CREATE TRIGGER comment_counts_update AFTER UPDATE OF kind, status ON comments
    WHEN OLD.kind <> NEW.kind OR OLD.status <> NEW.status BEGIN
    INSERT INTO comment_counts (kind, status, slot, n) VALUES (OLD.kind, OLD.status, OLD.id % 8, -1)
        ON CONFLICT (kind, status, slot) DO UPDATE SET n = n - 1;
    INSERT INTO comment_counts (kind, status, slot, n) VALUES (NEW.kind, NEW.status, NEW.id % 8, 1)
        ON CONFLICT (kind, status, slot) DO UPDATE SET n = n + 1;
END;

CREATE TABLE article_counts (
    kind    TEXT NOT NULL,
    status  TEXT NOT NULL,
    trashed INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (kind, status, trashed)
);
INSERT INTO article_counts (kind, status, trashed, n)
    SELECT kind, status, CASE WHEN trashed_at IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM articles
    GROUP BY kind, status, CASE WHEN trashed_at IS NULL THEN 0 ELSE 1 END;

CREATE TRIGGER article_counts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_counts (kind, status, trashed, n) VALUES (NEW.kind, NEW.status, NEW.trashed_at IS NOT NULL, 1)
        ON CONFLICT (kind, status, trashed) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER article_counts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_counts (kind, status, trashed, n) VALUES (OLD.kind, OLD.status, OLD.trashed_at IS NOT NULL, -1)
        ON CONFLICT (kind, status, trashed) DO UPDATE SET n = n - 1;
END;
CREATE TRIGGER article_counts_update AFTER UPDATE OF kind, status, trashed_at ON articles
    WHEN OLD.kind <> NEW.kind OR OLD.status <> NEW.status OR (OLD.trashed_at IS NULL) <> (NEW.trashed_at IS NULL) BEGIN
    INSERT INTO article_counts (kind, status, trashed, n) VALUES (OLD.kind, OLD.status, OLD.trashed_at IS NOT NULL, -1)
        ON CONFLICT (kind, status, trashed) DO UPDATE SET n = n - 1;
    INSERT INTO article_counts (kind, status, trashed, n) VALUES (NEW.kind, NEW.status, NEW.trashed_at IS NOT NULL, 1)
        ON CONFLICT (kind, status, trashed) DO UPDATE SET n = n + 1;
END;

-- The moderation queue pages by (created_at, id) within one status: on SQLite the index comments_recent
-- (status, created_at) ends with the rowid, which is the id, so it serves that order and the keyset condition
-- as it is. (An index led by (status, kind) was tried and dropped: with no statistics, SQLite then took it for
-- the comment count of every listed article instead of comments_article, and read the whole status per article.)

-- The newsroom's list outside the trash, newest first, of one kind (articles or pages), and of one status too:
-- a page walks one of these from its place and stops after its rows. (V014's articles_staff_order alone lost
-- to articles_trashed on SQLite, which then sorted every article for each page.)
CREATE INDEX articles_live_order ON articles(kind, COALESCE(published_at, updated_at) DESC, id DESC) WHERE trashed_at IS NULL;
CREATE INDEX articles_live_status_order ON articles(kind, status, COALESCE(published_at, updated_at) DESC, id DESC) WHERE trashed_at IS NULL;
