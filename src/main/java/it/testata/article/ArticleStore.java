package it.testata.article;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for articles, their authors, categories and tags. */
public final class ArticleStore {
    /** Public means published and with a publication time that has passed; lists and dated addresses show posts, not pages. */
    static final String PUBLIC = "a.status = 'published' AND a.published_at <= :now AND a.kind = 'post'";
    /** Password-protected articles are in no list, feed, sitemap or search: their own page only. */
    public static final String NOT_PROTECTED = "a.password IS NULL";
    /** A public page (an imported WordPress page), served at /{slug}/. */
    static final String PUBLIC_PAGE = "a.status = 'published' AND a.published_at <= :now AND a.kind = 'page'";

    private static final String SELECT = """
            SELECT a.id, a.slug, a.title, a.standfirst, a.status, a.published_at, a.updated_at, a.comments_open, a.image, a.password,
                   %s AS body_md, %s AS body_html,
                   au.id AS au_id, au.name AS au_name, au.slug AS au_slug, au.bio AS au_bio,
                   c.id AS c_id, c.name AS c_name, c.slug AS c_slug,
                   (SELECT COUNT(*) FROM comments k WHERE k.article_id = a.id AND k.status = 'approved' AND k.kind = 'comment') AS comment_count
            FROM articles a
            JOIN authors au ON au.id = a.author_id
            LEFT JOIN categories c ON c.id = a.category_id
            """;
    static final String SELECT_FULL = SELECT.formatted("a.body_md", "a.body_html");
    private static final String SELECT_CARD = SELECT.formatted("''", "''");

    private final Jdbi jdbi;

    public ArticleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** For the newsroom's stores in this package, which share this table's mapping. */
    Jdbi jdbi() {
        return jdbi;
    }

