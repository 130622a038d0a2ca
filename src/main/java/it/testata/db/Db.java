package it.testata.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import it.testata.Config;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The database: a pooled connection, Jdbi on top, the schema migrated on open. */
public final class Db implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private Db(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static Db open(Config config) {
        Dialect dialect = config.postgres() ? Dialect.POSTGRES : Dialect.SQLITE;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setPoolName("testata");
        if (dialect == Dialect.SQLITE) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
            }
            // WAL lets readers go on while one writer commits; a busy timeout makes writers queue instead of failing.
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("synchronous", "FULL");
            hc.addDataSourceProperty("busy_timeout", "10000");
            hc.addDataSourceProperty("foreign_keys", "true");
            // a write transaction takes the write lock at BEGIN, so read-then-write never fails on a busy snapshot
            hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            hc.setMaximumPoolSize(8);
        } else {
            if (config.databaseUser() != null) hc.setUsername(config.databaseUser());
            if (config.databasePassword() != null) hc.setPassword(config.databasePassword());
            hc.setMaximumPoolSize(10);
        }
        hc.setConnectionTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(hc);
        Db db = new Db(ds, dialect);
        db.migrate();
        return db;
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .baselineOnMigrate(false)
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    // --- cluster2 ---
    /**
     * A connection of its own, outside the pool, with the pool's address and credentials: for a thread that holds
     * one for good (the change log's LISTEN on PostgreSQL). The caller closes it.
     */
    public java.sql.Connection openOwnConnection() throws java.sql.SQLException {
        java.util.Properties p = new java.util.Properties();
        if (dataSource.getUsername() != null) p.setProperty("user", dataSource.getUsername());
        if (dataSource.getPassword() != null) p.setProperty("password", dataSource.getPassword());
        return java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), p);
    }
    // --- end cluster2 ---

    /** Publishes the connection pool's figures (hikaricp_connections_*) to this Micrometer registry. */
    public void meterPool(Object meterRegistry) {
        dataSource.setMetricRegistry(meterRegistry);
    }

    /** True when the database answers a trivial query. */
    public boolean healthy() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
