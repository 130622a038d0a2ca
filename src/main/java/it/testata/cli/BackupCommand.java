package it.testata.cli;

import it.testata.backup.Archive;
import it.testata.backup.BackupService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Writes one archive of the site while it serves: every table of the database as it was at one "
                + "moment, the media folder, and a manifest with checksums; then verifies it. Caches and the search "
                + "index are left out (they are rebuilt).")
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The archive to write (a zip; replaced if it exists).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || Files.isDirectory(out)) {
            System.err.println("testata: cannot write " + out + ": its folder does not exist or it is a folder");
            return 2;
        }
        var config = site.config(null);
        if (!config.postgres() && !Files.exists(config.dataDir().resolve("testata.db"))) {
            System.err.println("testata: there is no site in " + config.dataDir() + " to back up");
            return 2;
        }
        try {
            System.out.println(BackupService.backup(config, out).line());
            return 0;
        } catch (Archive.Damaged e) {
            System.err.println("testata: the backup did not verify, nothing was kept: " + e.getMessage());
            return 1;
        }
    }
}
