package it.testata.notify;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for reply notifications: the addresses that asked, the comments they follow, the replies already told. */
public final class NotifyStore {
    static final String COLUMNS = "id, email, status, consent_at, consent_net, asked_at, confirmed_at, confirmed_net";

    private final Jdbi jdbi;

    public NotifyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    static Optional<ReplySubscriber> byEmail(Handle h, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM reply_subscribers WHERE email = :e").bind("e", email)
                .map(NotifyStore::map).findOne();
    }

    static Optional<ReplySubscriber> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM reply_subscribers WHERE id = :id").bind("id", id)
                .map(NotifyStore::map).findOne();
    }

    public Optional<ReplySubscriber> find(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    /** A new request for this address (or one coming back after unsubscribing): pending, consent recorded now. */
    static long ask(Handle h, String email, String net, Instant now) {
        long at = now.toEpochMilli();
        Optional<ReplySubscriber> old = byEmail(h, email);
        if (old.isPresent()) {
            h.createUpdate("""
                            UPDATE reply_subscribers SET status = 'pending', consent_at = :at, consent_net = :net, asked_at = :at,
                                confirmed_at = NULL, confirmed_net = NULL, changed_at = :at WHERE id = :id""")
                    .bind("at", at).bind("net", net).bind("id", old.get().id()).execute();
            return old.get().id();
        }
        return h.createUpdate("""
                        INSERT INTO reply_subscribers (email, status, consent_at, consent_net, asked_at, changed_at)
                        VALUES (:e, 'pending', :at, :net, :at, :at)""")
                .bind("e", email).bind("at", at).bind("net", net)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** A pending address asking again after a while: its confirmation link goes again. */
    static void askedAgain(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE reply_subscribers SET asked_at = :at, changed_at = :at WHERE id = :id")
                .bind("at", now.toEpochMilli()).bind("id", id).execute();
    }

    static boolean confirm(Handle h, long id, String net, Instant now) {
        return h.createUpdate("UPDATE reply_subscribers SET status = 'confirmed', confirmed_at = :at, confirmed_net = :net, "
                        + "changed_at = :at WHERE id = :id AND status = 'pending'")
                .bind("at", now.toEpochMilli()).bind("net", net).bind("id", id).execute() == 1;
    }

    /** Unsubscribes the address from every thread; its followed comments are forgotten. */
    static boolean unsubscribeAll(Handle h, long id, Instant now) {
        h.createUpdate("DELETE FROM reply_subscriptions WHERE subscriber_id = :id").bind("id", id).execute();
        return h.createUpdate("UPDATE reply_subscribers SET status = 'unsubscribed', changed_at = :at "
                        + "WHERE id = :id AND status <> 'unsubscribed'")
                .bind("at", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    /** The address follows the replies to this comment (once). */
    static void follow(Handle h, long subscriberId, long commentId, Instant now) {
        h.createUpdate("INSERT INTO reply_subscriptions (subscriber_id, comment_id, created_at) VALUES (:s, :c, :at) "
                        + "ON CONFLICT (comment_id) DO NOTHING")
                .bind("s", subscriberId).bind("c", commentId).bind("at", now.toEpochMilli()).execute();
    }

    static boolean unfollow(Handle h, long subscriptionId) {
        return h.createUpdate("DELETE FROM reply_subscriptions WHERE id = :id").bind("id", subscriptionId).execute() == 1;
    }

    /** Who follows the replies to this comment: the subscription's id and its subscriber. */
    record Follower(long subscriptionId, ReplySubscriber subscriber) {}

    static Optional<Follower> follower(Handle h, long commentId) {
        return h.createQuery("SELECT s.id AS subscription_id, r.id, r.email, r.status, r.consent_at, r.consent_net, r.asked_at, "
                        + "r.confirmed_at, r.confirmed_net FROM reply_subscriptions s JOIN reply_subscribers r ON r.id = s.subscriber_id "
                        + "WHERE s.comment_id = :c")
                .bind("c", commentId).map((rs, ctx) -> new Follower(rs.getLong("subscription_id"), map(rs, ctx))).findOne();
    }

    /** Records that this reply was told about; false when it already was. */
    static boolean firstNotice(Handle h, long replyId, Instant now) {
        return h.createUpdate("INSERT INTO reply_notices (reply_id, created_at) VALUES (:r, :at) ON CONFLICT (reply_id) DO NOTHING")
                .bind("r", replyId).bind("at", now.toEpochMilli()).execute() == 1;
    }

    /** The subscriber whose subscription this is, when it still exists. */
    Optional<ReplySubscriber> subscriberOf(long subscriptionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.id, r.email, r.status, r.consent_at, r.consent_net, r.asked_at, "
                        + "r.confirmed_at, r.confirmed_net FROM reply_subscriptions s JOIN reply_subscribers r ON r.id = s.subscriber_id "
                        + "WHERE s.id = :id")
                .bind("id", subscriptionId).map(NotifyStore::map).findOne());
    }

    /** The comments this address follows (for a privacy export). */
    static List<Map<String, Object>> subscriptions(Handle h, long subscriberId) {
        return h.createQuery("SELECT comment_id, created_at FROM reply_subscriptions WHERE subscriber_id = :s ORDER BY id")
                .bind("s", subscriberId).mapToMap().list();
    }

    static ReplySubscriber map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        long confirmed = rs.getLong("confirmed_at");
        Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
        return new ReplySubscriber(rs.getLong("id"), rs.getString("email"), rs.getString("status"),
                Instant.ofEpochMilli(rs.getLong("consent_at")), rs.getString("consent_net"),
                Instant.ofEpochMilli(rs.getLong("asked_at")), confirmedAt, rs.getString("confirmed_net"));
    }
}
