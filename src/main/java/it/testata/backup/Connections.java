package it.testata.backup;

import it.testata.Config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Plain JDBC connections of their own for backup and restore, outside the site's pool: the pool's SQLite
 * connections begin every transaction IMMEDIATE (taking the write lock), whereas a backup must only read, in a
 * snapshot, while the site goes on writing.
 */
final class Connections {
    private Connections() {}

    static Connection open(Config config) throws SQLException {
        Properties p = new Properties();
        if (config.postgres()) {
            if (config.databaseUser() != null) p.setProperty("user", config.databaseUser());
            if (config.databasePassword() != null) p.setProperty("password", config.databasePassword());
        } else {
            p.setProperty("busy_timeout", "10000");
            p.setProperty("journal_mode", "WAL");
        }
        return DriverManager.getConnection(config.jdbcUrl(), p);
    }

    /** A read-only transaction that sees the database as it was at one moment until it ends. */
    static Connection snapshot(Config config) throws SQLException {
        Connection c = open(config);
        if (config.postgres()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
        }
        // SQLite (WAL): a deferred transaction reads one snapshot from its first read to its end
        c.setAutoCommit(false);
        return c;
    }
}
