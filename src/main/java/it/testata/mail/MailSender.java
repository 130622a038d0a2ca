package it.testata.mail;

import it.testata.db.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sends the outbox. Every serving process runs one; only the holder of the "mailer" lease sends, so among several
 * servers on one database one sends, oldest message first, at most {@code mail.rate_per_minute} a minute (0: no
 * limit). A message is marked sent right after the relay accepted it: a process killed between the two sends that
 * one message again on the next start (at most one per kill, since messages go one at a time; the stored
 * Message-ID stays the same, so a receiving system may drop the copy). Temporary failures wait 10, 20, 40 ... seconds
 * (at most an hour) and give up after 48 hours; a 5xx answer fails the message at once with the answer kept.
 */
public final class MailSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailSender.class);
    static final String LEASE = "mailer";
    static final Duration LEASE_LENGTH = Duration.ofSeconds(15);
    static final Duration GIVE_UP = Duration.ofHours(48);
    private static final long IDLE_MILLIS = 1_000;
    private static final int BATCH = 200;
    private static final long RENEW_NANOS = 5_000_000_000L;

    private final OutboxStore outbox;
    private final Leases leases;
    private final Supplier<MailSettings> settings;
    private final String holder = UUID.randomUUID().toString();
    private final Object wake = new Object();
    private volatile Thread thread;
    private long lastSentNanos;

    public MailSender(OutboxStore outbox, Leases leases, Supplier<MailSettings> settings) {
        this.outbox = outbox;
        this.leases = leases;
        this.settings = settings;
    }

    public synchronized void start() {
        if (thread != null) return;
        thread = Thread.ofPlatform().daemon().name("mail-sender").start(this::loop);
    }

    /** Looks at the outbox now rather than within a second (after this process queued something). */
    public void poke() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                drain();
            } catch (RuntimeException e) {
                log.warn("sending mail failed this time: {}", e.toString());
            }
            try {
                synchronized (wake) {
                    wake.wait(IDLE_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends what is due while this process holds the lease; returns how many it sent. */
    public int drain() {
        int sent = 0;
        while (!Thread.currentThread().isInterrupted()) {
            MailSettings s = settings.get();
            if (!s.configured() || !leases.take(LEASE, holder, LEASE_LENGTH)) return sent;
            List<OutboxMessage> due = outbox.due(Instant.now(), BATCH);
            if (due.isEmpty()) return sent;
            long leaseTaken = System.nanoTime();
            try (Smtp smtp = new Smtp(s)) {
                for (OutboxMessage m : due) {
                    if (Thread.currentThread().isInterrupted()) return sent;
                    if (!pace(s.ratePerMinute())) return sent;
                    // renewed just before sending, so no other server can have taken over meanwhile
                    if (System.nanoTime() - leaseTaken > RENEW_NANOS) {
                        if (!leases.take(LEASE, holder, LEASE_LENGTH)) return sent;
                        leaseTaken = System.nanoTime();
                    }
                    if (send(smtp, m)) sent++;
                    else break; // the relay is down or refusing: wait for the next round
                }
            }
        }
        return sent;
    }

    /** Sends one message and records the outcome; false when the relay failed temporarily. */
    private boolean send(Smtp smtp, OutboxMessage m) {
        try {
            smtp.send(m);
            lastSentNanos = System.nanoTime();
            outbox.sent(m, Instant.now());
            return true;
        } catch (Smtp.Failure f) {
            lastSentNanos = System.nanoTime();
            Instant now = Instant.now();
            if (f.permanent) {
                log.info("mail {} to the relay failed for good: {}", m.id(), f.getMessage());
                outbox.failed(m, f.getMessage(), true);
                return true;
            }
            if (now.isAfter(m.createdAt().plus(GIVE_UP))) {
                outbox.failed(m, "gave up after 48 hours: " + f.getMessage(), false);
                return true;
            }
            outbox.retryLater(m.id(), f.getMessage(), now.plus(backoff(m.attempts())));
            log.info("mail {} waits: {}", m.id(), f.getMessage());
            return false;
        }
    }

    /** The wait after the n-th failed attempt (0-based): 10, 20, 40 ... seconds, at most an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempts, 9)));
    }

    /** Waits so that messages go at most ratePerMinute a minute; false when interrupted. */
    private boolean pace(int ratePerMinute) {
        if (ratePerMinute <= 0 || lastSentNanos == 0) return true;
        long gap = 60_000_000_000L / ratePerMinute;
        long wait = lastSentNanos + gap - System.nanoTime();
        if (wait <= 0) return true;
        try {
            Thread.sleep(Duration.ofNanos(wait));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t == null) return;
        t.interrupt();
        try {
            t.join(5_000);
            leases.release(LEASE, holder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not release the mailer lease: {}", e.toString());
        }
    }
}
