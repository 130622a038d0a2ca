package it.testata.contact;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the contact form's messages. */
public final class ContactStore {
    private static final String COLUMNS = "id, name, email, subject, body, ip_net, status, created_at";

    private final Jdbi jdbi;

    public ContactStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static long insert(Handle h, ContactForm f, String ipNet, String status, Instant at) {
        return h.createUpdate("""
                        INSERT INTO contact_messages (name, email, subject, body, ip_net, status, created_at)
                        VALUES (:name, :email, :subject, :body, :net, :status, :at)""")
                .bind("name", f.name()).bind("email", f.email()).bind("subject", f.subject()).bind("body", f.message())
                .bind("net", ipNet).bind("status", status).bind("at", at.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** How many messages this address or network sent since then (the flood limit). */
    public static int recentFrom(Handle h, String email, String ipNet, Instant since) {
        return h.createQuery("SELECT COUNT(*) FROM contact_messages WHERE created_at > :since "
                        + "AND (email = :email OR (ip_net = :net AND ip_net <> ''))")
                .bind("since", since.toEpochMilli()).bind("email", email).bind("net", ipNet).mapTo(Integer.class).one();
    }

    /** The latest messages of one status, or every status but spam when null; newest first. */
    public List<ContactMessage> list(String status, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM contact_messages WHERE "
                        + (status == null ? "status <> 'spam'" : "status = :status") + " ORDER BY id DESC LIMIT :limit")
                .bind("status", status).bind("limit", limit).map(ContactStore::map).list());
    }

    public Optional<ContactMessage> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM contact_messages WHERE id = :id")
                .bind("id", id).map(ContactStore::map).findOne());
    }

    public boolean setStatus(long id, String status) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE contact_messages SET status = :status WHERE id = :id")
                .bind("status", status).bind("id", id).execute()) == 1;
    }

    public boolean delete(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM contact_messages WHERE id = :id").bind("id", id).execute()) == 1;
    }

    public Map<String, Integer> counts() {
        return jdbi.withHandle(h -> {
            Map<String, Integer> c = new java.util.LinkedHashMap<>();
            for (String s : List.of("unread", "read", "spam")) c.put(s, 0);
            h.createQuery("SELECT status, COUNT(*) FROM contact_messages GROUP BY status")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> c.put(e.getKey(), e.getValue()));
            return c;
        });
    }

    /** Everything kept about this address (for a privacy export): one map per message. */
    public List<Map<String, Object>> exportByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM contact_messages WHERE email = :email ORDER BY id")
                .bind("email", email.strip().toLowerCase(java.util.Locale.ROOT)).mapToMap().list());
    }

    /** Deletes every message from this address (a privacy erasure); returns how many. */
    public int eraseByEmail(String email) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM contact_messages WHERE email = :email")
                .bind("email", email.strip().toLowerCase(java.util.Locale.ROOT)).execute());
    }

    private static ContactMessage map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new ContactMessage(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("subject"),
                rs.getString("body"), rs.getString("ip_net"), rs.getString("status"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
