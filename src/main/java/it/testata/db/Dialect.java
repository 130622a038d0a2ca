package it.testata.db;

/** The two databases Testata runs on. SQL is written to work on both; where it cannot, ask the dialect. */
public enum Dialect {
    SQLITE, POSTGRES;

    public String migrationLocation() {
        return "classpath:db/migration/" + name().toLowerCase();
    }
}
