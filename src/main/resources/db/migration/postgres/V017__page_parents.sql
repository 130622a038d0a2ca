-- Parent pages: a page (kind page) may sit under another page, and its address nests under the parent's
-- (/chi-siamo/la-redazione/). Only the parent is stored; the address is computed from the chain of slugs.
-- Deleting a parent leaves its children at the top level (the index keeps that check cheap on deletes).
ALTER TABLE articles ADD COLUMN parent_id BIGINT REFERENCES articles(id) ON DELETE SET NULL;
CREATE INDEX articles_parent ON articles(parent_id);
-- Every page render reads the pages (id, slug, title, parent) to write their addresses: a few rows among many posts.
CREATE INDEX articles_kind ON articles(kind);
