package it.testata.article;

import it.testata.db.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes scheduled articles when their time comes, without waiting for a request: a thread of every serving
 * process looks every few seconds, and only the holder of the "scheduler" lease acts, so with several servers
 * on one database one of them publishes (and the flip itself is conditional, so an article is published once
 * even if two ever acted). It looks at once on start, so a time missed while no server ran is caught up.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    static final String LEASE = "scheduler";
    static final Duration LEASE_LENGTH = Duration.ofSeconds(20);
    static final long TICK_MILLIS = 5_000;

    private final ArticleService articles;
    private final Leases leases;
    private final String holder = UUID.randomUUID().toString();
    private final AtomicInteger published = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();
    private volatile Thread thread;

    public Scheduler(ArticleService articles, Leases leases) {
        this.articles = articles;
        this.leases = leases;
    }

    public synchronized void start() {
        if (thread != null) return;
        thread = Thread.ofPlatform().daemon().name("scheduler").start(this::loop);
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("scheduled publishing failed this time: {}", e.toString());
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One look: when this process holds the lease, publishes what is due; returns the ids it published. */
    public List<Long> tick() {
        return tick(Instant.now());
    }

    /** One look as if it were that instant (tests pass a later one rather than sleep). */
    public List<Long> tick(Instant now) {
        if (!leases.take(LEASE, holder, LEASE_LENGTH)) return List.of();
        runs.incrementAndGet();
        List<Long> ids = articles.publishDue(now);
        if (!ids.isEmpty()) {
            published.addAndGet(ids.size());
            log.info("published scheduled articles {}", ids);
        }
        for (java.util.function.Consumer<Instant> work : alsoDue) work.accept(now); // --- staffmail ---
        return ids;
    }

    // --- staffmail ---
    private final List<java.util.function.Consumer<Instant>> alsoDue = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Adds work done at each look under the lease, after publishing (the newsletter decides the articles whose
     * future date has just come).
     */
    public void alsoDue(java.util.function.Consumer<Instant> work) {
        alsoDue.add(work);
    }
    // --- end staffmail ---

    /** How many looks this process made holding the lease (for /metrics). */
    public long runs() {
        return runs.get();
    }

    /** How many articles this process has published on schedule. */
    public int published() {
        return published.get();
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t == null) return;
        t.interrupt();
        try {
            t.join(2_000);
            leases.release(LEASE, holder); // another server may take over at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not release the scheduler lease: {}", e.toString());
        }
    }
}
