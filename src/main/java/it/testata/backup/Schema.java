package it.testata.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a site's database as JDBC metadata describes them, on either database: their columns, and an
 * order in which they can be filled so that every foreign key points at rows already there. Nothing here names a
 * table of ours, so tables added by later migrations (image blobs, a mail outbox) are backed up without more work.
 */
final class Schema {
    /**
     * Not site content: Flyway's own record, the change log (only for cache invalidation), SQLite's internals,
     * and the list counts that triggers keep (a restore's deletes and inserts bring them up to date).
     */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history", "changes", "comment_counts", "article_counts");

    private Schema() {}

    /** A table: its columns in order, and its columns that refer to the table itself (filled in afterwards). */
    record Table(String name, List<Column> columns, Set<String> selfReferences) {}

    /** The site's tables in an order that satisfies foreign keys between them. */
    static List<Table> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = schemaOf(c);
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(name) && !name.startsWith("sqlite_")) names.add(name);
            }
        }
        names.sort(null);
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        Map<String, Table> byName = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> deps = new LinkedHashSet<>();
            Set<String> self = new LinkedHashSet<>();
            try (ResultSet rs = md.getImportedKeys(null, schema, name)) {
                while (rs.next()) {
                    String target = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (target.equals(name)) self.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    else deps.add(target);
                }
            }
            dependsOn.put(name, deps);
            byName.put(name, new Table(name, columns(md, schema, name), self));
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < names.size()) {
            boolean progress = false;
            for (String name : names) {
                if (placed.contains(name)) continue;
                if (placed.containsAll(dependsOn.get(name).stream().filter(byName::containsKey).toList())) {
                    placed.add(name);
                    ordered.add(byName.get(name));
                    progress = true;
                }
            }
            if (!progress) throw new SQLException("the tables' foreign keys form a cycle: " + names.stream()
                    .filter(n -> !placed.contains(n)).toList());
        }
        return ordered;
    }

    static List<Column> columns(DatabaseMetaData md, String schema, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                out.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        Column.Kind.of(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"))));
            }
        }
        return out;
    }

    /** The schema tables are looked up in: the connection's current one on PostgreSQL, none on SQLite. */
    static String schemaOf(Connection c) throws SQLException {
        return postgres(c) ? c.getSchema() : null;
    }

    static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** The schema version Flyway recorded last (e.g. "6"), read in the caller's transaction. */
    static String flywayVersion(Connection c) throws SQLException {
        String best = null;
        try (var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (best == null || compareVersions(v, best) > 0) best = v;
            }
        }
        if (best == null) throw new SQLException("the database has no schema version (no Flyway history)");
        return best;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0, q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        return 0;
    }
}
