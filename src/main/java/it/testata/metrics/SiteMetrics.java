package it.testata.metrics;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The site's own figures for /metrics. Counters kept in memory are read as they are; figures that live in the
 * database (stored comments by verdict, discarded submissions by reason), the same for every server on it, are
 * read at most every few seconds, when a scrape comes.
 */
public final class SiteMetrics {
    private static final Duration DATABASE_EVERY = Duration.ofSeconds(5);

    private final Metrics metrics;
    private final Jdbi jdbi;
    private volatile long readAt;

    public SiteMetrics(Metrics metrics, Jdbi jdbi) {
        this.metrics = metrics;
        this.jdbi = jdbi;
    }

    /** A counter of events this process saw, read from a number it keeps anyway. */
    public SiteMetrics counter(String name, String description, LongSupplier source) {
        metrics.counter(name, description, source, s -> s.getAsLong());
        return this;
    }

    public SiteMetrics gauge(String name, String description, LongSupplier source) {
        metrics.gauge(name, description, source, s -> s.getAsLong());
        return this;
    }

    /** The text of a scrape, with the database's figures brought up to date first when they are old. */
    public String scrape() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > DATABASE_EVERY.toNanos()) {
            readAt = now;
            try {
                readDatabase();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SiteMetrics.class).warn("metrics: the database figures could not be read: {}", e.toString());
            }
        }
        return metrics.scrape();
    }

    private void readDatabase() {
        jdbi.useHandle(h -> {
            List<Map<String, Object>> verdicts = h.createQuery(
                    "SELECT verdict, status, COUNT(*) AS n FROM comments GROUP BY verdict, status").mapToMap().list();
            for (Map<String, Object> row : verdicts) {
                String verdict = String.valueOf(row.get("verdict"));
                metrics.set("testata.comments", "Stored comments by the spam filter's verdict and their status",
                        ((Number) row.get("n")).longValue(), "verdict", verdict.isEmpty() ? "none" : verdict,
                        "status", String.valueOf(row.get("status")));
            }
            List<Map<String, Object>> discards = h.createQuery(
                    "SELECT reason, SUM(count) AS n FROM spam_discards GROUP BY reason").mapToMap().list();
            for (Map<String, Object> row : discards) {
                metrics.set("testata.spam.discards", "Submissions discarded unstored (verdict discard, bots), by reason",
                        ((Number) row.get("n")).longValue(), "reason", String.valueOf(row.get("reason")));
            }
        });
    }
}
