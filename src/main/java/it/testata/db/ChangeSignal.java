package it.testata.db;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

/**
 * --- cluster2 --- PostgreSQL's word that the change log has grown: every {@link ChangeLog#write} sends a
 * notification on the site's channel (one per schema: notifications are database-wide) in its own transaction (PostgreSQL delivers it at commit, never for a rollback), and
 * this thread waits for it with {@code LISTEN} on one connection of its own, outside the pool, and then wakes the
 * change follower at once instead of letting it sleep out its poll. The notification carries nothing: the follower
 * reads the log as on every poll, so a notification lost (a dropped connection, a restart) costs one poll interval,
 * never a change. A lost connection is opened again a second later.
 */
final class ChangeSignal {
    private static final Logger log = LoggerFactory.getLogger(ChangeSignal.class);
    /** How long one wait for notifications lasts before the thread looks whether it was told to stop. */
    private static final int WAIT_MILLIS = 1_000;

    private final Callable<Connection> connect;
    private final String channel;
    private final Runnable wake;
    private volatile Thread thread;
    private volatile boolean listening;
    private volatile Connection open;

    /** @param connect opens a connection of its own (not from the pool: it is held for good) */
    ChangeSignal(Callable<Connection> connect, String channel, Runnable wake) {
        this.connect = connect;
        this.channel = channel;
        this.wake = wake;
    }

    /** The channel of the schema a connection works in: "testata_" and the schema, or a digest of a long one. */
    static String channel(Connection c) throws SQLException {
        String schema;
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT current_schema()")) {
            schema = rs.next() && rs.getString(1) != null ? rs.getString(1) : "public";
        }
        String name = "testata_" + schema;
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63) return name;
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(schema.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "testata_" + java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the notification in the transaction of this connection (delivered when it commits). */
    static void send(Connection c, String channel) throws SQLException {
        try (var ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
            ps.setString(1, channel);
            ps.execute();
        }
    }

    synchronized void start() {
        if (thread != null) return;
        thread = Thread.ofPlatform().daemon().name("change-signal").start(this::loop);
    }

    /** True while a connection listens (a test can wait for it before counting on the signal). */
    boolean listening() {
        return listening;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection c = connect.call()) {
                open = c;
                if (Thread.currentThread().isInterrupted()) return;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                wake.run(); // whatever was written while nobody listened
                while (!Thread.currentThread().isInterrupted()) {
                    var got = pg.getNotifications(WAIT_MILLIS);
                    if (got != null && got.length > 0) wake.run();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) return;
                log.warn("not listening for changes ({}); the change log is polled meanwhile", e.toString());
            } finally {
                listening = false;
                open = null;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the thread and closes its connection now (a wait in progress ends with it). */
    void close() {
        Thread t = thread;
        if (t != null) t.interrupt();
        Connection c = open;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
