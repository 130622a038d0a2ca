package it.testata.spam;

import java.util.HashMap;
import java.util.Map;

/**
 * Naive Bayes and logistic regression over the presence of features, in one margin: the Bernoulli-style naive
 * Bayes log-odds of the features (Laplace-smoothed document counts) plus a logistic regression that learns, by SGD
 * with a per-feature AdaGrad step, what the counts get wrong. {@link #learn} counts the comment and takes one step, so
 * a moderator's approve or spam updates the model at once; {@link #refine} takes a further step without counting
 * (extra passes when training from a corpus). Everything it knows is plain numbers a store can keep as rows: per
 * feature {weight, sum of squared gradients, spam comments, ham comments} ({@link #weights}), the bias and its sum of
 * squared gradients, and how many spam and ham comments it has learned.
 */
public final class SpamModel {
    /** Base learning rate of the AdaGrad step. */
    public static final double RATE = 1.0;
    /** L2 shrinkage applied to the weights a step touches. */
    public static final double L2 = 1e-6;
    /** Weight of the naive Bayes log-odds (per feature, scaled like the logistic inputs) in the margin. */
    public static final double NB = 1.0;
    /** Laplace smoothing of the naive Bayes document counts. */
    public static final double ALPHA = 1.0;

    /**
     * The input value of a travelling signal (an {@code x:} feature, {@link Signals}): fixed, where every other feature
     * weighs 1/sqrt(number of features), so that a comment's many topic words cannot drown its few signals.
     */
    public static final double SIGNAL = Double.parseDouble(System.getProperty("testata.spam.signal", "0.5"));

    /**
     * The most the starter's plain words (words, the author's name words and their n-grams: the topics of the public
     * corpora, other sites' topics) may move the log-odds either way, in the starter and while it is trained. Its words
     * alone then never reach the Spam threshold (logit 0.9 = 2.2), and training pushes what they cannot carry onto the
     * features that travel (links, contacts, signals, shapes, symbols, domains). A site's own words are its own topic
     * and are not capped (the gate keeps an on-topic comment out of Spam). Measured: docs/SPAM.md, "Which feature
     * bought what".
     */
    public static final double WORD_CAP = Double.parseDouble(System.getProperty("testata.spam.wordcap", "2"));

    /** A plain word feature (a word, a word of the author's name, an n-gram): the topic, capped by {@link #WORD_CAP}. */
    static boolean word(String name) {
        int colon = name.indexOf(':');
        return colon < 0 || (colon == 1 && (name.charAt(0) == 'g' || name.charAt(0) == 'a'));
    }

    /** The word part of a starter's margin, capped. */
    static double capped(double words) {
        return Math.max(-WORD_CAP, Math.min(WORD_CAP, words));
    }

    /** A margin in two parts: the plain words' and the rest's (bias included). */
    public record Parts(double words, double other) {
        public double total(boolean cap) {
            return other + (cap ? capped(words) : words);
        }
    }

    /** The input value of a feature in a comment of n features scaling as x = 1/sqrt(n). */
    static double input(String name, double x) {
        return name.startsWith("x:") ? SIGNAL : x;
    }

    /** feature name → {weight, sum of squared gradients, spam count, ham count}. */
    private final Map<String, double[]> weights;
    private double bias;
    private double biasG2;
    private long spamLearned;
    private long hamLearned;
    /** Whether the words are capped ({@link #WORD_CAP}): a starter being trained; a site's model is not. */
    private boolean starter;

    public SpamModel() {
        this(new HashMap<>(), 0, 0, 0, 0);
    }

    /** An empty model trained as a starter is: its words capped. */
    public static SpamModel forStarter() {
        SpamModel m = new SpamModel();
        m.starter = true;
        return m;
    }

    /** A model from stored numbers; the map is used as it is (not copied). */
    public SpamModel(Map<String, double[]> weights, double bias, double biasG2, long spamLearned, long hamLearned) {
        this.weights = weights;
        this.bias = bias;
        this.biasG2 = biasG2;
        this.spamLearned = spamLearned;
        this.hamLearned = hamLearned;
    }

    /** The probability that a comment with these features is spam. */
    public double score(Features f) {
        return sigmoid(margin(f));
    }

