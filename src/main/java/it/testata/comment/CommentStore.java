package it.testata.comment;

import it.testata.article.Article;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** SQL for reader comments. */
public final class CommentStore {
    private static final String PUBLIC_COLUMNS =
            "k.id, k.article_id, k.parent_id, k.status, k.author_name, k.author_url, k.body_html, k.created_at, k.staff";
    private static final String STAFF_SELECT = """
            SELECT k.id, k.article_id, a.slug AS article_slug, a.published_at AS article_published_at, k.parent_id,
                   k.status, k.author_name, k.author_email, k.author_url, k.body_raw, k.created_at, k.ip_net,
                   k.verdict, k.spam_score, k.spam_reasons, k.learned
            FROM comments k JOIN articles a ON a.id = k.article_id
            """;

    private final Jdbi jdbi;

    public CommentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The latest approved comments on public articles, newest first. */
    public List<RecentComment> recentApproved(int limit, Instant now, ZoneId zone) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT k.id, k.author_name, a.title, a.slug, a.published_at, k.body_raw
                        FROM comments k JOIN articles a ON a.id = k.article_id
                        WHERE k.status = 'approved' AND k.kind = 'comment'
                          AND a.status = 'published' AND a.published_at <= :now AND a.kind = 'post' AND a.password IS NULL
                        ORDER BY k.created_at DESC, k.id DESC LIMIT :limit""")
                .bind("now", now.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> {
                    String path = Article.path(rs.getString("slug"), Instant.ofEpochMilli(rs.getLong("published_at")), zone);
                    return new RecentComment(rs.getLong("id"), rs.getString("author_name"), rs.getString("title"), path,
                            RecentComment.excerpt(rs.getString("body_raw")));
                })
                .list());
    }

    /** An article's approved comments, plus the listed pending ones (the reader's own), oldest first. */
    public List<Comment> forArticle(long articleId, Collection<Long> ownPending) {
        return jdbi.withHandle(h -> {
            // an erased commenter's cookie no longer shows their held comments (privacy/CommentData)
            String own = ownPending.isEmpty() ? "" : " OR (k.status = 'pending' AND k.erased_at IS NULL AND k.id IN (<own>))";
            Query q = h.createQuery("SELECT " + PUBLIC_COLUMNS + " FROM comments k WHERE k.article_id = :article AND "
                            + "k.kind = 'comment' AND (k.status = 'approved'" + own + ") ORDER BY k.created_at, k.id")
                    .bind("article", articleId);
            if (!ownPending.isEmpty()) q.bindList("own", List.copyOf(ownPending));
            return q.map(CommentStore::mapPublic).list();
        });
    }

    /** An approved comment on this article, which a reply may answer. */
    public Optional<Comment> approvedOn(long articleId, long commentId) {
        return jdbi.withHandle(h -> approvedOn(h, articleId, commentId));
    }

    /** The same, inside the caller's transaction. */
    public static Optional<Comment> approvedOn(Handle h, long articleId, long commentId) {
        return h.createQuery("SELECT " + PUBLIC_COLUMNS
                        + " FROM comments k WHERE k.id = :id AND k.article_id = :article AND k.status = 'approved' AND k.kind = 'comment'")
                .bind("id", commentId).bind("article", articleId)
                .map(CommentStore::mapPublic).findOne();
    }

    /**
     * Serializes comment submissions for the rest of the transaction, so two simultaneous posts cannot both
     * pass the flood check. SQLite's write transactions already take the one write lock at BEGIN; PostgreSQL
     * takes a transaction-scoped advisory lock. Comments take it once per group commit (a batch of submissions
     * checked in order in one transaction: several servers' batches follow each other), the contact form once per
     * message.
     */
    public static void lockSubmissions(Handle h) {
        try {
            if ("PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName())) {
                h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7246001)) AS locked").mapTo(Integer.class).one();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many comments this email or this network stored since the given time (flood control). */
    public static int recentFrom(Handle h, String email, String ipNet, Instant since) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM comments
                        WHERE created_at > :since AND (LOWER(author_email) = LOWER(:email) OR (ip_net = :net AND ip_net <> ''))""")
                .bind("since", since.toEpochMilli()).bind("email", email).bind("net", ipNet)
                .mapTo(Integer.class).one();
    }

    /** True once a moderator has approved any comment written with this email. */
    public static boolean trusted(Handle h, String email) {
        return h.createQuery("SELECT COUNT(*) FROM comments WHERE LOWER(author_email) = LOWER(:email) AND status = 'approved'")
                .bind("email", email).mapTo(Integer.class).one() > 0;
    }

    public static long insert(Handle h, NewComment c, Instant at) {
        return h.createQuery("""
                        INSERT INTO comments (article_id, parent_id, status, author_name, author_email, author_url,
                                              body_raw, body_html, created_at, ip_net, user_agent, verdict, spam_score,
                                              spam_reasons, status_at)
                        VALUES (:article, :parent, :status, :name, :email, :url, :raw, :html, :at, :net, :agent,
                                :verdict, :score, :reasons, :at)
                        RETURNING id""")
                .bind("article", c.articleId()).bind("parent", c.parentId()).bind("status", c.status().db())
                .bind("name", c.authorName()).bind("email", c.authorEmail()).bind("url", c.authorUrl())
                .bind("raw", c.bodyRaw()).bind("html", c.bodyHtml()).bind("at", at.toEpochMilli())
                .bind("net", c.ipNet()).bind("agent", c.userAgent())
                .bind("verdict", c.verdict()).bind("score", c.score()).bind("reasons", String.join("\n", c.reasons()))
                .mapTo(Long.class).one();
    }

    public Optional<CommentRecord> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public static Optional<CommentRecord> find(Handle h, long id) {
        return h.createQuery(STAFF_SELECT + "WHERE k.id = :id").bind("id", id).map(CommentStore::mapStaff).findOne();
    }

    public static void setStatus(Handle h, long id, CommentStatus status) {
        h.createUpdate("UPDATE comments SET status = :status, status_at = :now WHERE id = :id")
                .bind("status", status.db()).bind("now", System.currentTimeMillis()).bind("id", id).execute();
    }

    /** Records what the spam filter was taught from this comment: ham or spam. */
    public static void setLearned(Handle h, long id, String learned) {
        h.createUpdate("UPDATE comments SET learned = :learned WHERE id = :id").bind("learned", learned).bind("id", id).execute();
    }

    /** Deletes the comments that have been spam since before the given time; returns how many. */
    public static int purgeSpam(Handle h, Instant before) {
        String old = "SELECT id FROM comments WHERE status = 'spam' AND COALESCE(status_at, created_at) < :before";
        h.createUpdate("UPDATE comments SET parent_id = NULL WHERE parent_id IN (" + old + ")")
                .bind("before", before.toEpochMilli()).execute();
        return h.createUpdate("DELETE FROM comments WHERE id IN (" + old + ")").bind("before", before.toEpochMilli()).execute();
    }

    public static void delete(Handle h, long id) {
        // replies keep their place in the thread one level up (parent_id is set to NULL by the foreign key)
        h.createUpdate("UPDATE comments SET parent_id = NULL WHERE parent_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM comments WHERE id = :id").bind("id", id).execute();
    }

    /** Comments for staff, newest first, optionally by status and article slug. */
    public List<CommentRecord> list(CommentStatus status, String articleSlug, int limit) {
        return jdbi.withHandle(h -> {
            StringBuilder where = new StringBuilder("WHERE 1 = 1");
            if (status != null) where.append(" AND k.status = :status");
            if (articleSlug != null) where.append(" AND a.slug = :slug");
            Query q = h.createQuery(STAFF_SELECT + where + " ORDER BY k.created_at DESC, k.id DESC LIMIT :limit")
                    .bind("limit", limit);
            if (status != null) q.bind("status", status.db());
            if (articleSlug != null) q.bind("slug", articleSlug);
            return q.map(CommentStore::mapStaff).list();
        });
    }

    /**
     * How many comments each status holds (a status with none is absent or 0), from the counts that V019's
     * triggers keep in the same transaction as every write to comments (a handful of rows, not every comment).
     */
    public java.util.Map<CommentStatus, Integer> counts(boolean pings) {
        return jdbi.withHandle(h -> {
            java.util.Map<CommentStatus, Integer> out = new java.util.EnumMap<>(CommentStatus.class);
            h.createQuery("SELECT status, SUM(n) AS n FROM comment_counts WHERE " + kinds(pings) + " GROUP BY status")
                    .map((rs, ctx) -> java.util.Map.entry(CommentStatus.parse(rs.getString("status")), rs.getInt("n")))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** One page of a moderation tab: the comments with this status, newest first. */
    public List<CommentRecord> page(CommentStatus status, boolean pings, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(STAFF_SELECT + "WHERE k.status = :status AND k." + kinds(pings)
                        + " ORDER BY k.created_at DESC, k.id DESC LIMIT :limit OFFSET :offset")
                .bind("status", status.db()).bind("limit", limit).bind("offset", offset)
                .map(CommentStore::mapStaff).list());
    }

    /**
     * Up to n comments of a moderation tab after the place (null: from the newest), ordered by (created_at, id)
     * in that direction (see {@link it.testata.paging.KeysetPage}); the index comments_queue serves it.
     */
    public List<CommentRecord> queueRows(CommentStatus status, boolean pings, it.testata.paging.Keyset cursor,
                                         boolean older, int n) {
        String after = cursor == null ? "" : " AND " + it.testata.paging.Keyset.condition("k.created_at", "k.id", older);
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(STAFF_SELECT + "WHERE k.status = :status AND k." + kinds(pings) + after
                            + it.testata.paging.Keyset.order("k.created_at", "k.id", older) + " LIMIT :limit")
                    .bind("status", status.db()).bind("limit", n);
            if (cursor != null) q.bind("ksKey", cursor.key()).bind("ksId", cursor.id());
            return q.map(CommentStore::mapStaff).list();
        });
    }

    /** Reader comments, or (pings) pingbacks and trackbacks: the queue lists them apart. */
    private static String kinds(boolean pings) {
        return pings ? "kind IN ('pingback', 'trackback')" : "kind = 'comment'";
    }

    /** The titles of these articles, by id. */
    public java.util.Map<Long, String> articleTitles(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) return java.util.Map.of();
        return jdbi.withHandle(h -> {
            java.util.Map<Long, String> out = new java.util.HashMap<>();
            h.createQuery("SELECT id, title FROM articles WHERE id IN (<ids>)").bindList("ids", List.copyOf(articleIds))
                    .map((rs, ctx) -> java.util.Map.entry(rs.getLong("id"), rs.getString("title")))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** Replaces what a moderator may edit: the author's name and website, and the text (raw and rendered). */
    public static void edit(Handle h, long id, String authorName, String authorUrl, String bodyRaw, String bodyHtml) {
        h.createUpdate("UPDATE comments SET author_name = :name, author_url = :url, body_raw = :raw, body_html = :html WHERE id = :id")
                .bind("name", authorName).bind("url", authorUrl).bind("raw", bodyRaw).bind("html", bodyHtml)
                .bind("id", id).execute();
    }

    private static Comment mapPublic(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), parentId, CommentStatus.parse(rs.getString("status")),
                rs.getString("author_name"), rs.getString("author_url"), rs.getString("body_html"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("staff") != 0);
    }

    /** Marks a comment as the newsroom's (a staff reply from the moderation queue): pages show "Redazione". */
    public static void markStaff(Handle h, long id) {
        h.createUpdate("UPDATE comments SET staff = 1 WHERE id = :id").bind("id", id).execute();
    }

    private static CommentRecord mapStaff(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long published = rs.getLong("article_published_at");
        Instant publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(published);
        return new CommentRecord(rs.getLong("id"), rs.getLong("article_id"), rs.getString("article_slug"), publishedAt,
                parentId, CommentStatus.parse(rs.getString("status")), rs.getString("author_name"),
                rs.getString("author_email"), rs.getString("author_url"), rs.getString("body_raw"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("ip_net"), rs.getString("verdict"),
                score(rs), reasons(rs.getString("spam_reasons")), rs.getString("learned"));
    }

    private static Double score(ResultSet rs) throws SQLException {
        double v = rs.getDouble("spam_score");
        return rs.wasNull() ? null : v;
    }

    private static List<String> reasons(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }
}
