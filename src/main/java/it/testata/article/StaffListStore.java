package it.testata.article;

import it.testata.paging.Count;
import it.testata.paging.Keyset;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL for the newsroom's article list page by page: keyset pages (no OFFSET) in the order of
 * {@link EditorialStore#list}, and counts that do not read every article (the counts table kept by V019's
 * triggers, or a count that stops after {@link #COUNT_CAP} rows when the filters need the articles themselves).
 */
public final class StaffListStore {
    /** Beyond this many matching articles a filtered list says "more than". */
    public static final int COUNT_CAP = 1000;
    static final String KEY = "COALESCE(a.published_at, a.updated_at)";

    private final Jdbi jdbi;

    public StaffListStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Up to n articles after the place (null: from the newest), in that direction's order. */
    public List<Article> rows(StaffQuery q, Keyset cursor, boolean older, int n) {
        return jdbi.withHandle(h -> {
            Map<String, Object> binds = new LinkedHashMap<>();
            String after = "";
            if (cursor != null) {
                after = " AND " + Keyset.condition(KEY, "a.id", older);
                binds.put("ksKey", cursor.key());
                binds.put("ksId", cursor.id());
            }
            Query query = h.createQuery(ArticleStore.SELECT_FULL + "WHERE 1 = 1" + EditorialStore.where(q, binds) + after
                    + Keyset.order(KEY, "a.id", older) + " LIMIT :limit").bind("limit", n);
            binds.forEach(query::bind);
            List<Article> list = query.map(ArticleStore::map).list();
            Map<Long, List<Term>> tags = ArticleStore.tagsOf(h, list.stream().map(Article::id).toList());
            return list.stream().map(a -> a.withTags(tags.getOrDefault(a.id(), List.of()))).toList();
        });
    }

    /** The place of an article in this list. */
    public static Keyset place(Article a) {
        return new Keyset((a.publishedAt() != null ? a.publishedAt() : a.updatedAt()).toEpochMilli(), a.id());
    }

    /**
     * How many articles match: exact from the counts table when only the kind, status and trash are chosen,
     * else counted up to {@link #COUNT_CAP}.
     */
    public Count count(StaffQuery q) {
        boolean plain = q.author() == null && q.category() == null && q.tag() == null && q.authorId() == null
                && (q.text() == null || q.text().isBlank());
        return jdbi.withHandle(h -> {
            if (plain) {
                Query query = h.createQuery("SELECT COALESCE(SUM(n), 0) FROM article_counts WHERE trashed = :trashed"
                        + (q.kind() != null ? " AND kind = :kind" : "") + (q.status() != null ? " AND status = :status" : ""))
                        .bind("trashed", q.trash() ? 1 : 0);
                if (q.kind() != null) query.bind("kind", q.kind());
                if (q.status() != null) query.bind("status", q.status().db());
                return Count.exactly(query.mapTo(Long.class).one());
            }
            Map<String, Object> binds = new LinkedHashMap<>();
            Query query = h.createQuery("""
                    SELECT COUNT(*) FROM (SELECT 1 FROM articles a
                    JOIN authors au ON au.id = a.author_id
                    LEFT JOIN categories c ON c.id = a.category_id
                    WHERE 1 = 1""" + EditorialStore.where(q, binds) + " LIMIT :cap) x").bind("cap", COUNT_CAP + 1);
            binds.forEach(query::bind);
            return Count.capped(query.mapTo(Long.class).one(), COUNT_CAP);
        });
    }
}
