package it.testata.cli;

import it.testata.Config;
import it.testata.backup.Archive;
import it.testata.backup.RestoreService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restores a backup into an empty data folder (and, with PostgreSQL, an empty schema), from "
                + "either database kind into either; reports the rows restored per table. A damaged archive is "
                + "refused (exit 2) and nothing changes.")
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Restore into this database (jdbc:postgresql://...) instead of TESTATA_DATABASE_URL or the "
                    + "embedded SQLite of the data folder.")
    String databaseUrl;

    @Option(names = "--force", description = "Replace what the target holds (its data folder's files and, with "
            + "PostgreSQL, every table of its schema).")
    boolean force;

    @Parameters(paramLabel = "FILE", description = "The archive written by ./testata backup.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("testata: " + file + " is not a file");
            return 2;
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        if (databaseUrl != null) env.put("TESTATA_DATABASE_URL", databaseUrl);
        Config config = Config.from(site.data, null, env);
        try {
            System.out.print(RestoreService.restore(config, file, force).report());
            return 0;
        } catch (Archive.Damaged e) {
            System.err.println("testata: the archive is refused, nothing was changed: " + e.getMessage());
            return 2;
        } catch (RestoreService.NotEmpty e) {
            System.err.println("testata: " + e.getMessage());
            return 2;
        } catch (org.flywaydb.core.api.FlywayException e) {
            // e.g. an archive from a newer version, whose schema this one does not know
            System.err.println("testata: the archive's schema cannot be prepared by this version: " + e.getMessage());
            return 2;
        }
    }
}
