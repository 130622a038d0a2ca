package it.testata.cli;

import it.testata.spam.LabelledFile;
import it.testata.spam.OperatingReport;
import it.testata.spam.Labelled;
import it.testata.spam.SpamEvaluation;
import it.testata.spam.SpamMetrics;
import it.testata.spam.StarterModel;
import it.testata.spam.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Measures the spam filter on labelled corpora: a train/test split or k-fold cross-validation. */
@Command(name = "spam-eval", mixinStandardHelpOptions = true,
        description = {"Measures the spam filter on labelled files (a header line, then spam|ham<TAB>author<TAB>text).",
                "With --groups: leave one group out, and a line of figures for each group.",
                "The line 'verdicts:' gives the verdicts the server would give: spam caught, ham sent to Spam, ham held,",
                "MCC, and the spam caught with at most 0.1 %, 0.5 % and 1 % of the ham blocked (the probability alone).",
                "The last line: precision recall f1 mcc ham_blocked spam_caught n, where a comment is caught",
                "when blocked (p >= " + Verdict.SPAM_AT + ", the probability alone)."})
public final class SpamEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--train", paramLabel = "FILE", description = "training file (repeatable)")
    List<Path> train = new ArrayList<>();

    @Option(names = "--test", paramLabel = "FILE", description = "test file (without --train: the starter model alone, a new site)")
    Path test;

    @Option(names = "--folds", paramLabel = "K", description = "k-fold cross-validation over the FILE given as parameter")
    Integer folds;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the fold split and the training order (default 1)")
    long seed = 1;

    @Option(names = "--no-starter", description = "train from scratch, without the starter model")
    boolean noStarter;

    @Option(names = "--starter", paramLabel = "FILE", description = "start from this starter model instead of the shipped one")
    Path starter;

    @Option(names = "--threshold-report", description = "also print the figures at several thresholds")
    boolean thresholdReport;

    @Option(names = "--groups", paramLabel = "GROUPS", description = {"leave one group out over the FILE given as parameter:",
            "GROUPS has one group name a line (a video, a thread, a sender), one line for each comment of FILE"})
    Path groups;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "the corpus for --folds or --groups")
    Path corpus;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean split = !train.isEmpty() || test != null;
        if (folds != null && groups != null) return usage(err, "use either --folds K FILE or --groups GROUPS FILE");
        if ((folds != null || groups != null) && split) return usage(err, "use either --folds K FILE, --groups GROUPS FILE or --train FILE --test FILE");
        if (folds == null && groups == null && !split) return usage(err, "give --train FILE --test FILE, --folds K FILE or --groups GROUPS FILE");
        if (groups != null && corpus == null) return usage(err, "--groups needs a FILE");
        if (split && test == null) return usage(err, "--train needs --test");
        if (split && train.isEmpty() && noStarter) return usage(err, "--test without --train scores with the starter alone: not with --no-starter");
        if (split && corpus != null) return usage(err, "with --train/--test, no FILE parameter");
        if (folds != null && corpus == null) return usage(err, "--folds needs a FILE");
        if (folds != null && folds < 2) return usage(err, "--folds must be at least 2");
        if (noStarter && starter != null) return usage(err, "--starter and --no-starter exclude each other");
        StarterModel base;
        try {
            base = noStarter ? null : starter != null ? StarterModel.read(java.nio.file.Files.newInputStream(starter)) : StarterModel.shipped();
        } catch (java.io.IOException e) {
            return usage(err, "cannot read the starter model " + starter + ": " + e.getMessage());
        }
        if (!noStarter && base == null) err.println("testata: this build ships no starter model; training from scratch");
        List<SpamMetrics.Scored> scored;
        try {
            long t0 = System.nanoTime();
            if (split) {
                List<Labelled> trainSet = new ArrayList<>();
                for (Path p : train) trainSet.addAll(LabelledFile.read(p));
                SpamEvaluation.Scoring run = SpamEvaluation.trainTest(trainSet, LabelledFile.read(test), seed, base);
                scored = run.scored();
                err.printf(Locale.ROOT, "testata: scored %d comments in %.3f s on one thread, tokenizer included: %.0f/s%n",
                        scored.size(), run.nanos() / 1e9, run.perSecond());
            } else if (groups != null) {
                List<Labelled> all = LabelledFile.read(corpus);
                List<String> names = groupNames(groups);
                if (names == null) return usage(err, "cannot read " + groups);
                if (names.size() != all.size()) {
                    return usage(err, groups + " has " + names.size() + " groups for the " + all.size() + " comments of " + corpus);
                }
                scored = new ArrayList<>();
                for (var e : SpamEvaluation.grouped(all, names, seed, base).entrySet()) {
                    out.println("group " + e.getKey() + ": " + OperatingReport.of(e.getValue()).line());
                    scored.addAll(e.getValue());
                }
            } else {
                List<Labelled> all = LabelledFile.read(corpus);
                if (folds > all.size()) return usage(err, "--folds " + folds + " is more than the " + all.size() + " lines of " + corpus);
                scored = SpamEvaluation.folds(all, folds, seed, base);
            }
            err.printf(Locale.ROOT, "testata: trained and scored in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        } catch (LabelledFile.BadFile e) {
            err.println("testata: " + e.getMessage());
            return 2;
        }
        if (thresholdReport) {
            for (double t : new double[] {0.5, 0.7, 0.8, Verdict.SPAM_AT, 0.95, Verdict.DISCARD_AT, 0.99}) {
                out.printf(Locale.ROOT, "threshold=%.2f %s%n", t, SpamMetrics.at(scored, t).line());
            }
        }
        out.println("verdicts: " + OperatingReport.of(scored).line());
        out.println(SpamMetrics.at(scored, Verdict.SPAM_AT).line());
        out.flush();
        return 0;
    }

    /** One group a line; null when the file cannot be read. */
    private static List<String> groupNames(Path file) {
        try {
            return java.nio.file.Files.readAllLines(file).stream().map(String::strip).toList();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    private int usage(PrintWriter err, String message) {
        err.println("testata: spam-eval: " + message);
        err.flush();
        return 2;
    }
}
