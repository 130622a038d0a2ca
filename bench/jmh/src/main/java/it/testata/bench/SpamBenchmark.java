package it.testata.bench;

import it.testata.spam.Labelled;
import it.testata.spam.LabelledFile;
import it.testata.spam.SpamClassifier;
import it.testata.spam.SpamEvaluation;
import it.testata.spam.SpamModel;
import it.testata.spam.StarterModel;
import it.testata.spam.SpamInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One classification as the server does it for each comment: tokenize the author, e-mail, website and text, then
 * score with the site's model and the shipped starter. One thread. The site model is trained on the SMS corpus
 * first; the texts cycle through "comments" (the SMS and YouTube corpora: short texts like reader comments) or
 * "emails" (the SpamAssassin corpus: whole e-mails, ten times longer, a worst case). Corpora from
 * ../shared/data/spam or -Dspam.corpora.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Threads(1)
public class SpamBenchmark {
    @Param({"comments", "emails"})
    public String texts;

    private List<Labelled> comments;
    private SpamClassifier classifier;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Path.of(System.getProperty("spam.corpora", "../shared/data/spam"));
        if (!Files.isDirectory(dir)) throw new IllegalStateException("no corpora in " + dir.toAbsolutePath());
        comments = new ArrayList<>();
        List<String> files = texts.equals("emails") ? List.of("spamassassin_public_corpus.tsv")
                : List.of("sms_spam_collection.tsv", "youtube_pilot2014.tsv");
        for (String f : files) {
            comments.addAll(LabelledFile.read(dir.resolve(f)));
        }
        java.util.Collections.shuffle(comments, new java.util.Random(1));
        SpamModel site = SpamEvaluation.train(LabelledFile.read(dir.resolve("sms_spam_collection.tsv")), 1);
        classifier = new SpamClassifier(StarterModel.shipped(), site);
    }

    // On a shared machine the wall-clock rate depends on what else runs; the rate per second of this thread's own
    // CPU time does not, so each iteration also prints it (the figure bench/README.md quotes next to JMH's).
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long ops;
    private long cpuStart;

    @Setup(Level.Iteration)
    public void startIteration() {
        ops = 0;
        cpuStart = threads.getCurrentThreadCpuTime();
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Iteration)
    public void endIteration() {
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "  [%s: %d classifications in %.2f s of CPU: %.0f per CPU second]%n",
                texts, ops, cpu, ops / cpu);
    }

    @Benchmark
    public double classify() {
        ops++;
        Labelled c = comments.get(next);
        next = next + 1 == comments.size() ? 0 : next + 1;
        // as the server judges: the features and the travelling signals with the spam patterns (spam3)
        SpamInput in = new SpamInput(c.author(), "", "", c.text(), "");
        it.testata.spam.Features f = in.features();
        return classifier.score(f, in.signals(f));
    }
}
