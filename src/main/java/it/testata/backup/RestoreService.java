package it.testata.backup;

import com.fasterxml.jackson.databind.JsonNode;
import it.testata.Config;
import it.testata.db.Db;
import it.testata.db.Dialect;
import org.flywaydb.core.Flyway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Restores an archive into an empty site (an empty data folder, and with PostgreSQL an empty schema), whichever
 * database the backup came from: the archive is verified first (a damaged one changes nothing), the schema is
 * migrated to the archive's version, every table filled in foreign-key order in one transaction, identity
 * sequences moved past the restored ids on PostgreSQL, the media folder written, and then the schema migrated
 * to this version's, as a start would.
 */
public final class RestoreService {
    private RestoreService() {}

    /** Why the target cannot take a restore (not empty, without --force). */
    public static final class NotEmpty extends Exception {
        public NotEmpty(String message) {
            super(message);
        }
    }

    /** What was restored: rows per table, as read back from the restored database. */
    public record Summary(Map<String, Long> rows, int mediaFiles, String from) {
        public String report() {
            StringBuilder b = new StringBuilder("restored a " + from + " backup: " + mediaFiles + " media files\n");
            rows.forEach((t, n) -> b.append(String.format("  %-22s %d%n", t, n)));
            return b.toString();
        }
    }

