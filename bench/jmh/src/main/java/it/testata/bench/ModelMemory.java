package it.testata.bench;

import it.testata.spam.Labelled;
import it.testata.spam.LabelledFile;
import it.testata.spam.SpamModel;
import it.testata.spam.StarterModel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much heap the spam filter's models hold: the shipped starter, and a site model that has learned, one lesson
 * each as moderators teach it, every comment of the SMS and YouTube corpora (6,408: more than a small site's
 * moderators judge in years). Measured as the heap in use after full collections, before and after, with the models
 * still reachable.
 */
public final class ModelMemory {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/spam");
        List<Labelled> all = new ArrayList<>();
        for (String f : List.of("sms_spam_collection.tsv", "youtube_pilot2014.tsv")) {
            all.addAll(LabelledFile.read(dir.resolve(f)));
        }
        long base = used();
        StarterModel starter = StarterModel.shipped();
        long withStarter = used();
        SpamModel site = new SpamModel();
        for (Labelled l : all) site.learn(l.features(), l.spam());
        long withSite = used();
        System.out.printf(Locale.ROOT, "starter: %d features, %.1f MB%n", starter.size(), (withStarter - base) / 1e6);
        System.out.printf(Locale.ROOT, "site model after %d comments: %d features, %.1f MB%n", all.size(),
                site.weights().size(), (withSite - withStarter) / 1e6);
        System.out.printf(Locale.ROOT, "total: %.1f MB%n", (withSite - base) / 1e6);
        if (site.weights().isEmpty() || starter.size() == 0) throw new AssertionError("unreachable, keeps the models alive");
    }

    private static long used() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
