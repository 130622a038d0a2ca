package it.testata.article;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the newsroom: articles in any status, by id, filtered lists, writes by id, revisions, terms. */
public final class EditorialStore {
    private static final String REVISION_COLUMNS = """
            r.id, r.article_id, r.slug, r.title, r.standfirst, r.body_md, r.status, r.published_at, r.author_name,
            r.category, r.tags, r.saved_by, u.name AS saved_by_name, r.saved_at""";

    private final Jdbi jdbi;

    public EditorialStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Article> findById(long id) {
        return jdbi.withHandle(h -> findById(h, id));
    }

    public static Optional<Article> findById(Handle h, long id) {
        return h.createQuery(ArticleStore.SELECT_FULL + "WHERE a.id = :id").bind("id", id)
                .map(ArticleStore::map).findOne()
                .map(a -> a.withTags(ArticleStore.tagsOf(h, List.of(a.id())).getOrDefault(a.id(), List.of())));
    }

    /** Newest first (by publication time, then by last change for articles without one). */
    public List<Article> list(StaffQuery q, int limit, int offset) {
        return jdbi.withHandle(h -> {
            Map<String, Object> binds = new LinkedHashMap<>();
            Query query = h.createQuery(ArticleStore.SELECT_FULL + "WHERE 1 = 1" + where(q, binds)
                            + " ORDER BY COALESCE(a.published_at, a.updated_at) DESC, a.id DESC LIMIT :limit OFFSET :offset")
                    .bind("limit", limit).bind("offset", offset);
            binds.forEach(query::bind);
            List<Article> list = query.map(ArticleStore::map).list();
            Map<Long, List<Term>> tags = ArticleStore.tagsOf(h, list.stream().map(Article::id).toList());
            return list.stream().map(a -> a.withTags(tags.getOrDefault(a.id(), List.of()))).toList();
        });
    }

    public int count(StaffQuery q) {
        return jdbi.withHandle(h -> {
            Map<String, Object> binds = new LinkedHashMap<>();
            Query query = h.createQuery("""
                    SELECT COUNT(*) FROM articles a
                    JOIN authors au ON au.id = a.author_id
                    LEFT JOIN categories c ON c.id = a.category_id
                    WHERE 1 = 1""" + where(q, binds));
            binds.forEach(query::bind);
            return query.mapTo(Integer.class).one();
        });
    }

    static String where(StaffQuery q, Map<String, Object> binds) {
        StringBuilder w = new StringBuilder(q.trash() ? " AND a.trashed_at IS NOT NULL" : " AND a.trashed_at IS NULL");
        if (q.kind() != null) {
            w.append(" AND a.kind = :kind");
            binds.put("kind", q.kind());
        }
        if (q.status() != null) {
            w.append(" AND a.status = :status");
            binds.put("status", q.status().db());
        }
        if (q.authorId() != null) {
            w.append(" AND a.author_id = :authorId");
            binds.put("authorId", q.authorId());
        }
        if (q.author() != null) {
            w.append(" AND au.slug = :author");
            binds.put("author", Slugs.of(q.author()));
        }
        if (q.category() != null) {
            w.append(" AND c.slug = :category");
            binds.put("category", Slugs.of(q.category()));
        }
        if (q.tag() != null) {
            w.append(" AND EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                    + " WHERE x.article_id = a.id AND t.slug = :tag)");
            binds.put("tag", Slugs.of(q.tag()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            // '!' escapes LIKE's wildcards (a backslash would be taken by Jdbi's own parser)
            w.append(" AND (LOWER(a.title) LIKE :text ESCAPE '!' OR LOWER(a.standfirst) LIKE :text ESCAPE '!'"
                    + " OR LOWER(a.body_md) LIKE :text ESCAPE '!')");
            String escaped = q.text().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_");
            binds.put("text", "%" + escaped + "%");
        }
        return w.toString();
    }

    /** Categories or tags, by name, with how many articles carry each. */
    public List<TermCount> terms(String kind) {
        String sql = "category".equals(kind) ? """
                SELECT t.id, t.name, t.slug, (SELECT COUNT(*) FROM articles a WHERE a.category_id = t.id) AS n
                FROM categories t ORDER BY t.name, t.id""" : """
                SELECT t.id, t.name, t.slug, (SELECT COUNT(*) FROM article_tags x WHERE x.tag_id = t.id) AS n
                FROM tags t ORDER BY t.name, t.id""";
        return jdbi.withHandle(h -> h.createQuery(sql)
                .map((rs, ctx) -> new TermCount(new Term(rs.getLong(1), rs.getString(2), rs.getString(3), kind), rs.getInt(4)))
                .list());
    }

    /** An article's revisions, newest first. */
    public List<Revision> revisions(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + REVISION_COLUMNS
                        + " FROM article_revisions r LEFT JOIN users u ON u.id = r.saved_by"
                        + " WHERE r.article_id = :article ORDER BY r.id DESC")
                .bind("article", articleId).map(EditorialStore::mapRevision).list());
    }

