package it.testata.front;

import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for the front page and the article's "Leggi anche": related articles by shared tags, and word counts. */
public final class FrontStore {
    private static final String PUBLIC = "a.status = 'published' AND a.published_at <= :now AND a.kind = 'post'";

    private final Jdbi jdbi;

    public FrontStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Public articles sharing tags with this one, the most shared tags first, then the newest. */
    public List<Long> byTags(long articleId, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id FROM article_tags x
                        JOIN article_tags y ON y.tag_id = x.tag_id AND y.article_id <> x.article_id
                        JOIN articles a ON a.id = y.article_id
                        WHERE x.article_id = :id AND""" + " " + PUBLIC
                        + " GROUP BY a.id ORDER BY COUNT(*) DESC, MAX(a.published_at) DESC, a.id DESC LIMIT :limit")
                .bind("id", articleId).bind("now", now.toEpochMilli()).bind("limit", limit)
                .mapTo(Long.class).list());
    }

    /** The number of words of each article's Markdown body. */
    public Map<Long, Integer> words(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> {
            Map<Long, Integer> out = new HashMap<>();
            h.createQuery("SELECT id, body_md FROM articles WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), ReadingTime.words(rs.getString(2))))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }
}
