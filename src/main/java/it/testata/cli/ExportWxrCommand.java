package it.testata.cli;

import it.testata.Site;
import it.testata.wordpress.WxrExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export-wxr", mixinStandardHelpOptions = true,
        description = "Writes the whole site as a WordPress export (WXR 1.2) that WordPress's importer reads: "
                + "authors, categories, tags, posts, pages and comments.")
public final class ExportWxrCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Parameters(paramLabel = "FILE.xml", description = "The file to write (replaced if it exists).")
    Path file;

    @Override
    public Integer call() throws Exception {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || Files.isDirectory(file)) {
            System.err.println("testata: cannot write " + file + ": its folder does not exist or it is a folder");
            return 2;
        }
        try (Site s = Site.open(site.config(null))) {
            WxrExporter.Counts counts = new WxrExporter(s.db.jdbi(), s.settings.current()).export(file);
            System.out.println(counts.line());
            return 0;
        }
    }
}