    /**
     * The log-odds of spam for these features (the probability before the sigmoid): the logistic weights plus the
     * naive Bayes log-odds of the features present, both scaled by 1/sqrt(number of features).
     */
    public double margin(Features f) {
        return parts(f).total(starter);
    }

    /** The margin's word part and the rest, before the cap. */
    public Parts parts(Features f) {
        double x = scale(f);
        double words = 0, other = bias;
        double logS = Math.log(spamLearned + 2 * ALPHA), logH = Math.log(hamLearned + 2 * ALPHA);
        for (String name : f.names()) {
            double[] w = weights.get(name);
            if (w == null) continue;
            double xi = input(name, x);
            double z = w[0] * xi;
            if (w[2] + w[3] > 0) z += NB * (Math.log((w[2] + ALPHA) / (w[3] + ALPHA)) - logS + logH) * xi;
            if (word(name)) words += z;
            else other += z;
        }
        return new Parts(words, other);
    }

    /** One step towards the label; returns the probability the model gave before the step. */
    public double learn(Features f, boolean spam) {
        for (String name : f.names()) own(name)[spam ? 2 : 3]++;
        if (spam) spamLearned++;
        else hamLearned++;
        return refine(f, spam);
    }

    /**
     * Takes back the counts of a comment learned with the other label (a moderator changed their mind), then
     * learns it with this one.
     */
    public double relearn(Features f, boolean spam) {
        for (String name : f.names()) {
            double[] w = own(name);
            int other = spam ? 3 : 2;
            w[other] = Math.max(0, w[other] - 1);
        }
        if (spam) hamLearned = Math.max(0, hamLearned - 1);
        else spamLearned = Math.max(0, spamLearned - 1);
        return learn(f, spam);
    }

    private double[] own(String name) {
        return weights.computeIfAbsent(name, k -> new double[4]);
    }

    /** One more logistic step on a comment already learned (the counts stay as they are). */
    public double refine(Features f, boolean spam) {
        Parts parts = parts(f);
        double p = sigmoid(parts.total(starter));
        double g = p - (spam ? 1 : 0);
        // beyond the cap the words no longer move the margin, so they get no gradient: the rest must learn the lesson
        boolean wordsCapped = starter && Math.abs(parts.words()) >= WORD_CAP;
        double x = scale(f);
        for (String name : f.names()) {
            double[] w = own(name);
            double grad = (wordsCapped && word(name) ? 0 : g * input(name, x)) + L2 * w[0];
            w[1] += grad * grad;
            w[0] -= RATE * grad / Math.sqrt(w[1] + 1e-8);
        }
        biasG2 += g * g;
        bias -= RATE * 0.2 * g / Math.sqrt(biasG2 + 1e-8);
        return p;
    }

    private static double scale(Features f) {
        return f.size() == 0 ? 0 : 1 / Math.sqrt(f.size());
    }

    /** The probability of a margin, kept strictly between 0 and 1 (a threshold of 1 means never). */
    static double sigmoid(double z) {
        double c = Math.max(-35, Math.min(35, z));
        return 1 / (1 + Math.exp(-c));
    }

    /** The feature's current row, a copy (for a store to save after learning), or null when nothing is known. */
    public double[] rowOf(String name) {
        double[] w = weights.get(name);
        return w == null ? null : w.clone();
    }

    /** Replaces one feature's numbers (another server learned it); for {@link SpamService}'s refresh. */
    void put(String name, double[] row) {
        weights.put(name, row);
    }

    /** Replaces the whole-model numbers (another server learned); for {@link SpamService}'s refresh. */
    synchronized void totals(double bias, double biasG2, long spamLearned, long hamLearned) {
        this.bias = bias;
        this.biasG2 = biasG2;
        this.spamLearned = spamLearned;
        this.hamLearned = hamLearned;
    }

    /** feature name → {weight, sum of squared gradients, spam count, ham count}; live. */
    public Map<String, double[]> weights() {
        return weights;
    }

    public double bias() {
        return bias;
    }

    public double biasG2() {
        return biasG2;
    }

    public long spamLearned() {
        return spamLearned;
    }

    public long hamLearned() {
        return hamLearned;
    }
}
