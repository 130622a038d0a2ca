package it.testata.db;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;

/**
 * Leases in the database, so that among several servers on one database exactly one does a periodic job. A
 * lease is a row (name, holder, expiry): it is taken or renewed by one atomic UPDATE that succeeds only for its
 * holder or once it has expired. A holder that stops releases it; one that dies loses it when it expires.
 */
public final class Leases {
    private final Jdbi jdbi;

    public Leases(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Takes or renews the lease for this long; true when this holder has it now. */
    public boolean take(String name, String holder, Duration length) {
        long now = Instant.now().toEpochMilli();
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE leases SET holder = :holder, expires_at = :until
                        WHERE name = :name AND (holder = :holder OR expires_at < :now)""")
                .bind("holder", holder).bind("until", now + length.toMillis()).bind("name", name).bind("now", now)
                .execute()) == 1;
    }

    /** Gives the lease up at once, when this holder has it. */
    public void release(String name, String holder) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE leases SET expires_at = 0 WHERE name = :name AND holder = :holder")
                .bind("name", name).bind("holder", holder).execute());
    }
}
