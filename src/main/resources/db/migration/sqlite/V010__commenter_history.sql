-- The spam filter's commenter history (spam/CommenterHistory): what moderators made of the comments stored with
-- the same e-mail address or website, read before every new comment is judged.
CREATE INDEX comments_author_email ON comments(author_email, status);
CREATE INDEX comments_author_url ON comments(lower(author_url), status);
