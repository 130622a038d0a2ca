package it.testata.cli;

import it.testata.Site;
import it.testata.search.SearchService;
import it.testata.search.SearchStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.Console;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuilds the search index of public articles in the data folder, with a progress bar on a terminal.",
                "When a running server holds that index, asks it to rebuild instead (through the change log)."})
public final class ReindexCommand implements Callable<Integer> {
    private static final int BAR = 30;

    @Mixin
    SiteOptions site;

    @Override
    public Integer call() {
        try (Site s = Site.open(site.config(null))) {
            long t0 = System.nanoTime();
            boolean terminal = terminal();
            PrintStream err = System.err;
            boolean[] drawn = {false};
            Optional<Integer> done = SearchService.rebuildOffline(new SearchStore(s.db.jdbi()), s.searchFolder(),
                    s.settings.current().locale(), (n, total) -> {
                        if (!terminal) return;
                        err.print("\r" + bar(n, total));
                        drawn[0] = true;
                    });
            if (drawn[0]) err.println();
            if (done.isEmpty()) {
                s.changes.write((h, touched) -> touched.add(SearchService.REINDEX));
                System.out.println("a running server holds the index in " + s.searchFolder() + ": it rebuilds it now");
                return 0;
            }
            System.out.printf("indexed %d articles in %d ms%n", done.get(), (System.nanoTime() - t0) / 1_000_000);
            return 0;
        }
    }

    static String bar(int done, int total) {
        int filled = total == 0 ? BAR : (int) ((long) done * BAR / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + done + "/" + total;
    }

    /** A terminal on the other end (Console.isTerminal where the JDK has it, else a console at all). */
    private static boolean terminal() {
        Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