    public static Summary restore(Config config, Path archive, boolean force)
            throws Archive.Damaged, NotEmpty, IOException, SQLException {
        Manifest manifest = Archive.verify(archive);
        Path data = config.dataDir();
        List<String> occupied = occupied(config);
        if (!occupied.isEmpty()) {
            if (force && archive.toAbsolutePath().normalize().startsWith(data)) {
                throw new NotEmpty("the archive lies inside " + data + ", which --force would empty: move it out first");
            }
            if (!force) throw new NotEmpty("the target is not empty (" + String.join(", ", occupied)
                    + "): restore into an empty folder or schema, or pass --force to replace it");
            clear(config);
        }
        Files.createDirectories(data);
        Dialect dialect = config.postgres() ? Dialect.POSTGRES : Dialect.SQLITE;
        Flyway.configure().dataSource(config.jdbcUrl(), config.databaseUser(), config.databasePassword())
                .locations(dialect.migrationLocation()).target(manifest.schemaVersion()).load().migrate();
        int media;
        try (ZipFile zip = new ZipFile(archive.toFile()); Connection c = Connections.open(config)) {
            c.setAutoCommit(false);
            try {
                load(c, zip, manifest);
                if (dialect == Dialect.POSTGRES) resetIdentities(c);
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            media = writeMedia(zip, manifest, data.resolve("media"));
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Db db = Db.open(config)) { // the rest of the migrations, as a start would run them
            for (Manifest.TableEntry t : manifest.tables()) {
                rows.put(t.name(), db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + BackupService.quote(t.name()))
                        .mapTo(Long.class).one()));
            }
        }
        return new Summary(rows, media, manifest.source());
    }

    /** What makes the target non-empty: files in the data folder, tables in the PostgreSQL schema. */
    static List<String> occupied(Config config) throws IOException, SQLException {
        List<String> found = new ArrayList<>();
        if (Files.isDirectory(config.dataDir())) {
            try (Stream<Path> s = Files.list(config.dataDir())) {
                s.limit(3).forEach(p -> found.add(p.toString()));
            }
        } else if (Files.exists(config.dataDir())) {
            found.add(config.dataDir() + " is a file");
        }
        if (config.postgres()) {
            try (Connection c = Connections.open(config)) {
                List<String> tables = tableNames(c);
                if (!tables.isEmpty()) found.add("tables " + String.join(", ", tables.subList(0, Math.min(3, tables.size())))
                        + (tables.size() > 3 ? "..." : "") + " in schema " + c.getSchema());
            }
        }
        return found;
    }

    /** With --force: the data folder's content goes, and with PostgreSQL every table of the schema. */
    private static void clear(Config config) throws IOException, SQLException {
        if (Files.isDirectory(config.dataDir())) {
            try (Stream<Path> walk = Files.walk(config.dataDir())) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(config.dataDir())) Files.delete(p);
                }
            }
        }
        if (config.postgres()) {
            try (Connection c = Connections.open(config); Statement st = c.createStatement()) {
                for (String t : tableNames(c)) st.execute("DROP TABLE IF EXISTS " + BackupService.quote(t) + " CASCADE");
            }
        }
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, Schema.schemaOf(c), "%", new String[] {"TABLE"})) {
            while (rs.next()) names.add(rs.getString("TABLE_NAME"));
        }
        return names;
    }

    private static void load(Connection c, ZipFile zip, Manifest manifest) throws SQLException, IOException {
        Map<String, Schema.Table> target = Schema.tables(c).stream()
                .collect(Collectors.toMap(Schema.Table::name, t -> t, (a, b) -> a, LinkedHashMap::new));
        try (Statement st = c.createStatement()) {
            // rows the migrations seed (a lease, say) give way to the archive's
            for (Manifest.TableEntry t : manifest.tables().reversed()) {
                if (target.containsKey(t.name())) st.executeUpdate("DELETE FROM " + BackupService.quote(t.name()));
            }
        }
        for (Manifest.TableEntry entry : manifest.tables()) {
            Schema.Table table = target.get(entry.name());
            if (table == null) throw new SQLException("the archive's table " + entry.name() + " is not in the schema at version "
                    + manifest.schemaVersion());
            loadTable(c, zip.getEntry(entry.file()), zip, entry, table);
        }
    }

    private static void loadTable(Connection c, ZipEntry file, ZipFile zip, Manifest.TableEntry entry, Schema.Table table)
            throws SQLException, IOException {
        Map<String, Column> targetCols = table.columns().stream().collect(Collectors.toMap(Column::name, col -> col));
        List<Column> cols = entry.columns();
        for (Column col : cols) {
            if (!targetCols.containsKey(col.name())) throw new SQLException("column " + entry.name() + "." + col.name()
                    + " is not in the schema");
        }
        String names = cols.stream().map(col -> BackupService.quote(col.name())).collect(Collectors.joining(", "));
        String marks = cols.stream().map(col -> "?").collect(Collectors.joining(", "));
        String keyCol = cols.getFirst().name();
        List<Object[]> later = new ArrayList<>(); // self-references, set once every row is in
        try (InputStream in = zip.getInputStream(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + BackupService.quote(entry.name())
                     + " (" + names + ") VALUES (" + marks + ")")) {
            int batch = 0;
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode row = Archive.JSON.readTree(line);
                for (int i = 0; i < cols.size(); i++) {
                    Column col = cols.get(i);
                    JsonNode v = row.get(i);
                    if (table.selfReferences().contains(col.name()) && !v.isNull()) {
                        later.add(new Object[] {col.name(), v.asLong(), row.get(0)});
                        v = com.fasterxml.jackson.databind.node.NullNode.getInstance();
                    }
                    bind(ps, i + 1, v, targetCols.get(col.name()).kind());
                }
                ps.addBatch();
                if (++batch == 500) {
                    ps.executeBatch();
                    batch = 0;
                }
            }
            if (batch > 0) ps.executeBatch();
        }
        for (Object[] ref : later) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + BackupService.quote(entry.name()) + " SET "
                    + BackupService.quote((String) ref[0]) + " = ? WHERE " + BackupService.quote(keyCol) + " = ?")) {
                ps.setLong(1, (Long) ref[1]);
                bind(ps, 2, (JsonNode) ref[2], targetCols.get(keyCol).kind());
                ps.executeUpdate();
            }
        }
    }

    private static void bind(PreparedStatement ps, int i, JsonNode v, Column.Kind kind) throws SQLException {
        if (v == null || v.isNull()) {
            ps.setNull(i, switch (kind) {
                case INTEGER -> Types.BIGINT;
                case REAL -> Types.DOUBLE;
                case BOOLEAN -> Types.BOOLEAN;
                case BLOB -> Types.BINARY;
                case TEXT -> Types.VARCHAR;
            });
            return;
        }
        switch (kind) {
            case INTEGER -> ps.setLong(i, v.isBoolean() ? (v.booleanValue() ? 1 : 0) : v.asLong());
            case REAL -> ps.setDouble(i, v.asDouble());
            case BOOLEAN -> ps.setBoolean(i, v.isBoolean() ? v.booleanValue() : v.asLong() != 0);
            case BLOB -> ps.setBytes(i, Base64.getDecoder().decode(v.asText()));
            case TEXT -> ps.setString(i, v.isTextual() ? v.textValue() : v.asText());
        }
    }

    /** On PostgreSQL, every identity or serial column's sequence continues after the largest restored value. */
    private static void resetIdentities(Connection c) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        for (String[] tc : columns) {
            String table = BackupService.quote(tc[0]), column = BackupService.quote(tc[1]);
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                    + "COALESCE((SELECT MAX(" + column + ") FROM " + table + "), 0) + 1, false)")) {
                ps.setString(1, table);
                ps.setString(2, tc[1]);
                ps.executeQuery().close();
            }
        }
    }

    private static int writeMedia(ZipFile zip, Manifest manifest, Path mediaDir) throws IOException {
        int n = 0;
        for (String name : manifest.sha256().keySet()) {
            if (!name.startsWith("media/")) continue;
            Path to = mediaDir.resolve(name.substring("media/".length())).normalize();
            if (!to.startsWith(mediaDir)) throw new IOException("unsafe media path " + name);
            Files.createDirectories(to.getParent());
            try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
            n++;
        }
        return n;
    }
}
