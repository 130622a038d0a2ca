-- What the comment rules need: the commenter's network (IPv4 /24, IPv6 /48, never the full address) for
-- flood control and moderation, the browser's name, and indexes for flood checks and trusted emails.
ALTER TABLE comments ADD COLUMN ip_net TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
CREATE INDEX comments_email ON comments(author_email, created_at);
CREATE INDEX comments_net ON comments(ip_net, created_at);
CREATE INDEX comments_parent ON comments(parent_id);
