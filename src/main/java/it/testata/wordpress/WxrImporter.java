package it.testata.wordpress;

import it.testata.db.ChangeLog;
import it.testata.web.PageCache;
import org.jdbi.v3.core.Jdbi;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Imports a WordPress export: authors, categories (with their parents), tags, posts and pages, comments with
 * their threads, and the old addresses as redirects. The file is read as a stream and written as it is read,
 * in one transaction: a file that turns out to be malformed halfway leaves the site exactly as it was. Rows
 * are matched by their WordPress ids, so importing the same file again changes nothing, and a newer export
 * of the same site adds what is new and updates what changed. A dry run reads and counts, and writes nothing.
 * Here: the file, the transaction and the ham handed over after it commits; the mapping of one pass over the file
 * is {@link WxrPass}, WordPress's values as Testata keeps them {@link WxrValues}.
 */
public final class WxrImporter {
    /** Told after each item: bytes of the file read so far, items and comments so far. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (bytes, items, comments) -> { };

        void advance(long bytes, long items, long comments);
    }

    private final Jdbi jdbi;
    private final ChangeLog changes;
    private final ZoneId zone;
    private final HamLearner ham;
    private final boolean keepSettings;

    public WxrImporter(Jdbi jdbi, ChangeLog changes, ZoneId zone, HamLearner ham) {
        this(jdbi, changes, zone, ham, false);
    }

    /**
     * @param keepSettings true to leave the site's name, tagline and address as they are (import-wxr --keep-settings);
     *                     else they are taken from the export's channel (title, description, site address)
     */
    public WxrImporter(Jdbi jdbi, ChangeLog changes, ZoneId zone, HamLearner ham, boolean keepSettings) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.zone = zone;
        this.ham = ham;
        this.keepSettings = keepSettings;
    }

    /** A reader that only counts: no database at all (import-wxr --dry-run leaves the data folder untouched). */
    public static WxrImporter dryRun(ZoneId zone, boolean keepSettings) {
        return new WxrImporter(null, null, zone, HamLearner.NONE, keepSettings);
    }

    /**
     * Imports the file (or, with dryRun, only reads and counts it).
     *
     * @throws WxrReader.Malformed when the file is not a well-formed WordPress export; nothing is written then
     */
    public ImportSummary importFile(Path file, boolean dryRun, Progress progress) throws IOException {
        try (Counting in = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (dryRun) {
                WxrPass run = new WxrPass(null, null, () -> in.count, progress, zone, keepSettings);
                WxrReader.read(in, run);
                return run.summary;
            }
            long[] before = new long[1];
            ImportSummary summary = changes.write((h, touched) -> {
                before[0] = WxrStore.maxCommentId(h);
                WxrStore.largeCache(h);
                try (WxrStore.Batch batch = new WxrStore.Batch(h)) {
                    WxrPass run = new WxrPass(h, batch, () -> in.count, progress, zone, keepSettings);
                    ReadAhead.read(in, run);
                    run.finish();
                    run.pagesAndMenus(touched); // --- pages: the page tree and the menus, once every item is read ---
                    // an import can change any page: every list, article, archive and the sidebar
                    touched.add(PageCache.ALL);
                    // and any article's place in search (a post that gained a password leaves it): running servers rebuild
                    touched.add(it.testata.search.SearchService.REINDEX);
                    if (!run.summary.settings.isEmpty()) touched.add(it.testata.settings.SettingsService.TAG);
                    return run.summary;
                }
            });
            teachHam(before[0]);
            return summary;
        }
    }

    /**
     * Hands the approved reader comments this import added to the spam filter, a thousand at a time. Rows are
     * read in id order and filtered here, so every page is a range of the primary key.
     */
    private void teachHam(long afterId) {
        if (ham == HamLearner.NONE) return;
        long after = afterId;
        while (true) {
            long from = after;
            record Row(long id, boolean ham, HamLearner.Ham comment) {}
            List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                            SELECT id, status, kind, wp_id, author_name, author_email, author_url, body_raw, ip_net
                            FROM comments WHERE id > :after ORDER BY id LIMIT 1000""")
                    .bind("after", from)
                    .map((rs, ctx) -> {
                        boolean wanted = "approved".equals(rs.getString("status")) && "comment".equals(rs.getString("kind"));
                        rs.getLong("wp_id");
                        wanted &= !rs.wasNull();
                        return new Row(rs.getLong("id"), wanted, new HamLearner.Ham(rs.getLong("id"), rs.getString("author_name"),
                                rs.getString("author_email"), rs.getString("author_url"), rs.getString("body_raw"),
                                rs.getString("ip_net")));
                    })
                    .list());
            if (rows.isEmpty()) return;
            List<HamLearner.Ham> batch = rows.stream().filter(Row::ham).map(Row::comment).toList();
            if (!batch.isEmpty()) ham.learnHam(batch);
            after = rows.getLast().id();
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
