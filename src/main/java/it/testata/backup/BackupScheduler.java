package it.testata.backup;

import it.testata.Config;
import it.testata.db.Leases;
import it.testata.settings.OpsSettings;
import it.testata.settings.SettingsService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Scheduled backups (backup.schedule: "daily HH:MM" in the site's time zone, or "every 6h"), written to
 * backup.dir (default DATA/backups) as testata-YYYYMMDD-HHMMSS.zip, keeping the backup.keep newest. Every
 * serving process looks each half minute; the holder of the "backup" lease takes the backup, and each run is
 * recorded in backup_runs, so with several servers one backup is taken, once.
 */
public final class BackupScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);
    static final String LEASE = "backup";
    static final Duration LEASE_LENGTH = Duration.ofMinutes(30);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'testata-'yyyyMMdd-HHmmss'.zip'");

    private final Config config;
    private final Jdbi jdbi;
    private final SettingsService settings;
    private final Leases leases;
    private final String holder = UUID.randomUUID().toString();
    private final AtomicLong runs = new AtomicLong(), failures = new AtomicLong();
    private volatile Thread thread;

    public BackupScheduler(Config config, Jdbi jdbi, SettingsService settings, Leases leases) {
        this.config = config;
        this.jdbi = jdbi;
        this.settings = settings;
        this.leases = leases;
    }

    public synchronized void start() {
        if (thread != null) return;
        thread = Thread.ofPlatform().daemon().name("backup-scheduler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    tick(Instant.now());
                } catch (RuntimeException e) {
                    log.warn("scheduled backup: {}", e.toString());
                }
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Backups this process took, and those that failed. */
    public long runs() {
        return runs.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Epoch seconds of the last successful backup of this site (by any server), or 0. */
    public long lastSuccessSeconds() {
        Long at = jdbi.withHandle(h -> h.createQuery("SELECT MAX(finished_at) FROM backup_runs WHERE ok = 1")
                .mapTo(Long.class).findOne().orElse(null));
        return at == null ? 0 : at / 1000;
    }

    /** The folder backups go to: backup.dir (relative to the data folder), or DATA/backups. */
    public Path folder(OpsSettings ops) {
        return ops.backupDir().isBlank() ? config.dataDir().resolve("backups") : config.dataDir().resolve(ops.backupDir());
    }

    /** One look: when a backup is due and this process holds the lease, takes it; returns its file or null. */
    public Path tick(Instant now) {
        OpsSettings ops = OpsSettings.fromRows(settings.rows());
        if (ops.backupSchedule() == null) return null;
        if (!due(ops.backupSchedule(), lastStart(), now, settings.current().zone())) return null;
        if (!leases.take(LEASE, holder, LEASE_LENGTH)) return null;
        try {
            if (!due(ops.backupSchedule(), lastStart(), now, settings.current().zone())) return null; // another did it
            return run(ops, now);
        } finally {
            leases.release(LEASE, holder);
        }
    }

    private Path run(OpsSettings ops, Instant now) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO backup_runs (started_at) VALUES (:at)")
                .bind("at", now.toEpochMilli()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        runs.incrementAndGet();
        Path folder = folder(ops);
        Path file = folder.resolve(NAME.format(now.atZone(ZoneId.of("UTC"))));
        try {
            Files.createDirectories(folder);
            BackupService.Summary s = BackupService.backup(config, file);
            finish(id, true, file.toString(), s.line());
            log.info("scheduled {}", s.line());
            prune(folder, ops.backupKeep());
            return file;
        } catch (Exception e) {
            failures.incrementAndGet();
            finish(id, false, file.toString(), e.toString());
            log.warn("scheduled backup to {} failed: {}", file, e.toString());
            return null;
        }
    }

    private void finish(long id, boolean ok, String file, String message) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE backup_runs SET finished_at = :at, ok = :ok, file = :file, message = :m WHERE id = :id")
                .bind("at", Instant.now().toEpochMilli()).bind("ok", ok ? 1 : 0).bind("file", file)
                .bind("m", message.length() > 1000 ? message.substring(0, 1000) : message).bind("id", id).execute());
    }

    private Instant lastStart() {
        Long at = jdbi.withHandle(h -> h.createQuery("SELECT MAX(started_at) FROM backup_runs").mapTo(Long.class).findOne().orElse(null));
        return at == null ? null : Instant.ofEpochMilli(at);
    }

    /** Due: never taken yet, or the interval has passed, or today's time has come since the last one. */
    static boolean due(OpsSettings.Schedule schedule, Instant last, Instant now, ZoneId zone) {
        if (schedule.every() != null) return last == null || !last.plus(schedule.every()).isAfter(now);
        ZonedDateTime today = now.atZone(zone).with(schedule.dailyAt());
        Instant slot = today.toInstant().isAfter(now) ? today.minusDays(1).toInstant() : today.toInstant();
        return last == null ? !now.isBefore(slot) : last.isBefore(slot);
    }

    /** Deletes the oldest scheduled backups beyond the newest {@code keep}. */
    static void prune(Path folder, int keep) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().matches("testata-\\d{8}-\\d{6}\\.zip")).sorted().toList();
        }
        for (int i = 0; i < files.size() - keep; i++) Files.deleteIfExists(files.get(i));
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) t.interrupt();
    }
}
