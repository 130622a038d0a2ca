package it.testata.cli;

import it.testata.Site;
import it.testata.spam.SpamInput;
import it.testata.wordpress.HamLearner;
import it.testata.wordpress.ImportSummary;
import it.testata.wordpress.WxrImporter;
import it.testata.wordpress.WxrReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import-wxr", mixinStandardHelpOptions = true,
        description = "Imports a WordPress export (Tools > Export, WXR 1.1 or 1.2): authors, categories, tags, posts, "
                + "pages, comments and the old addresses as redirects. Importing again updates instead of copying; "
                + "a malformed file changes nothing.")
public final class ImportWxrCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    /**
     * How many imported approved comments the spam filter learns as ham, the newest. Ten thousand judged comments
     * are far more than the classifier needs (the starter's weight is then 1 %), and teaching a hundred thousand
     * would double the time of a large import.
     */
    static final int HAM_TAUGHT = 10_000;

    @Option(names = "--dry-run", description = "Read and count everything and say what would be imported; "
            + "touch nothing (no database is opened or created).")
    boolean dryRun;

    @Option(names = "--keep-settings", description = "Keep this site's name, tagline and address instead of taking "
            + "them from the export.")
    boolean keepSettings;

    @Parameters(paramLabel = "FILE.xml", description = "The WordPress export file.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            System.err.println("testata: " + file + " is not a readable file");
            return 2;
        }
        if (dryRun) return dryRun();
        try (Site s = Site.open(site.config(null))) {
            // the spam filter learns the approved reader comments the import added as ham: the last HAM_TAUGHT
            // of them in file order (the newest, as WordPress exports oldest first)
            ArrayDeque<HamLearner.Ham> latest = new ArrayDeque<>();
            HamLearner ham = dryRun ? HamLearner.NONE : batch -> {
                for (HamLearner.Ham c : batch) {
                    if (latest.size() == HAM_TAUGHT) latest.removeFirst();
                    latest.addLast(c);
                }
            };
            WxrImporter importer = new WxrImporter(s.db.jdbi(), s.changes, s.settings.current().zone(), ham, keepSettings);
            ImportSummary summary;
            try (ProgressBar bar = ProgressBar.onTerminal(Files.size(file))) {
                summary = importer.importFile(file, dryRun, bar::show);
            } catch (WxrReader.Malformed e) {
                System.err.println("testata: " + file + ":" + e.line + ":" + e.column + ": " + e.getMessage()
                        + (dryRun ? "" : " (nothing was imported)"));
                return 2;
            }
            Map<Long, SpamInput> taught = new LinkedHashMap<>();
            for (HamLearner.Ham c : latest) {
                taught.put(c.id(), new SpamInput(c.author(), c.email(), c.url(), c.text(), c.ipNet()));
            }
            s.commentService.learnHam(taught);
            if (summary.skipped() > 0) {
                System.err.println("skipped " + summary.skipped() + " items that are neither posts, pages nor menu entries (attachments...)");
            }
            if (!summary.settings().isEmpty()) System.out.println("imported settings: " + settingsLine(summary));
            System.out.println(summary.line());
            return 0;
        }
    }

    /**
     * Reads and counts the file without opening the site: the data folder is left exactly as it was. Dates are read
     * in Europe/Rome (the default time zone), which only matters for the count of redirects.
     */
    private int dryRun() throws java.io.IOException {
        ImportSummary summary;
        try (ProgressBar bar = ProgressBar.onTerminal(Files.size(file))) {
            summary = WxrImporter.dryRun(java.time.ZoneId.of("Europe/Rome"), keepSettings).importFile(file, true, bar::show);
        } catch (WxrReader.Malformed e) {
            System.err.println("testata: " + file + ":" + e.line + ":" + e.column + ": " + e.getMessage());
            return 2;
        }
        if (summary.skipped() > 0) {
            System.err.println("would skip " + summary.skipped() + " items that are neither posts, pages nor menu entries (attachments...)");
        }
        if (!summary.settings().isEmpty()) System.out.println("would import settings: " + settingsLine(summary));
        System.out.println(summary.line(true));
        return 0;
    }

    private static String settingsLine(ImportSummary summary) {
        return summary.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
