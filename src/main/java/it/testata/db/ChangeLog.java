package it.testata.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The record of what changed, kept in the database so that every process sees it. A write appends the
 * tags of what it touched ("article:12", "lists", ...) in its own transaction; each server follows the
 * log a few times a second and tells its listeners (the page cache, later the search index). On PostgreSQL a write
 * also sends a notification that wakes every server's follower at once ({@link ChangeSignal}); the poll stays, as
 * the fallback there and the only way on SQLite.
 */
public final class ChangeLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);
    private static final long POLL_MILLIS = 200;

    private final Jdbi jdbi;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private long floor;
    private final Set<Long> seenAboveFloor = new java.util.HashSet<>();
    private volatile Thread follower;
    // --- cluster2: woken at once by PostgreSQL's notification; the poll interval is the fallback ---
    private final String channel;
    private final ChangeSignal signal;
    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    private volatile long pollMillis = POLL_MILLIS;
    private final java.util.concurrent.atomic.AtomicLong polls = new java.util.concurrent.atomic.AtomicLong();

    public ChangeLog(Jdbi jdbi) {
        this(jdbi, (Db) null);
    }

    /** On PostgreSQL, writes notify and {@link #follow} also listens (on a connection of its own, outside the pool). */
    public ChangeLog(Db db) {
        this(db.jdbi(), db.dialect() == Dialect.POSTGRES ? db : null);
    }

    /** @param pg the database when it is PostgreSQL (notifications), else null (the poll alone) */
    private ChangeLog(Jdbi jdbi, Db pg) {
        this.jdbi = jdbi;
        this.channel = pg == null ? null : jdbi.withHandle(h -> {
            try {
                return ChangeSignal.channel(h.getConnection());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read the schema's name", e);
            }
        });
        this.signal = pg == null ? null : new ChangeSignal(pg::openOwnConnection, channel, wake::release);
        this.floor = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM changes")
                .mapTo(Long.class).one());
    }

    /** Appends a change inside the caller's transaction (and on PostgreSQL the notification, sent at commit). */
    private void record(Handle h, Collection<String> tags) {
        if (tags.isEmpty()) return;
        h.createUpdate("INSERT INTO changes (tags, created_at) VALUES (:tags, :at)")
                .bind("tags", String.join(" ", new TreeSet<>(tags)))
                .bind("at", System.currentTimeMillis())
                .execute();
        if (channel != null) {
            try {
                ChangeSignal.send(h.getConnection(), channel);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot notify the other servers of a change", e);
            }
        }
    }

    /** A unit of work that names the tags of what it touched as it goes. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Handle h, Set<String> touched);
    }

    /**
     * Runs the work in one transaction, appends the tags it touched to the log in that same transaction,
     * and once committed drops this process's cached copies at once (other servers follow within a poll).
     */
    public <R> R write(Work<R> work) {
        Set<String> touched = new TreeSet<>();
        R result = jdbi.inTransaction(h -> {
            R r = work.run(h, touched);
            for (Work<?> w : inTransaction) w.run(h, touched); // --- mail ---
            record(h, touched);
            return r;
        });
        if (!touched.isEmpty()) notifyLocal(touched);
        return result;
    }

    // --- mail ---
    private final List<Work<?>> inTransaction = new CopyOnWriteArrayList<>();

    /**
     * Adds work that runs at the end of every {@link #write}, in its transaction, with the tags touched so far (the
     * newsletter queues an article's copies in the transaction that publishes it).
     */
    public void beforeCommit(Work<?> work) {
        inTransaction.add(work);
    }
    // --- end mail ---

    public void subscribe(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    /** Starts following the log on a daemon thread (and on PostgreSQL listening for the writes' notifications). */
    public synchronized void follow() {
        if (follower != null) return;
        follower = Thread.ofPlatform().daemon().name("change-follower").start(this::loop);
        if (signal != null) signal.start();
    }

    // --- cluster2 ---
    /**
     * How long the follower waits between two reads of the log when nothing wakes it (200 ms unless changed); takes
     * effect at once. A test sets it long to show that PostgreSQL's notification alone brings a change in time.
     */
    public void pollEvery(java.time.Duration interval) {
        pollMillis = Math.max(1, interval.toMillis());
        wake.release();
    }

    /** How many times the follower has read the log (a test waits for the next one to know the new interval holds). */
    public long polls() {
        return polls.get();
    }

    /** True while this process listens for PostgreSQL's notifications of changes. */
    public boolean listening() {
        return signal != null && signal.listening();
    }
    // --- end cluster2 ---

    private void loop() {
        long nextPrune = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                poll();
                if (System.currentTimeMillis() >= nextPrune) {
                    prune();
                    nextPrune = System.currentTimeMillis() + 10 * 60_000;
                }
                polls.incrementAndGet();
                // a notification (or a new interval) ends the wait early; those that came meanwhile are covered
                if (wake.tryAcquire(pollMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("could not read the change log: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Reads what is new since the last poll and tells the listeners. On PostgreSQL ids are handed out
     * before commit, so a lower id can appear after a higher one: ids above the floor are remembered, and
     * the floor only passes a gap once the rows after it are a few seconds old (a rolled-back insert
     * leaves a gap forever).
     */
    public synchronized void poll() {
        record Row(long id, String tags, long at) {}
        List<Row> rows = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, tags, created_at FROM changes WHERE id > :floor ORDER BY id LIMIT 2000")
                .bind("floor", floor)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("tags"), rs.getLong("created_at")))
                .list());
        Set<String> tags = new TreeSet<>();
        for (Row r : rows) {
            if (seenAboveFloor.add(r.id())) tags.addAll(List.of(r.tags().split(" ")));
        }
        long settled = System.currentTimeMillis() - 5_000;
        for (Row r : rows) {
            if (r.id() == floor + 1 || r.at() < settled) {
                floor = r.id();
                seenAboveFloor.remove(r.id());
            } else {
                break;
            }
        }
        seenAboveFloor.removeIf(id -> id <= floor);
        if (!tags.isEmpty()) notifyLocal(tags);
    }

    /** Forgets changes older than an hour: a server that was down longer starts from the newest anyway. */
    void prune() {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM changes WHERE created_at < :before")
                .bind("before", System.currentTimeMillis() - 3_600_000).execute());
    }

    /** Tells this process's listeners at once (the writer does not wait for its own poll). */
    public void notifyLocal(Collection<String> tags) {
        Set<String> copy = Set.copyOf(tags);
        for (Consumer<Set<String>> l : listeners) {
            l.accept(copy);
        }
    }

    @Override
    public void close() {
        Thread t = follower;
        if (t != null) t.interrupt();
        if (signal != null) signal.close();
    }
}
