package it.testata.backup;

import it.testata.Site;
import it.testata.media.Image;
import it.testata.support.CommentForms;
import it.testata.support.Pictures;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup while readers comment, restore into an empty site, damaged archives refused, and the move between the
 * two database kinds. One served demo site for the class; each restore goes to a new empty target.
 */
class BackupRestoreTest {
    static final String SLUG = "l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito";
    static final String PATH = "/2026/10/23/" + SLUG + "/";
    static TestSite site;
    static List<Image> images = new ArrayList<>();
    static List<TestSite> targets = new ArrayList<>();

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        site.site().settings.update(Map.of("comments.moderation", "open", "comments.flood_seconds", "0"));
        for (int i = 0; i < 3; i++) {
            images.add(site.site().images.upload(Pictures.encode(Pictures.picture(300 + i, 200, false), "png"), "foto-" + i + ".png", null));
        }
    }

    @AfterAll
    static void stop() {
        for (TestSite t : targets) t.close();
        site.close();
    }

    static TestSite target(boolean postgres) {
        TestSite t = TestSite.create(postgres);
        targets.add(t);
        return t;
    }

    @Test
    void aBackupTakenDuringACommentBurstRestoresEveryCommentAcknowledgedBeforeItAndEveryImage() throws Exception {
        long articleId = site.site().articles.publicArticle(SLUG).orElseThrow().id();
        CommentForms form = new CommentForms(site);
        record Ack(String text, long atNanos) {}
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger serial = new AtomicInteger();
        List<Thread> posters = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            posters.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    int n = serial.incrementAndGet();
                    String text = "Commento numero " + n + " sul nuovo sportello, scritto durante il salvataggio.";
                    try {
                        HttpResponse<String> r = form.post(articleId, n, text);
                        if (r.statusCode() == 303) acks.add(new Ack(text, System.nanoTime()));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        while (acks.size() < 20) Thread.sleep(20);
        long before = System.nanoTime();
        Path archive = Files.createTempFile("testata-backup", ".zip");
        BackupService.Summary summary = BackupService.backup(site.config, archive);
        int acknowledgedDuringBackup = (int) acks.stream().filter(a -> a.atNanos() > before).count();
        Thread.sleep(300); // the burst goes on after the backup too
        stop.set(true);
        for (Thread t : posters) t.join();
        assertThat(summary.mediaFiles()).isGreaterThanOrEqualTo(images.size());

        Set<String> wanted = acks.stream().filter(a -> a.atNanos() < before).map(Ack::text).collect(Collectors.toSet());
        TestSite restored = target(TestSite.onPostgres());
        RestoreService.Summary result = RestoreService.restore(restored.config, archive, false);
        assertThat(result.rows()).containsEntry("comments", summary.rows().get("comments"));
        restored.start(false);
        Site s = restored.site();
        Set<String> texts = new HashSet<>(s.db.jdbi().withHandle(h -> h.createQuery("SELECT body_raw FROM comments")
                .mapTo(String.class).list()));
        assertThat(texts).as("every comment acknowledged before the backup began (%d during it)", acknowledgedDuringBackup)
                .containsAll(wanted);
        // --- bigsite: the list counts, which the archive leaves out, agree with the restored rows ---
        for (String[] q : new String[][] {{"comment_counts", "comments"}, {"article_counts", "articles"}}) {
            long kept = s.db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(n), 0) FROM " + q[0]).mapTo(Long.class).one());
            long rows = s.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + q[1]).mapTo(Long.class).one());
            assertThat(kept).as(q[0]).isEqualTo(rows);
        }
        Set<String> all = acks.stream().map(Ack::text).collect(Collectors.toSet());
        assertThat(texts.stream().filter(t -> t.startsWith("Commento numero "))).allMatch(all::contains);
        for (Image img : images) {
            assertThat(s.images.image(img.name())).isPresent();
            HttpResponse<byte[]> r = restored.getBytes(img.url());
            assertThat(r.statusCode()).as(img.url()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(site.getBytes(img.url()).body());
        }
        // the restored site serves the article with the burst's comments, and takes new ones with fresh ids
        assertThat(restored.get(PATH).body()).contains(wanted.iterator().next());
        long maxId = s.db.jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM comments").mapTo(Long.class).one());
        HttpResponse<String> fresh = new CommentForms(restored).post(articleId, 100_000, "Un commento dopo il ripristino, con un numero nuovo.");
        assertThat(fresh.statusCode()).isEqualTo(303);
        String location = fresh.headers().firstValue("Location").orElseThrow();
        assertThat(Long.parseLong(location.substring(location.indexOf("#comment-") + 9))).isGreaterThan(maxId);
    }

    @Test
    void aDamagedArchiveIsRefusedWithExit2AndTheTargetStaysEmpty() throws Exception {
        Path archive = Files.createTempFile("testata-backup", ".zip");
        BackupService.backup(site.config, archive);
        // flip one byte inside the comments table's stored data
        long offset;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry e = zip.getEntry("db/articles.jsonl");
            offset = dataOffset(archive, e);
        }
        byte[] bytes = Files.readAllBytes(archive);
        bytes[(int) offset + 40] ^= 0x20;
        Path damaged = Files.createTempFile("testata-damaged", ".zip");
        Files.write(damaged, bytes);

        TestSite t = target(TestSite.onPostgres());
        TestSite.Cli r = t.cli("restore", "--data", t.dataDir.toString(), damaged.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("refused").contains("nothing was changed");
        assertThat(r.err()).doesNotContain("Exception");
        try (Stream<Path> files = Files.list(t.dataDir)) {
            assertThat(files).isEmpty();
        }
        assertThat(RestoreService.occupied(t.config)).isEmpty();

        // a sound archive into a target that is not empty: refused too, unless --force
        TestSite.Cli busy = site.cli("restore", "--data", site.dataDir.toString(), archive.toString());
        assertThat(busy.exit()).isEqualTo(2);
        assertThat(busy.err()).contains("not empty").contains("--force");

        TestSite.Cli ok = t.cli("restore", "--data", t.dataDir.toString(), archive.toString());
        assertThat(ok.exit()).as(ok.err()).isEqualTo(0);
        assertThat(ok.out()).containsPattern("articles\\s+15");
    }

    @Test
    void aSiteMovesToTheOtherDatabaseKindAndBackWithEveryRowTheSame() throws Exception {
        String pg = System.getenv("TESTATA_TEST_PG_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(pg != null && !pg.isBlank(),
                "skipped: the round trip between SQLite and PostgreSQL needs a PostgreSQL in TESTATA_TEST_PG_URL");
        boolean here = TestSite.onPostgres();
        Path a = Files.createTempFile("testata-a", ".zip"), b = Files.createTempFile("testata-b", ".zip"),
                c = Files.createTempFile("testata-c", ".zip");
        BackupService.backup(site.config, a);
        TestSite other = target(!here);
        RestoreService.restore(other.config, a, false);
        BackupService.backup(other.config, b);
        TestSite back = target(here);
        RestoreService.restore(back.config, b, false);
        BackupService.backup(back.config, c);
        Map<String, List<String>> first = rows(a), there = rows(b), again = rows(c);
        assertThat(first.get("articles")).hasSize(15);
        assertThat(first.get("spam_features")).isNotNull();
        assertThat(there).isEqualTo(first);
        assertThat(again).isEqualTo(first);
        assertThat(Archive.verify(b).source()).isEqualTo(here ? "sqlite" : "postgres");
    }

    @Test
    void scheduledBackupsRunWhenDueOnOneServerAndKeepTheNewest() throws Exception {
        Path folder = Files.createTempDirectory("testata-backups");
        site.site().settings.update(Map.of("backup.schedule", "every 5m", "backup.keep", "2", "backup.dir", folder.toString()));
        BackupScheduler here = site.site().backups();
        // another server on the same database, with its own lease holder
        BackupScheduler other = new BackupScheduler(site.config, site.site().db.jdbi(), site.site().settings,
                new it.testata.db.Leases(site.site().db.jdbi()));
        Instant t = Instant.now().plusSeconds(3600); // clear of anything the running thread may have taken
        assertThat(here.tick(t)).isNotNull();
        assertThat(other.tick(t.plusSeconds(60))).as("not due again for 5 minutes, on any server").isNull();
        assertThat(other.tick(t.plusSeconds(360))).isNotNull();
        assertThat(here.tick(t.plusSeconds(720))).isNotNull();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> kept = files.sorted().toList();
            assertThat(kept).hasSize(2);
            for (Path p : kept) assertThat(Archive.verify(p).tables()).isNotEmpty();
        }
        assertThat(here.lastSuccessSeconds()).isGreaterThan(0);
        site.site().settings.update(Map.of("backup.schedule", ""));
        assertThat(site.cli("settings", "--data", site.dataDir.toString(), "backup.schedule=every 2m").exit()).isEqualTo(2);
    }

    /** Each table's rows as the archive holds them, keyed by table (column order normalised by name). */
    static Map<String, List<String>> rows(Path archive) throws Exception {
        Manifest m = Archive.verify(archive);
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Manifest.TableEntry t : m.tables()) {
                List<String> names = t.columns().stream().map(Column::name).toList();
                List<String> sorted = names.stream().sorted().toList();
                List<String> lines = new ArrayList<>();
                for (String line : new String(zip.getInputStream(zip.getEntry(t.file())).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isEmpty()) continue;
                    var arr = Archive.JSON.readTree(line);
                    StringBuilder sb = new StringBuilder();
                    for (String n : sorted) sb.append(n).append('=').append(arr.get(names.indexOf(n))).append(';');
                    lines.add(sb.toString());
                }
                out.put(t.name(), lines);
            }
        }
        return out;
    }

    /** Where an entry's stored bytes begin in the file (after its local header). */
    static long dataOffset(Path archive, ZipEntry e) throws IOException {
        byte[] all = Files.readAllBytes(archive);
        byte[] name = e.getName().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + name.length < all.length; i++) {
            if (all[i] == 0x50 && all[i + 1] == 0x4b && all[i + 2] == 3 && all[i + 3] == 4) {
                int n = (all[i + 26] & 0xff) | (all[i + 27] & 0xff) << 8;
                int x = (all[i + 28] & 0xff) | (all[i + 29] & 0xff) << 8;
                if (n == name.length && java.util.Arrays.equals(all, i + 30, i + 30 + n, name, 0, n)) return i + 30 + n + x;
            }
        }
        throw new AssertionError("no entry " + e.getName());
    }
}
