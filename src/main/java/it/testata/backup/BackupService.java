package it.testata.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import it.testata.Config;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a site's backup while it serves: every table's rows read in one read-only snapshot (so the archive is
 * the database of one moment, on SQLite and on PostgreSQL alike), then the media folder, then the manifest with
 * every entry's SHA-256; and verifies the archive before putting it in place. The search index and caches are
 * left out: a restored site rebuilds them.
 */
public final class BackupService {
    private BackupService() {}

    /** What a backup holds. */
    public record Summary(Path file, Map<String, Long> rows, int mediaFiles, long bytes) {
        public String line() {
            return "backup " + file + ": " + rows.values().stream().mapToLong(Long::longValue).sum() + " rows in "
                    + rows.size() + " tables, " + mediaFiles + " media files, " + bytes + " bytes, verified";
        }
    }

    public static Summary backup(Config config, Path out) throws IOException, SQLException, Archive.Damaged {
        Path target = out.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".partial");
        Map<String, String> sums = new LinkedHashMap<>();
        List<Manifest.TableEntry> tables = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        int media = 0;
        String schemaVersion;
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            try (Connection c = Connections.snapshot(config)) {
                schemaVersion = Schema.flywayVersion(c);
                for (Schema.Table t : Schema.tables(c)) {
                    String file = Archive.tableFile(t.name());
                    MessageDigest digest = Archive.sha256();
                    zip.putNextEntry(new ZipEntry(file));
                    long n = dump(c, t, new DigestOutputStream(new Unclosed(zip), digest));
                    zip.closeEntry();
                    sums.put(file, HexFormat.of().formatHex(digest.digest()));
                    tables.add(new Manifest.TableEntry(t.name(), t.columns(), file, n));
                    counts.put(t.name(), n);
                }
                c.rollback();
            }
            // after the snapshot: every image its rows name was written before the row was committed
            Path mediaDir = config.dataDir().resolve("media");
            if (Files.isDirectory(mediaDir)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(mediaDir)) {
                    files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                }
                for (Path f : files) {
                    String name = "media/" + mediaDir.relativize(f).toString().replace('\\', '/');
                    MessageDigest digest = Archive.sha256();
                    zip.putNextEntry(new ZipEntry(name));
                    try (OutputStream o = new DigestOutputStream(new Unclosed(zip), digest)) {
                        Files.copy(f, o);
                    }
                    zip.closeEntry();
                    sums.put(name, HexFormat.of().formatHex(digest.digest()));
                    media++;
                }
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.VERSION, Instant.now().toString(),
                    config.postgres() ? "postgres" : "sqlite", schemaVersion, tables, sums);
            zip.putNextEntry(new ZipEntry(Manifest.NAME));
            Archive.JSON.writerWithDefaultPrettyPrinter().writeValue(new Unclosed(zip), manifest);
            zip.closeEntry();
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Archive.verify(tmp);
        } catch (Archive.Damaged e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(target, counts, media, Files.size(target));
    }

    /** Writes one table's rows, one JSON array a line in the column order; returns how many. */
    private static long dump(Connection c, Schema.Table t, OutputStream out) throws IOException, SQLException {
        String cols = t.columns().stream().map(col -> quote(col.name())).collect(Collectors.joining(", "));
        long n = 0;
        try (Statement st = c.createStatement();
             JsonGenerator g = Archive.JSON.getFactory().createGenerator(out)) {
            st.setFetchSize(1000);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            try (ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + quote(t.name()) + " ORDER BY 1")) {
                while (rs.next()) {
                    g.writeStartArray();
                    for (int i = 0; i < t.columns().size(); i++) write(g, rs, i + 1, t.columns().get(i).kind());
                    g.writeEndArray();
                    g.writeRaw('\n');
                    n++;
                }
            }
        }
        return n;
    }

    private static void write(JsonGenerator g, ResultSet rs, int i, Column.Kind kind) throws IOException, SQLException {
        switch (kind) {
            case INTEGER -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) g.writeNull(); else g.writeNumber(v);
            }
            case REAL -> {
                double v = rs.getDouble(i);
                if (rs.wasNull()) g.writeNull(); else g.writeNumber(v);
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(i);
                if (rs.wasNull()) g.writeNull(); else g.writeBoolean(v);
            }
            case BLOB -> {
                byte[] v = rs.getBytes(i);
                if (v == null) g.writeNull(); else g.writeBinary(v);
            }
            case TEXT -> {
                String v = rs.getString(i);
                if (v == null) g.writeNull(); else g.writeString(v);
            }
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Lets a writer close what it wrote without closing the zip under it. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
