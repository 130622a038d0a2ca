package it.testata.backup;

import it.testata.Config;
import it.testata.db.Dialect;
import it.testata.settings.OpsSettings;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Before a new version migrates a site's schema, and when backup.before_upgrade is true, takes a backup of the
 * site as the old version left it (testata-before-upgrade-V{version}-{time}.zip in the backup folder). A backup
 * that fails stops the start: nothing is migrated without it.
 */
public final class UpgradeBackup {
    private UpgradeBackup() {}

    /** Returns the backup taken, or null when none was due (a new site, nothing to migrate, or the setting off). */
    public static Path ifDue(Config config) throws Exception {
        if (!config.postgres() && !Files.exists(config.dataDir().resolve("testata.db"))) return null;
        Map<String, String> settings = new HashMap<>();
        try (Connection c = Connections.open(config)) {
            if (!hasTable(c, "flyway_schema_history") || !hasTable(c, "settings")) return null;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, value FROM settings")) {
                while (rs.next()) settings.put(rs.getString(1), rs.getString(2));
            }
        }
        OpsSettings ops = OpsSettings.fromRows(settings);
        if (!ops.backupBeforeUpgrade()) return null;
        Dialect dialect = config.postgres() ? Dialect.POSTGRES : Dialect.SQLITE;
        var info = Flyway.configure().dataSource(config.jdbcUrl(), config.databaseUser(), config.databasePassword())
                .locations(dialect.migrationLocation()).load().info();
        if (info.pending().length == 0) return null;
        String from = info.current() == null ? "0" : info.current().getVersion().getVersion();
        Path folder = ops.backupDir().isBlank() ? config.dataDir().resolve("backups") : config.dataDir().resolve(ops.backupDir());
        Files.createDirectories(folder);
        Path file = folder.resolve("testata-before-upgrade-V" + from + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)) + ".zip");
        BackupService.Summary s = BackupService.backup(config, file);
        LoggerFactory.getLogger(UpgradeBackup.class).info("before the upgrade from schema V{}: {}", from, s.line());
        return file;
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, Schema.schemaOf(c), "%", new String[] {"TABLE"})) {
            while (rs.next()) if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) return true;
        }
        return false;
    }
}
