package it.testata.cli;

import it.testata.Site;
import it.testata.importer.MarkdownImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import-markdown", mixinStandardHelpOptions = true,
        description = "Imports Markdown files with YAML front matter (title, standfirst, author, date, category, "
                + "tags, slug, status). Articles are matched by slug: importing again updates them.")
public final class ImportMarkdownCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Parameters(paramLabel = "DIR", description = "The folder of .md files (searched recursively).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            System.err.println("testata: " + dir + " is not a folder");
            return 2;
        }
        try (Site s = Site.open(site.config(null))) {
            MarkdownImporter.Result r = new MarkdownImporter(s.articles).importDir(dir, s.settings.current().zone());
            for (MarkdownImporter.Failure f : r.failures()) {
                System.err.println(f.file() + ": " + f.reason());
            }
            System.out.println("imported " + r.imported() + " articles, " + r.failures().size() + " failed");
            return r.failures().isEmpty() ? 0 : 2;
        }
    }
}
