package it.testata.account;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for staff accounts, their sessions and API tokens, and failed logins. */
public final class UserStore {
    private static final String USER_COLUMNS = "u.id, u.email, u.name, u.role, u.disabled, u.author_id, u.created_at";

    private final Jdbi jdbi;

    public UserStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A user and the stored password hash, for checking a login. */
    public record Credentials(User user, String passwordHash) {}

    public Optional<Credentials> credentials(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + ", u.password_hash FROM users u WHERE u.email = :email")
                .bind("email", email)
                .map((rs, ctx) -> new Credentials(map(rs), rs.getString("password_hash")))
                .findOne());
    }

    public Optional<User> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.email = :email")
                .bind("email", email).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<User> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    /** Every account, by name. */
    public List<User> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + " FROM users u ORDER BY u.name, u.id")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** The session with this hashed id, while it lasts and its user is not disabled. */
    public Optional<Principal> session(String idHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + """
                        , s.csrf FROM sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.id_hash = :id AND s.expires_at > :now AND u.disabled = 0""")
                .bind("id", idHash).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Principal(map(rs), rs.getString("csrf")))
                .findOne());
    }

    /** The times of this account's failed logins from this network since the given time, oldest first. */
    public List<Long> failures(String email, String ipNet, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT created_at FROM login_failures
                        WHERE email = :email AND ip_net = :net AND created_at > :since ORDER BY created_at""")
                .bind("email", email).bind("net", ipNet).bind("since", since.toEpochMilli())
                .mapTo(Long.class).list());
    }

    /** An API token as listed (never the token itself, which is not kept). */
    public record Token(long id, String email, String name, Instant createdAt, Instant lastUsedAt) {}

    /** The user of the token with this hash, unless disabled, and when the token was last used. */
    public Optional<Map.Entry<User, Long>> tokenUser(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS + """
                        , t.id AS token_id FROM api_tokens t JOIN users u ON u.id = t.user_id
                        WHERE t.token_hash = :hash AND u.disabled = 0""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> Map.entry(map(rs), rs.getLong("token_id")))
                .findOne());
    }

    public List<Token> tokens(String email) {
        String where = email == null ? "" : " WHERE u.email = :email";
        return jdbi.withHandle(h -> {
            var q = h.createQuery("""
                    SELECT t.id, u.email, t.name, t.created_at, t.last_used_at FROM api_tokens t
                    JOIN users u ON u.id = t.user_id""" + where + " ORDER BY t.id");
            if (email != null) q.bind("email", email);
            return q.map((rs, ctx) -> {
                    long used = rs.getLong("last_used_at");
                    return new Token(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                            Instant.ofEpochMilli(rs.getLong("created_at")), rs.wasNull() ? null : Instant.ofEpochMilli(used));
                }).list();
        });
    }

    // ---- writes, inside the caller's transaction ----

    public static long insertToken(Handle h, long userId, String name, String tokenHash, Instant at) {
        return h.createQuery("""
                        INSERT INTO api_tokens (user_id, name, token_hash, created_at)
                        VALUES (:user, :name, :hash, :at) RETURNING id""")
                .bind("user", userId).bind("name", name).bind("hash", tokenHash).bind("at", at.toEpochMilli())
                .mapTo(Long.class).one();
    }

    /** Deletes the tokens with these ids; returns how many there were. */
    public static int deleteTokens(Handle h, List<Long> ids) {
        if (ids.isEmpty()) return 0;
        return h.createUpdate("DELETE FROM api_tokens WHERE id IN (<ids>)").bindList("ids", ids).execute();
    }

    public static void tokenUsed(Handle h, long tokenId, Instant at) {
        h.createUpdate("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", tokenId).execute();
    }

    public static long insert(Handle h, String email, String name, Role role, String passwordHash, Long authorId,
                              Instant at) {
        return h.createQuery("""
                        INSERT INTO users (email, name, role, password_hash, disabled, author_id, created_at)
                        VALUES (:email, :name, :role, :hash, 0, :author, :at) RETURNING id""")
                .bind("email", email).bind("name", name).bind("role", role.db()).bind("hash", passwordHash)
                .bind("author", authorId).bind("at", at.toEpochMilli())
                .mapTo(Long.class).one();
    }

    public static boolean exists(Handle h, String email) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE email = :email").bind("email", email)
                .mapTo(Integer.class).one() > 0;
    }

    public static boolean setPassword(Handle h, long userId, String passwordHash) {
        return h.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash).bind("id", userId).execute() == 1;
    }

    public static boolean setRole(Handle h, long userId, Role role) {
        return h.createUpdate("UPDATE users SET role = :role WHERE id = :id")
                .bind("role", role.db()).bind("id", userId).execute() == 1;
    }

    public static boolean setDisabled(Handle h, long userId, boolean disabled) {
        return h.createUpdate("UPDATE users SET disabled = :d WHERE id = :id")
                .bind("d", disabled ? 1 : 0).bind("id", userId).execute() == 1;
    }

    public static void insertSession(Handle h, String idHash, long userId, String csrf, Instant at, Instant expires) {
        h.createUpdate("""
                        INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at)
                        VALUES (:id, :user, :csrf, :at, :expires)""")
                .bind("id", idHash).bind("user", userId).bind("csrf", csrf)
                .bind("at", at.toEpochMilli()).bind("expires", expires.toEpochMilli())
                .execute();
    }

    public static void deleteSession(Handle h, String idHash) {
        h.createUpdate("DELETE FROM sessions WHERE id_hash = :id").bind("id", idHash).execute();
    }

    public static void deleteSessionsOf(Handle h, long userId) {
        h.createUpdate("DELETE FROM sessions WHERE user_id = :user").bind("user", userId).execute();
    }

    /** Forgets ended sessions and failed logins older than the given time. */
    public static void prune(Handle h, Instant now, Instant failuresBefore) {
        h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now").bind("now", now.toEpochMilli()).execute();
        h.createUpdate("DELETE FROM login_failures WHERE created_at < :before")
                .bind("before", failuresBefore.toEpochMilli()).execute();
    }

    public static void recordFailure(Handle h, String email, String ipNet, Instant at) {
        h.createUpdate("INSERT INTO login_failures (email, ip_net, created_at) VALUES (:email, :net, :at)")
                .bind("email", email).bind("net", ipNet).bind("at", at.toEpochMilli()).execute();
    }

    public static void clearFailures(Handle h, String email, String ipNet) {
        h.createUpdate("DELETE FROM login_failures WHERE email = :email AND ip_net = :net")
                .bind("email", email).bind("net", ipNet).execute();
    }

    // --- staff: sessions as their owner sees them, own name ---

    /** A session as the profile page lists it (never its cookie); key is the first characters of its hash. */
    public record SessionInfo(String key, Instant createdAt, Instant lastSeenAt, String ipNet, String userAgent,
                              boolean current) {}

    public List<SessionInfo> sessions(long userId, String currentHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id_hash, created_at, last_seen_at, ip_net, user_agent FROM sessions
                        WHERE user_id = :u AND expires_at > :now ORDER BY created_at DESC""")
                .bind("u", userId).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> {
                    long seen = rs.getLong("last_seen_at");
                    Instant lastSeen = rs.wasNull() ? null : Instant.ofEpochMilli(seen);
                    String hash = rs.getString("id_hash");
                    return new SessionInfo(hash.substring(0, 8), Instant.ofEpochMilli(rs.getLong("created_at")), lastSeen,
                            rs.getString("ip_net"), rs.getString("user_agent"), hash.equals(currentHash));
                }).list());
    }

    public static void describeSession(Handle h, String idHash, String ipNet, String userAgent, Instant at) {
        h.createUpdate("UPDATE sessions SET ip_net = :net, user_agent = :agent, last_seen_at = :at WHERE id_hash = :id")
                .bind("net", ipNet == null ? "" : ipNet).bind("agent", userAgent).bind("at", at.toEpochMilli())
                .bind("id", idHash).execute();
    }

    public static void sessionSeen(Handle h, String idHash, Instant at) {
        h.createUpdate("UPDATE sessions SET last_seen_at = :at WHERE id_hash = :id").bind("at", at.toEpochMilli())
                .bind("id", idHash).execute();
    }

    public static int deleteSessionsOfExcept(Handle h, long userId, String keepHash) {
        return h.createUpdate("DELETE FROM sessions WHERE user_id = :user AND id_hash <> :keep")
                .bind("user", userId).bind("keep", keepHash).execute();
    }

    public static boolean setName(Handle h, long userId, String name) {
        return h.createUpdate("UPDATE users SET name = :name WHERE id = :id").bind("name", name).bind("id", userId).execute() == 1;
    }

    static User map(ResultSet rs) throws SQLException {
        long author = rs.getLong("author_id");
        Long authorId = rs.wasNull() ? null : author;
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                Role.parse(rs.getString("role")).orElseThrow(), rs.getInt("disabled") != 0, authorId,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
