package it.testata;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the site keeps its data and how it is reached. Built from flags and the environment:
 * TESTATA_DATA, TESTATA_DATABASE_URL, TESTATA_DATABASE_USER, TESTATA_DATABASE_PASSWORD.
 * Without a database URL the site uses an embedded SQLite file in the data folder.
 */
public record Config(Path dataDir, String databaseUrl, String databaseUser, String databasePassword,
                     int port, String host) {

    public static final Path DEFAULT_DATA = Path.of("data");

    public static Config from(Path dataFlag, Integer portFlag, Map<String, String> env) {
        Path data = dataFlag != null ? dataFlag
                : env.containsKey("TESTATA_DATA") && !env.get("TESTATA_DATA").isBlank()
                    ? Path.of(env.get("TESTATA_DATA")) : DEFAULT_DATA;
        String url = blankToNull(env.get("TESTATA_DATABASE_URL"));
        int port = portFlag != null ? portFlag : (int) number(env, "TESTATA_PORT", 8080, 1, 65535, "a port number");
        String host = env.getOrDefault("TESTATA_HOST", "0.0.0.0");
        return new Config(data.toAbsolutePath().normalize(), url,
                blankToNull(env.get("TESTATA_DATABASE_USER")), blankToNull(env.get("TESTATA_DATABASE_PASSWORD")),
                port, host);
    }

    /** The JDBC URL in use: the configured one, or the embedded SQLite file. */
    public String jdbcUrl() {
        return databaseUrl != null ? databaseUrl : "jdbc:sqlite:" + dataDir.resolve("testata.db");
    }

    public boolean postgres() {
        return jdbcUrl().startsWith("jdbc:postgresql:");
    }

    public Config withPort(int newPort) {
        return new Config(dataDir, databaseUrl, databaseUser, databasePassword, newPort, host);
    }

    /** A malformed or out-of-range setting in the environment: the command says which and exits 2. */
    public static final class BadEnvironment extends IllegalArgumentException {
        public BadEnvironment(String message) {
            super(message);
        }
    }

    /**
     * A whole number from the environment ({@code dflt} when unset or blank), between {@code min} and {@code max};
     * otherwise {@link BadEnvironment} naming the variable and what it takes ({@code what}).
     */
    public static long number(Map<String, String> env, String name, long dflt, long min, long max, String what) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return dflt;
        try {
            long v = Long.parseLong(raw.strip());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // told below
        }
        throw new BadEnvironment(name + " must be " + what + " from " + min + " to " + max + ", not '" + raw.strip() + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
