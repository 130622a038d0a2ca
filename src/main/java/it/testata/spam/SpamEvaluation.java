package it.testata.spam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Trains models on labelled corpora and scores held-out comments: a train/test split or k folds. */
public final class SpamEvaluation {
    private SpamEvaluation() {}

    /**
     * Passes over the training set when the starter model is built from the corpora. A site's model learns each
     * comment once, when a moderator judges it, and spam-eval trains exactly so (one pass, shuffled).
     */
    public static final int STARTER_EPOCHS = 6;

    /** A labelled comment with its features computed once. */
    record Example(boolean spam, Features features) {}

    static List<Example> examples(List<Labelled> list) {
        List<Example> out = new ArrayList<>(list.size());
        for (Labelled l : list) out.add(new Example(l.spam(), l.features()));
        return out;
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
        for (Labelled l : test) out.add(new SpamMetrics.Scored(l.spam(), model.score(l.features())));
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
            for (Example x : test) out.add(new SpamMetrics.Scored(x.spam(), model.score(x.features())));
        }
        return out;
    }
}