    public Optional<Revision> revision(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + REVISION_COLUMNS
                        + " FROM article_revisions r LEFT JOIN users u ON u.id = r.saved_by WHERE r.id = :id")
                .bind("id", id).map(EditorialStore::mapRevision).findOne());
    }

    // ---- writes, inside the caller's transaction ----

    /** The author with this name's slug, created when there is none (an existing byline is left as it is). */
    public static long byline(Handle h, String name) {
        return h.createQuery("SELECT id FROM authors WHERE slug = :slug").bind("slug", Slugs.of(name))
                .mapTo(Long.class).findOne()
                .orElseGet(() -> ArticleStore.ensureAuthor(h, name, Slugs.of(name), ""));
    }

    /** True when another article than exceptId (null: any) has this slug. */
    public static boolean slugTaken(Handle h, String slug, Long exceptId) {
        return h.createQuery("SELECT COUNT(*) FROM articles WHERE slug = :slug AND id <> :except")
                .bind("slug", slug).bind("except", exceptId == null ? -1L : exceptId)
                .mapTo(Integer.class).one() > 0;
    }

    public static long insert(Handle h, ArticleDraft d, long authorId, Long categoryId, Instant now) {
        long id = bindFields(h.createQuery("""
                        INSERT INTO articles (slug, title, standfirst, body_md, body_html, status, published_at,
                                              created_at, updated_at, author_id, category_id)
                        VALUES (:slug, :title, :standfirst, :md, :html, :status, :published, :now, :now, :author, :category)
                        RETURNING id"""), d, authorId, categoryId, now)
                .mapTo(Long.class).one();
        ArticleStore.setTags(h, id, d.tags());
        return id;
    }

    /**
     * Updates every field of the article with this id; false when there is none. An article in the trash stays a
     * draft there (newsroom): the status given is the one it gets back when restored.
     */
    public static boolean update(Handle h, long id, ArticleDraft d, long authorId, Long categoryId, Instant now) {
        int n = bindFields(h.createUpdate("""
                        UPDATE articles SET slug = :slug, title = :title, standfirst = :standfirst, body_md = :md,
                            body_html = :html, status = CASE WHEN trashed_at IS NULL THEN :status ELSE 'draft' END,
                            trashed_status = CASE WHEN trashed_at IS NULL THEN NULL ELSE :status END,
                            published_at = :published, updated_at = :now,
                            author_id = :author, category_id = :category
                        WHERE id = :id"""), d, authorId, categoryId, now)
                .bind("id", id).execute();
        if (n == 0) return false;
        ArticleStore.setTags(h, id, d.tags());
        return true;
    }

    private static <T extends SqlStatement<T>> T bindFields(T statement, ArticleDraft d, long authorId, Long categoryId,
                                                           Instant now) {
        return statement.bind("slug", d.slug()).bind("title", d.title()).bind("standfirst", d.standfirst())
                .bind("md", d.bodyMd()).bind("html", Markdown.toSafeHtml(d.bodyMd())).bind("status", d.status().db())
                .bind("published", d.publishedAt() == null ? null : d.publishedAt().toEpochMilli())
                .bind("now", now.toEpochMilli()).bind("author", authorId).bind("category", categoryId);
    }

    public static boolean delete(Handle h, long id) {
        return h.createUpdate("DELETE FROM articles WHERE id = :id").bind("id", id).execute() == 1;
    }

    /** Keeps the article as it now stands as a revision, and only the newest {@code keep} of its revisions. */
    public static void keepRevision(Handle h, long articleId, Long savedBy, Instant now, int keep) {
        Article a = findById(h, articleId).orElseThrow();
        h.createUpdate("""
                        INSERT INTO article_revisions (article_id, slug, title, standfirst, body_md, status, published_at,
                                                       author_name, category, tags, saved_by, saved_at)
                        VALUES (:article, :slug, :title, :standfirst, :md, :status, :published, :author, :category,
                                :tags, :by, :at)""")
                .bind("article", articleId).bind("slug", a.slug()).bind("title", a.title())
                .bind("standfirst", a.standfirst()).bind("md", a.bodyMd()).bind("status", a.status().db())
                .bind("published", a.publishedAt() == null ? null : a.publishedAt().toEpochMilli())
                .bind("author", a.author().name()).bind("category", a.category() == null ? "" : a.category().name())
                .bind("tags", String.join("\n", a.tags().stream().map(Term::name).toList()))
                .bind("by", savedBy).bind("at", now.toEpochMilli())
                .execute();
        h.createUpdate("""
                        DELETE FROM article_revisions WHERE article_id = :article AND id NOT IN
                            (SELECT id FROM article_revisions WHERE article_id = :article ORDER BY id DESC LIMIT :keep)""")
                .bind("article", articleId).bind("keep", keep).execute();
    }

    /** Scheduled articles whose time has come, oldest first. */
    public static List<Long> due(Handle h, Instant now) {
        return h.createQuery("SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= :now ORDER BY published_at, id")
                .bind("now", now.toEpochMilli()).mapTo(Long.class).list();
    }

    /** Flips one scheduled article to published; false when another server already did. */
    public static boolean publishScheduled(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE articles SET status = 'published', updated_at = :now WHERE id = :id AND status = 'scheduled'")
                .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    private static Revision mapRevision(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        long published = rs.getLong("published_at");
        Instant publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(published);
        long by = rs.getLong("saved_by");
        Long savedBy = rs.wasNull() ? null : by;
        String tags = rs.getString("tags");
        List<String> tagList = tags.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(tags.split("\n")));
        String category = rs.getString("category");
        return new Revision(rs.getLong("id"), rs.getLong("article_id"), rs.getString("slug"), rs.getString("title"),
                rs.getString("standfirst"), rs.getString("body_md"), Status.parse(rs.getString("status")), publishedAt,
                rs.getString("author_name"), category.isEmpty() ? null : category, List.copyOf(tagList), savedBy,
                rs.getString("saved_by_name"), Instant.ofEpochMilli(rs.getLong("saved_at")));
    }
}
