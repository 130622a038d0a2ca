package it.testata.spam;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the spam filter: the site's model (totals and feature rows), discard counts, duplicate lookups. */
public final class SpamStore {
    /** The site model's totals and how many lessons it has had (its version). */
    public record Totals(double bias, double biasG2, long spamLearned, long hamLearned, long version) {
        static final Totals NONE = new Totals(0, 0, 0, 0, 0);
    }

    /** Comments discarded on one day for one reason. */
    public record DiscardCount(String day, String reason, long count) {}

    private final Jdbi jdbi;

    public SpamStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Serializes lessons for the rest of the transaction, so two servers learning at once cannot both start from
     * the same numbers. SQLite's write transactions hold the one write lock already.
     */
    static void lock(Handle h) {
        try {
            if ("PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName())) {
                h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7246002)) AS locked").mapTo(Integer.class).one();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Totals totals(Handle h) {
        return h.createQuery("SELECT bias, bias_g2, spam_learned, ham_learned, version FROM spam_model WHERE id = 1")
                .map((rs, ctx) -> new Totals(rs.getDouble(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .findOne().orElse(Totals.NONE);
    }

    /** The rows of these features that the site has learned. */
    static Map<String, double[]> features(Handle h, Collection<String> names) {
        Map<String, double[]> out = new HashMap<>();
        List<String> all = new ArrayList<>(names);
        for (int i = 0; i < all.size(); i += 500) {
            h.createQuery("SELECT name, weight, g2, spam_count, ham_count FROM spam_features WHERE name IN (<names>)")
                    .bindList("names", all.subList(i, Math.min(all.size(), i + 500)))
                    .map((rs, ctx) -> Map.entry(rs.getString(1),
                            new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)}))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The feature rows written by lessons after the given version. */
    static Map<String, double[]> changedSince(Handle h, long version) {
        Map<String, double[]> out = new HashMap<>();
        h.createQuery("SELECT name, weight, g2, spam_count, ham_count FROM spam_features WHERE version > :v")
                .bind("v", version)
                .map((rs, ctx) -> Map.entry(rs.getString(1),
                        new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)}))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Writes a lesson: the rows it changed and the new totals, all marked with the new version. */
    static void save(Handle h, Map<String, double[]> rows, Totals t) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO spam_features (name, weight, g2, spam_count, ham_count, version)
                VALUES (:name, :w, :g2, :spam, :ham, :v)
                ON CONFLICT (name) DO UPDATE SET weight = excluded.weight, g2 = excluded.g2,
                    spam_count = excluded.spam_count, ham_count = excluded.ham_count, version = excluded.version""");
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            double[] w = e.getValue();
            batch.bind("name", e.getKey()).bind("w", w[0]).bind("g2", w[1]).bind("spam", w[2]).bind("ham", w[3])
                    .bind("v", t.version()).add();
        }
        if (!rows.isEmpty()) batch.execute();
        h.createUpdate("""
                        INSERT INTO spam_model (id, bias, bias_g2, spam_learned, ham_learned, version)
                        VALUES (1, :bias, :g2, :spam, :ham, :v)
                        ON CONFLICT (id) DO UPDATE SET bias = excluded.bias, bias_g2 = excluded.bias_g2,
                            spam_learned = excluded.spam_learned, ham_learned = excluded.ham_learned, version = excluded.version""")
                .bind("bias", t.bias()).bind("g2", t.biasG2()).bind("spam", t.spamLearned()).bind("ham", t.hamLearned())
                .bind("v", t.version()).execute();
    }

    /** One more comment discarded today for this reason. */
    static void countDiscard(Handle h, String day, String reason) {
        h.createUpdate("""
                        INSERT INTO spam_discards (day, reason, count) VALUES (:day, :reason, 1)
                        ON CONFLICT (day, reason) DO UPDATE SET count = spam_discards.count + 1""")
                .bind("day", day).bind("reason", reason).execute();
    }

    public List<DiscardCount> discards(String sinceDay) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT day, reason, count FROM spam_discards WHERE day >= :since ORDER BY day DESC, reason")
                .bind("since", sinceDay)
                .map((rs, ctx) -> new DiscardCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
    }

    /**
     * A recent comment with the same text, on the same article by anyone, or anywhere from the same e-mail or
     * network. Found through the index on the text's start (comments_text_start, both databases); the full text is
     * compared as {@code body_raw || ''} because SQLite, seeing {@code body_raw = ?}, would put the value in place of
     * the column in the other condition and lose the index (then reading every comment of the article instead).
     */
    static Optional<Long> duplicate(Handle h, long articleId, SpamInput c, Instant since) {
        return h.createQuery("""
                        SELECT id FROM comments
                        WHERE substr(body_raw, 1, 64) = substr(:text, 1, 64) AND body_raw || '' = :text AND created_at > :since
                          AND (article_id = :article OR LOWER(author_email) = LOWER(:email) OR (ip_net = :net AND ip_net <> ''))
                        ORDER BY id LIMIT 1""")
                .bind("text", c.text()).bind("since", since.toEpochMilli()).bind("article", articleId)
                .bind("email", c.email()).bind("net", c.ipNet())
                .mapTo(Long.class).findOne();
    }
}
