package it.testata.spam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Trains models on labelled corpora and scores held-out comments: a train/test split or k folds. */
public final class SpamEvaluation {
    private SpamEvaluation() {}

    /**
     * Passes over the training set when the starter model is built from the corpora. A site's model learns each
     * comment once, when a moderator judges it, and spam-eval trains exactly so (one pass, shuffled).
     */
    public static final int STARTER_EPOCHS = 6;

    /** A labelled comment with its features and its travelling signals computed once. */
    record Example(boolean spam, Features features, Signals signals) {}

    static List<Example> examples(List<Labelled> list) {
        List<Example> out = new ArrayList<>(list.size());
        for (Labelled l : list) out.add(example(l));
        return out;
    }

    static Example example(Labelled l) {
        Features f = l.features();
        return new Example(l.spam(), f, Signals.of(new SpamInput(l.author(), "", "", l.text(), ""), null, f));
    }

    /** The scored comment with the verdict the server would give it (a site that has learned the training set). */
    static SpamMetrics.Scored judge(SpamClassifier model, Example x) {
        double p = model.score(x.features(), x.signals());
        long learned = model.site().spamLearned() + model.site().hamLearned();
        double form = model.formProbability(x.features(), x.signals());
        double capped = model.scoreWordsCapped(x.features(), x.signals());
        return new SpamMetrics.Scored(x.spam(), p, SpamGate.verdict(p, x.signals(), form, capped, learned));
    }

    /** Learns the examples into the model in passes, shuffled with the seed before each pass. */
    static void train(SpamModel model, List<Example> train, long seed, int epochs) {
        List<Example> order = new ArrayList<>(train);
        Random random = new Random(seed);
        for (int e = 0; e < epochs; e++) {
            Collections.shuffle(order, random);
            for (Example x : order) {
                if (e == 0) model.learn(x.features(), x.spam());
                else model.refine(x.features(), x.spam());
            }
        }
    }

    /** A site model trained on the list as moderators would teach it: each comment once, in shuffled order. */
    public static SpamModel train(List<Labelled> train, long seed) {
        return train(train, seed, 1);
    }

    public static SpamModel train(List<Labelled> train, long seed, int epochs) {
        SpamModel model = new SpamModel();
        train(model, examples(train), seed, epochs);
        return model;
    }

    /** The starter model: trained in {@link #STARTER_EPOCHS} passes with its words capped ({@link SpamModel#WORD_CAP}). */
    public static SpamModel trainStarter(List<Labelled> train, long seed) {
        SpamModel model = SpamModel.forStarter();
        train(model, examples(train), seed, STARTER_EPOCHS);
        return model;
    }

    /** The form layer fitted on the starter's corpora ({@link FormLayer#fit}). */
    public static FormLayer fitForm(List<Labelled> train) {
        return FormLayer.fit(examples(train));
    }

    /** Held-out comments with their scores, and the time spent tokenizing and scoring them (one thread). */
    public record Scoring(List<SpamMetrics.Scored> scored, long nanos) {
        public double perSecond() {
            return nanos == 0 ? 0 : scored.size() * 1e9 / nanos;
        }
    }

    /** Trains on one list and scores the other; the scoring time includes the tokenizer. */
    public static Scoring trainTest(List<Labelled> train, List<Labelled> test, long seed, StarterModel base) {
        SpamClassifier model = new SpamClassifier(base, train(train, seed));
        List<SpamMetrics.Scored> out = new ArrayList<>(test.size());
        long t0 = System.nanoTime();
        for (Labelled l : test) out.add(judge(model, example(l)));
        return new Scoring(out, System.nanoTime() - t0);
    }

    /** k-fold cross-validation, stratified: each fold gets its share of spam and of ham. */
    public static List<SpamMetrics.Scored> folds(List<Labelled> all, int k, long seed, StarterModel base) {
        List<Example> ex = examples(all);
        List<Integer> spam = new ArrayList<>(), ham = new ArrayList<>();
        for (int i = 0; i < ex.size(); i++) (ex.get(i).spam() ? spam : ham).add(i);
        Random random = new Random(seed);
        Collections.shuffle(spam, random);
        Collections.shuffle(ham, random);
        int[] fold = new int[ex.size()];
        int j = 0;
        for (int i : spam) fold[i] = j++ % k;
        for (int i : ham) fold[i] = j++ % k;
        List<SpamMetrics.Scored> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Example> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < ex.size(); i++) (fold[i] == f ? test : train).add(ex.get(i));
            SpamModel site = new SpamModel();
            train(site, train, seed + f, 1);
            SpamClassifier model = new SpamClassifier(base, site);
            for (Example x : test) out.add(judge(model, x));
        }
        return out;
    }

    /**
     * Leave one group out: for each group (a video, a thread, a sender's domain), a model trained on all the other
     * groups scores that group's comments. The groups are given one a comment, in the corpus's order.
     */
    public static Map<String, List<SpamMetrics.Scored>> grouped(List<Labelled> all, List<String> groups, long seed, StarterModel base) {
        if (groups.size() != all.size()) {
            throw new IllegalArgumentException(groups.size() + " groups for " + all.size() + " comments");
        }
        List<Example> ex = examples(all);
        Map<String, List<SpamMetrics.Scored>> out = new LinkedHashMap<>();
        for (String g : groups) out.putIfAbsent(g, new ArrayList<>());
        int f = 0;
        for (Map.Entry<String, List<SpamMetrics.Scored>> e : out.entrySet()) {
            List<Example> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < ex.size(); i++) (groups.get(i).equals(e.getKey()) ? test : train).add(ex.get(i));
            SpamModel site = new SpamModel();
            train(site, train, seed + f++, 1);
            SpamClassifier model = new SpamClassifier(base, site);
            for (Example x : test) e.getValue().add(judge(model, x));
        }
        return out;
    }
}
