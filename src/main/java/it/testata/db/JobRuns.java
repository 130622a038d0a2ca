package it.testata.db;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/**
 * When a periodic job (an hourly or daily digest) last ran on any server: a row of {@code job_runs} per job, written
 * in the transaction of the run itself, so a run and its record commit together.
 */
public final class JobRuns {
    private JobRuns() {}

    public static Optional<Instant> last(Handle h, String name) {
        return h.createQuery("SELECT last_run_at FROM job_runs WHERE name = :name").bind("name", name)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    public static void record(Handle h, String name, Instant at) {
        if (h.createUpdate("UPDATE job_runs SET last_run_at = :at WHERE name = :name")
                .bind("at", at.toEpochMilli()).bind("name", name).execute() == 0) {
            h.createUpdate("INSERT INTO job_runs (name, last_run_at) VALUES (:name, :at)")
                    .bind("name", name).bind("at", at.toEpochMilli()).execute();
        }
    }
}
