package it.testata.audit;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for the audit log. Rows are only ever added and, past their retention, pruned: nothing edits one. */
public final class AuditStore {
    private final Jdbi jdbi;

    public AuditStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The filters of the audit page: each null or empty one matches everything; times are [from, to). */
    public record Filter(String actor, String action, Instant from, Instant to) {}

    public static void insert(Handle h, Instant at, Long actorId, String actor, String action, String target,
                              String detail, String ipNet, int status) {
        h.createUpdate("""
                        INSERT INTO audit_log (at, actor_id, actor, action, target, detail, ip_net, status)
                        VALUES (:at, :actorId, :actor, :action, :target, :detail, :net, :status)""")
                .bind("at", at.toEpochMilli()).bind("actorId", actorId).bind("actor", cut(actor, 254))
                .bind("action", cut(action, 200)).bind("target", cut(target, 500)).bind("detail", cut(detail, 2000))
                .bind("net", ipNet == null ? "" : ipNet).bind("status", status).execute();
    }

    public void insert(Instant at, Long actorId, String actor, String action, String target, String detail,
                       String ipNet, int status) {
        jdbi.useHandle(h -> insert(h, at, actorId, actor, action, target, detail, ipNet, status));
    }

    /** A page of entries matching the filter, newest first, and how many match in all. */
    public record Slice(List<AuditEntry> entries, int total) {}

    public Slice find(Filter f, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object[]> binds = new ArrayList<>();
        if (f.actor() != null && !f.actor().isBlank()) {
            where.append(" AND LOWER(actor) = :actor");
            binds.add(new Object[]{"actor", f.actor().strip().toLowerCase(java.util.Locale.ROOT)});
        }
        if (f.action() != null && !f.action().isBlank()) {
            // a prefix: "login" finds login.ok, login.failed, ...; "POST /admin/comments" every moderation action
            where.append(" AND action LIKE :action ESCAPE '!'");
            binds.add(new Object[]{"action", f.action().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"});
        }
        if (f.from() != null) {
            where.append(" AND at >= :from");
            binds.add(new Object[]{"from", f.from().toEpochMilli()});
        }
        if (f.to() != null) {
            where.append(" AND at < :to");
            binds.add(new Object[]{"to", f.to().toEpochMilli()});
        }
        return jdbi.withHandle(h -> {
            var count = h.createQuery("SELECT COUNT(*) FROM audit_log" + where);
            var rows = h.createQuery("SELECT id, at, actor_id, actor, action, target, detail, ip_net, status FROM audit_log"
                    + where + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
            for (Object[] b : binds) {
                count.bind((String) b[0], b[1]);
                rows.bind((String) b[0], b[1]);
            }
            int total = count.mapTo(Integer.class).one();
            List<AuditEntry> entries = rows.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> {
                long actorId = rs.getLong("actor_id");
                Long actor = rs.wasNull() ? null : actorId;
                return new AuditEntry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")), actor, rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("ip_net"),
                        rs.getInt("status"));
            }).list();
            return new Slice(entries, total);
        });
    }

    /** Deletes entries older than this; returns how many. */
    public int prune(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM audit_log WHERE at < :before")
                .bind("before", before.toEpochMilli()).execute());
    }

    private static String cut(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max);
    }
}
