-- The duplicate check (spam/SpamStore.duplicate) looks a new comment's text up among the last 30 days' comments.
-- Without this index it read every comment of the article (or of the address or network) and compared the texts;
-- now it finds the few comments that begin alike, whatever the site's size. The first 64 characters are enough
-- to tell texts apart and keep the index small.
CREATE INDEX comments_text_start ON comments(substr(body_raw, 1, 64), created_at);
