package it.testata.admin;

import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashMap;
import java.util.Map;

/** SQL for the dashboard's figures. */
public final class DashboardStore {
    private final Jdbi jdbi;

    public DashboardStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** How many articles each status holds: draft, scheduled, published (every status present). */
    public Map<String, Integer> articlesByStatus() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String s : new String[] {"draft", "scheduled", "published"}) out.put(s, 0);
        jdbi.useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM articles WHERE trashed_at IS NULL GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }
}
