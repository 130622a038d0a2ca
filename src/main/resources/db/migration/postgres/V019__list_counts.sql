-- The staff lists' counts without counting: how many comments of each kind and status, and how many articles
-- of each kind, status and place (trash or not), kept by triggers in the same transaction as every write to
-- comments or articles (the moderation tabs and the newsroom's list read a handful of rows instead of every
-- comment or article). Comment counts are spread over 8 slots (the comment's id modulo 8) so that concurrent
-- writers seldom wait for the same row's lock; a count is the sum of its slots.
CREATE TABLE comment_counts (
    kind   TEXT NOT NULL,
    status TEXT NOT NULL,
    slot   INTEGER NOT NULL,
    n      BIGINT NOT NULL,
    PRIMARY KEY (kind, status, slot)
);
INSERT INTO comment_counts (kind, status, slot, n) SELECT kind, status, 0, COUNT(*) FROM comments GROUP BY kind, status;

CREATE OR REPLACE FUNCTION comment_counts_track() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.kind = NEW.kind AND OLD.status = NEW.status THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO comment_counts (kind, status, slot, n) VALUES (OLD.kind, OLD.status, OLD.id % 8, -1)
            ON CONFLICT (kind, status, slot) DO UPDATE SET n = comment_counts.n - 1;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO comment_counts (kind, status, slot, n) VALUES (NEW.kind, NEW.status, NEW.id % 8, 1)
            ON CONFLICT (kind, status, slot) DO UPDATE SET n = comment_counts.n + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER comment_counts_track AFTER INSERT OR DELETE OR UPDATE OF kind, status ON comments
    FOR EACH ROW EXECUTE FUNCTION comment_counts_track();

CREATE TABLE article_counts (
    kind    TEXT NOT NULL,
    status  TEXT NOT NULL,
    trashed INTEGER NOT NULL,
    n       BIGINT NOT NULL,
    PRIMARY KEY (kind, status, trashed)
);
INSERT INTO article_counts (kind, status, trashed, n)
    SELECT kind, status, CASE WHEN trashed_at IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM articles
    GROUP BY kind, status, CASE WHEN trashed_at IS NULL THEN 0 ELSE 1 END;

CREATE OR REPLACE FUNCTION article_counts_track() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.kind = NEW.kind AND OLD.status = NEW.status
            AND (OLD.trashed_at IS NULL) = (NEW.trashed_at IS NULL) THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO article_counts (kind, status, trashed, n)
            VALUES (OLD.kind, OLD.status, CASE WHEN OLD.trashed_at IS NULL THEN 0 ELSE 1 END, -1)
            ON CONFLICT (kind, status, trashed) DO UPDATE SET n = article_counts.n - 1;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO article_counts (kind, status, trashed, n)
            VALUES (NEW.kind, NEW.status, CASE WHEN NEW.trashed_at IS NULL THEN 0 ELSE 1 END, 1)
            ON CONFLICT (kind, status, trashed) DO UPDATE SET n = article_counts.n + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER article_counts_track AFTER INSERT OR DELETE OR UPDATE OF kind, status, trashed_at ON articles
    FOR EACH ROW EXECUTE FUNCTION article_counts_track();

-- The moderation queue pages by (created_at, id) within one status and kind: this index serves both the
-- order and the keyset condition, so a page reads its 50 rows wherever it is in the queue.
CREATE INDEX comments_queue ON comments(status, kind, created_at DESC, id DESC);

-- The newsroom's list outside the trash, newest first, of one kind (articles or pages), and of one status too:
-- a page walks one of these from its place and stops after its rows. (V014's articles_staff_order alone lost
-- to articles_trashed on SQLite, which then sorted every article for each page.)
CREATE INDEX articles_live_order ON articles(kind, (COALESCE(published_at, updated_at)) DESC, id DESC) WHERE trashed_at IS NULL;
CREATE INDEX articles_live_status_order ON articles(kind, status, (COALESCE(published_at, updated_at)) DESC, id DESC) WHERE trashed_at IS NULL;
