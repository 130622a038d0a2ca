package it.testata.spam;

import java.util.HashMap;
import java.util.Map;

/**
 * Logistic regression over the presence of features, learned one comment at a time by SGD with a per-feature
 * AdaGrad step (so a moderator's approve or spam updates it at once). Everything it knows is plain numbers a
 * store can keep as rows: per feature its weight and its sum of squared gradients ({@link #weights}), the bias and
 * its sum, and how many spam and ham comments it has learned.
 */
public final class SpamModel {
    /** Base learning rate of the AdaGrad step. */
    public static final double RATE = 1.0;
    /** L2 shrinkage applied to the weights a step touches. */
    public static final double L2 = 1e-6;

    /** feature name → {weight, sum of squared gradients}. */
    private final Map<String, double[]> weights;
    private double bias;
    private double biasG2;
    private long spamLearned;
    private long hamLearned;

    public SpamModel() {
        this(new HashMap<>(), 0, 0, 0, 0);
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

    private double margin(Features f) {
        double x = scale(f);
        double z = bias;
        for (String name : f.names()) {
            double[] w = weights.get(name);
            if (w != null) z += w[0] * x;
        }
        return z;
    }

    /** One step towards the label; returns the probability the model gave before the step. */
    public double learn(Features f, boolean spam) {
        double p = score(f);
        double g = p - (spam ? 1 : 0);
        double x = scale(f);
        for (String name : f.names()) {
            double[] w = weights.computeIfAbsent(name, k -> new double[2]);
            double grad = g * x + L2 * w[0];
            w[1] += grad * grad;
            w[0] -= RATE * grad / Math.sqrt(w[1] + 1e-8);
        }
        biasG2 += g * g;
        bias -= RATE * 0.2 * g / Math.sqrt(biasG2 + 1e-8);
        if (spam) spamLearned++;
        else hamLearned++;
        return p;
    }

    private static double scale(Features f) {
        return f.size() == 0 ? 0 : 1 / Math.sqrt(f.size());
    }

    private static double sigmoid(double z) {
        if (z > 35) return 1;
        if (z < -35) return 0;
        return 1 / (1 + Math.exp(-z));
    }

    /** feature name → {weight, sum of squared gradients}; live, for a store to save. */
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
