-- The newsroom's article list (admin and API) is ordered newest first by publication time, or last change for
-- articles without one: with this index the first page reads 20 rows instead of sorting every article.
CREATE INDEX articles_staff_order ON articles ((COALESCE(published_at, updated_at)) DESC, id DESC);
