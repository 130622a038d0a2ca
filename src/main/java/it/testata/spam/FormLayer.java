package it.testata.spam;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small logistic regression over the form of a comment, never its words: the travelling {@link Signals} (links and
 * how they are hidden, contacts, solicitation, shouting, repetition, another script or language, relevance to the
 * article), the number of links, the length, the share of capitals, long numbers and a few kinds of symbol, and some
 * of these in a short comment. None of its inputs names a topic
 * (talk of money is left out: it is the topic of a finance site; money with a contact or a rate is a pattern),
 * so what it learns on one kind of text (text messages, e-mails, other sites' comments) can be carried to a site
 * it has never seen. Its weights are fitted offline on the starter's corpora ({@link #fit}) and ship in the starter
 * file; the layer neither fades nor learns from a site's moderators. Its log-odds (its bias left out: the word
 * models have their own) are added to the classifier's when they lower the score, and when they raise it only if the
 * comment shows a pitch sign ({@link Signals#strong}): a form alone, like topic words alone, never sends a comment to
 * Spam ({@link #WHEN}). Measured: docs/SPAM.md, "After spam4".
 */
public final class FormLayer {
    /** The inputs, in the order of the weights. */
    static final List<String> INPUTS;
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        List<String> in = new ArrayList<>();
        for (String c : List.of("link", "unknown-domain", "shortener", "broken-link", "dot-com", "referral", "punycode",
                "website", "name-link", "phone", "messenger", "mention", "email", "solicit", "shout", "repeat",
                "script", "language", "on-topic", "off-topic")) {
            in.add("x:" + c);
        }
        // no input for the patterns: their hand-set log-odds are the fit's offset and are added to every score; the
        // layer learns around them and does not second-guess them from e-mails (where some fire on ham)
        for (String c : List.of("links:1", "links:2", "links:3+", "len:0", "len:1", "len:2", "len:3", "len:4-7",
                "len:8-15", "len:16-31", "len:32-63", "len:64+", "caps:low", "caps:high", "d:long", "d:any",
                "s:!", "s:?", "s:*", "s:pictograph", "s:other", "short:link",
                "short:unknown-domain", "short:phone", "short:solicit", "short:mention")) {
            in.add(c);
        }
        INPUTS = List.copyOf(in);
        for (int i = 0; i < INPUTS.size(); i++) INDEX.put(INPUTS.get(i), i);
    }

    /** A comment of at most this many words (links aside) is short (the len: buckets up to 8-15). */
    static final int SHORT = 15;
    /**
     * The layer's probability from which its form alone is evidence of a pitch for {@link SpamGate}. Measurement
     * switch -Dtestata.spam.form_evidence=P (spam-eval ablation only).
     */
    static final double EVIDENCE = Double.parseDouble(System.getProperty("testata.spam.form_evidence", "0.9"));
    /** How much of its log-odds is added to the classifier's; -Dtestata.spam.form=0 turns the layer off (ablation). */
    static final double WEIGHT = Double.parseDouble(System.getProperty("testata.spam.form", "1"));

    /**
     * When the layer's log-odds count: "lower" (as shipped) always when they lower the score, and when they raise it
     * only with a pitch sign ({@link Signals#strong}), so that a form alone, like topic words alone, never sends a
     * comment to Spam; "evidence" only with a pitch sign; "always". Measurement switch -Dtestata.spam.form_when.
     */
    static final String WHEN = System.getProperty("testata.spam.form_when", "lower");

    /** Measurement switch -Dtestata.spam.form_offset=false: fit the layer without the patterns' log-odds as an offset. */
    private static final boolean OFFSET = !"false".equals(System.getProperty("testata.spam.form_offset"));

    private final double bias;
    private final double[] weights;

    FormLayer(double bias, double[] weights) {
        if (weights.length != INPUTS.size()) throw new IllegalArgumentException(weights.length + " weights for " + INPUTS.size() + " inputs");
        this.bias = bias;
        this.weights = weights.clone();
    }

    /** The inputs a comment turns on (each 1), as indexes into {@link #INPUTS}. */
    static int[] inputs(Features f, Signals s) {
        List<Integer> on = new ArrayList<>(12);
        int words = -1;
        boolean digits = false, longDigits = false, other = false, pictograph = false;
        for (String name : f.names()) {
            int colon = name.indexOf(':');
            if (colon < 0) continue;
            String ns = name.substring(0, colon);
            switch (ns) {
                case "links", "len" -> on(on, name);
                case "caps" -> {
                    int tenths = Integer.parseInt(name.substring(5));
                    if (tenths <= 1) on(on, "caps:low");
                    else if (tenths >= 5) on(on, "caps:high");
                }
                case "d" -> {
                    digits = true;
                    if (name.endsWith("+") || name.endsWith("+L")) longDigits = true;
                }
                case "s" -> {
                    String sym = name.substring(2);
                    int cp = sym.codePointAt(0);
                    if ("$€£₹₦¥".contains(sym)) continue; // money: a finance site's topic
                    if (sym.equals("!") || sym.equals("?") || sym.equals("*")) on(on, name);
                    else if (cp >= 0x2190) pictograph = true;
                    else if (cp >= 0x80) other = true;
                }
                default -> { }
            }
            if (ns.equals("len")) words = lenWords(name.substring(4));
        }
        if (digits) on(on, "d:any");
        if (longDigits) on(on, "d:long");
        if (pictograph) on(on, "s:pictograph");
        if (other) on(on, "s:other");
        for (String c : s.codes()) {
            on(on, "x:" + c);
            if (words >= 0 && words <= SHORT) on(on, "short:" + c);
        }
        int[] out = new int[on.size()];
        for (int i = 0; i < out.length; i++) out[i] = on.get(i);
        return out;
    }

    private static void on(List<Integer> on, String input) {
        Integer i = INDEX.get(input);
        if (i != null && !on.contains(i)) on.add(i);
    }

    /** The smallest word count of a len: bucket. */
    private static int lenWords(String bucket) {
        int dash = bucket.indexOf('-');
        String lo = dash > 0 ? bucket.substring(0, dash) : bucket.replace("+", "");
        return Integer.parseInt(lo);
    }

    /** The layer's log-odds without its bias: what it adds to the classifier's. */
    public double margin(Features f, Signals s) {
        double z = 0;
        for (int i : inputs(f, s)) z += weights[i];
        return z;
    }

    /** The layer's own probability that a comment of this form is spam (its bias included). */
    public double probability(Features f, Signals s) {
        return SpamModel.sigmoid(bias + margin(f, s));
    }

    /**
     * Fits the layer on labelled comments by gradient descent on the mean log loss with an L2 penalty, each class
     * weighing half (the corpora's share of spam is no site's), with the {@link SpamPatterns}' log-odds as a fixed
     * offset (they are added to every score: the layer learns what they do not already say, instead of counting a
     * pattern twice). Deterministic: full-batch steps.
     */
    static FormLayer fit(List<SpamEvaluation.Example> examples) {
        int n = INPUTS.size();
        List<int[]> xs = new ArrayList<>(examples.size());
        double[] offset = new double[examples.size()];
        long spam = 0;
        for (SpamEvaluation.Example e : examples) {
            // the patterns' hand-set log-odds are added to every score already: the layer learns what they do not say
            if (OFFSET) offset[xs.size()] = e.signals().patterns().logOdds();
            xs.add(inputs(e.features(), e.signals()));
            if (e.spam()) spam++;
        }
        long ham = examples.size() - spam;
        if (spam == 0 || ham == 0) return new FormLayer(0, new double[n]);
        double ws = 0.5 / spam, wh = 0.5 / ham, l2 = 1e-3, rate = 2.0;
        double[] w = new double[n];
        double b = 0;
        double[] g = new double[n];
        for (int iter = 0; iter < 600; iter++) {
            Arrays.fill(g, 0);
            double gb = 0;
            for (int k = 0; k < xs.size(); k++) {
                int[] x = xs.get(k);
                boolean y = examples.get(k).spam();
                double z = b + offset[k];
                for (int i : x) z += w[i];
                double d = (SpamModel.sigmoid(z) - (y ? 1 : 0)) * (y ? ws : wh);
                gb += d;
                for (int i : x) g[i] += d;
            }
            b -= rate * gb;
            for (int i = 0; i < n; i++) w[i] -= rate * (g[i] + l2 * w[i]);
        }
        return new FormLayer(b, w);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(weights.length);
        out.writeDouble(bias);
        for (String name : INPUTS) out.writeUTF(name);
        for (double w : weights) out.writeDouble(w);
    }

    /** Reads a layer; inputs this build does not know are dropped, ones it knows that the file lacks weigh 0. */
    static FormLayer read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000) throw new IOException("a form layer of " + n + " inputs is not plausible");
        double bias = in.readDouble();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) names[i] = in.readUTF();
        double[] w = new double[INPUTS.size()];
        for (int i = 0; i < n; i++) {
            double v = in.readDouble();
            Integer at = INDEX.get(names[i]);
            if (at != null) w[at] = v;
        }
        return new FormLayer(bias, w);
    }

    /** input name → weight, for the documentation and the tests. */
    public Map<String, Double> weights() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < INPUTS.size(); i++) out.put(INPUTS.get(i), weights[i]);
        return out;
    }

    public double bias() {
        return bias;
    }
}