    public Optional<Article> findPublic(String slug, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_FULL + "WHERE a.slug = :slug AND " + PUBLIC)
                .bind("slug", slug).bind("now", now.toEpochMilli())
                .map(ArticleStore::map).findOne()
                .map(a -> a.withTags(tagsOf(h, List.of(a.id())).getOrDefault(a.id(), List.of()))));
    }

    /** An image's alt text from the media library (newsroom); empty when it has none or is unknown. */
    public String imageAlt(String image) {
        return jdbi.withHandle(h -> h.createQuery("SELECT alt FROM images WHERE name = :name").bind("name", image)
                .mapTo(String.class).findOne().orElse(""));
    }

    public Optional<Article> findPublicPage(String slug, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_FULL + "WHERE a.slug = :slug AND " + PUBLIC_PAGE)
                .bind("slug", slug).bind("now", now.toEpochMilli())
                .map(ArticleStore::map).findOne());
    }

    /** The pages as a tree (--- pages ---). */
    it.testata.page.PageTree pageTree() {
        return it.testata.page.PageStore.tree(jdbi);
    }

    public Optional<Article> findPublicById(long id, Instant now) {
        // with its tags: a comment refused with 422 shows the article page again, tags included
        return jdbi.withHandle(h -> h.createQuery(SELECT_FULL + "WHERE a.id = :id AND " + PUBLIC)
                .bind("id", id).bind("now", now.toEpochMilli())
                .map(ArticleStore::map).findOne()
                .map(a -> a.withTags(tagsOf(h, List.of(a.id())).getOrDefault(a.id(), List.of()))));
    }

    public Optional<Article> findPublicPageById(long id, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_FULL + "WHERE a.id = :id AND " + PUBLIC_PAGE)
                .bind("id", id).bind("now", now.toEpochMilli())
                .map(ArticleStore::map).findOne());
    }

    public Optional<Article> findBySlug(Handle h, String slug) {
        return h.createQuery(SELECT_FULL + "WHERE a.slug = :slug").bind("slug", slug)
                .map(ArticleStore::map).findOne();
    }

    public List<Article> listPublic(ArticleQuery q, Instant now, int limit, int offset) {
        return listPublic(SELECT_CARD, q, now, limit, offset);
    }

    /** The latest public articles with their bodies and tags, newest first (for feeds). */
    public List<Article> latestPublicFull(ArticleQuery q, Instant now, int limit) {
        return listPublic(SELECT_FULL, q, now, limit, 0);
    }

    private List<Article> listPublic(String select, ArticleQuery q, Instant now, int limit, int offset) {
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(select + "WHERE " + PUBLIC + " AND " + NOT_PROTECTED + " " + q.where()
                            + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                    .bind("now", now.toEpochMilli()).bind("limit", limit).bind("offset", offset);
            q.binds().forEach(query::bind);
            List<Article> list = query.map(ArticleStore::map).list();
            Map<Long, List<Term>> tags = tagsOf(h, list.stream().map(Article::id).toList());
            return list.stream().map(a -> a.withTags(tags.getOrDefault(a.id(), List.of()))).toList();
        });
    }

    public int countPublic(ArticleQuery q, Instant now) {
        return jdbi.withHandle(h -> {
            Query query = h.createQuery("""
                            SELECT COUNT(*) FROM articles a
                            JOIN authors au ON au.id = a.author_id
                            LEFT JOIN categories c ON c.id = a.category_id
                            WHERE """ + " " + PUBLIC + " AND " + NOT_PROTECTED + " " + q.where())
                    .bind("now", now.toEpochMilli());
            q.binds().forEach(query::bind);
            return query.mapTo(Integer.class).one();
        });
    }

    public int countAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Integer.class).one());
    }

    /** The earliest publication time still in the future, if any: when the public site will next change by itself. */
    public Optional<Instant> nextPublication(Instant now) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT MIN(published_at) FROM articles WHERE status = 'published' AND published_at > :now")
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    public Optional<Author> author(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, slug, bio FROM authors WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findOne());
    }

    public Optional<Term> term(String kind, String slug) {
        String table = "category".equals(kind) ? "categories" : "tags";
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, slug FROM " + table + " WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Term(rs.getLong(1), rs.getString(2), rs.getString(3), kind))
                .findOne());
    }

    static Map<Long, List<Term>> tagsOf(Handle h, List<Long> articleIds) {
        Map<Long, List<Term>> byArticle = new HashMap<>();
        if (articleIds.isEmpty()) return byArticle;
        h.createQuery("""
                        SELECT x.article_id, t.id, t.name, t.slug FROM article_tags x JOIN tags t ON t.id = x.tag_id
                        WHERE x.article_id IN (<ids>) ORDER BY t.name""")
                .bindList("ids", articleIds)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Term(rs.getLong(2), rs.getString(3), rs.getString(4), "tag")))
                .forEach(e -> byArticle.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byArticle;
    }

    // ---- writes, inside the caller's transaction ----

    public static long ensureAuthor(Handle h, String name, String slug, String bio) {
        return h.createQuery("""
                        INSERT INTO authors (name, slug, bio, created_at) VALUES (:name, :slug, :bio, :at)
                        ON CONFLICT (slug) DO UPDATE SET name = excluded.name,
                            bio = CASE WHEN excluded.bio = '' THEN authors.bio ELSE excluded.bio END
                        RETURNING id""")
                .bind("name", name).bind("slug", slug).bind("bio", bio == null ? "" : bio)
                .bind("at", System.currentTimeMillis())
                .mapTo(Long.class).one();
    }

    public static long ensureTerm(Handle h, String kind, String name) {
        String table = "category".equals(kind) ? "categories" : "tags";
        return h.createQuery("INSERT INTO " + table + " (name, slug) VALUES (:name, :slug) "
                        + "ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id")
                .bind("name", name.strip()).bind("slug", Slugs.of(name))
                .mapTo(Long.class).one();
    }

    public static void setImage(Handle h, long id, String image) {
        h.createUpdate("UPDATE articles SET image = :image WHERE id = :id").bind("image", image).bind("id", id).execute();
    }

    public static void setCommentsOpen(Handle h, long id, boolean open) {
        h.createUpdate("UPDATE articles SET comments_open = :open WHERE id = :id")
                .bind("open", open ? 1 : 0).bind("id", id).execute();
    }

    /** Inserts or updates the article with this slug; returns its id. */
    public static long upsert(Handle h, ArticleDraft d, long authorId, Long categoryId, Instant now) {
        long id = h.createQuery("""
                        INSERT INTO articles (slug, title, standfirst, body_md, body_html, status, published_at,
                                              created_at, updated_at, author_id, category_id)
                        VALUES (:slug, :title, :standfirst, :md, :html, :status, :published, :now, :now, :author, :category)
                        ON CONFLICT (slug) DO UPDATE SET title = excluded.title, standfirst = excluded.standfirst,
                            body_md = excluded.body_md, body_html = excluded.body_html,
                            status = CASE WHEN articles.trashed_at IS NULL THEN excluded.status ELSE 'draft' END,
                            trashed_status = CASE WHEN articles.trashed_at IS NULL THEN NULL ELSE excluded.status END,
                            published_at = excluded.published_at, updated_at = excluded.updated_at,
                            author_id = excluded.author_id, category_id = excluded.category_id
                        RETURNING id""")
                .bind("slug", d.slug()).bind("title", d.title()).bind("standfirst", d.standfirst())
                .bind("md", d.bodyMd()).bind("html", Markdown.toSafeHtml(d.bodyMd()))
                .bind("status", d.status().db())
                .bind("published", d.publishedAt() == null ? null : d.publishedAt().toEpochMilli())
                .bind("now", now.toEpochMilli()).bind("author", authorId).bind("category", categoryId)
                .mapTo(Long.class).one();
        setTags(h, id, d.tags());
        return id;
    }

    /** Replaces an article's tags with these names, creating the tags that do not exist yet. */
    static void setTags(Handle h, long id, List<String> names) {
        h.createUpdate("DELETE FROM article_tags WHERE article_id = :id").bind("id", id).execute();
        for (String tag : names) {
            if (tag.isBlank() || Slugs.of(tag).isEmpty()) continue;
            long tagId = ensureTerm(h, "tag", tag);
            h.createUpdate("INSERT INTO article_tags (article_id, tag_id) VALUES (:a, :t) ON CONFLICT DO NOTHING")
                    .bind("a", id).bind("t", tagId).execute();
        }
    }

    static Article map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        long published = rs.getLong("published_at");
        Instant publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(published);
        long catId = rs.getLong("c_id");
        Term category = rs.wasNull() ? null : new Term(catId, rs.getString("c_name"), rs.getString("c_slug"), "category");
        return new Article(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("standfirst"),
                rs.getString("body_md"), rs.getString("body_html"), Status.parse(rs.getString("status")),
                publishedAt, Instant.ofEpochMilli(rs.getLong("updated_at")),
                new Author(rs.getLong("au_id"), rs.getString("au_name"), rs.getString("au_slug"), rs.getString("au_bio")),
                category, List.of(), rs.getInt("comments_open") != 0, rs.getInt("comment_count"), rs.getString("image"),
                rs.getString("password"));
    }
}
