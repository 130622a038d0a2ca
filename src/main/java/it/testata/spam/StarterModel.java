package it.testata.spam;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model that ships with Testata, read-only and compact: feature names are kept as 64-bit hashes in an
 * open-addressing table and their four numbers as floats, so a hundred thousand features take a few megabytes. A
 * site's own learning never changes it; {@link SpamModel} copies a row into its own map the first time it learns a
 * feature. Built by {@code ./testata spam-starter} (scripts/build-spam-starter.sh) from public corpora.
 */
public final class StarterModel {
    /** Where the starter ships inside the jar. */
    public static final String RESOURCE = "/spam/starter.bin.gz";
    private static final int MAGIC = 0x54535031; // "TSP1": the table alone
    private static final int MAGIC_FORM = 0x54535032; // "TSP2": the table, then the form layer
    private static volatile StarterModel shipped;

    private final long[] keys;
    private final float[] rows; // 4 floats per slot
    private final int mask;
    private final int size;
    final double bias;
    final double biasG2;
    final long spamLearned;
    final long hamLearned;
    /** The form layer fitted on the same corpora, or null (a starter written before it). */
    private FormLayer form;

    private StarterModel(int size, double bias, double biasG2, long spamLearned, long hamLearned) {
        int cap = Integer.highestOneBit(Math.max(16, size * 2 - 1)) << 1;
        this.keys = new long[cap];
        this.rows = new float[cap * 4];
        this.mask = cap - 1;
        this.size = size;
        this.bias = bias;
        this.biasG2 = biasG2;
        this.spamLearned = spamLearned;
        this.hamLearned = hamLearned;
    }

    /** The starter model in the jar, read once per process; null when the jar has none. */
    public static StarterModel shipped() {
        StarterModel s = shipped;
        if (s == null) {
            synchronized (StarterModel.class) {
                s = shipped;
                if (s == null) {
                    try (InputStream in = StarterModel.class.getResourceAsStream(RESOURCE)) {
                        s = in == null ? empty() : read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("the shipped spam model is unreadable", e);
                    }
                    shipped = s;
                }
            }
        }
        return s.size == 0 ? null : s;
    }

    private static StarterModel empty() {
        return new StarterModel(0, 0, 0, 0, 0);
    }

    /** The form layer shipped with this starter, or null. */
    public FormLayer form() {
        return form;
    }

    public int size() {
        return size;
    }

    /** The log-odds of spam the starter gives these features: the sums of {@link SpamModel#margin} over its table. */
    public double margin(Features f) {
        return parts(f).total(true);
    }

    /** The margin's word part and the rest, before the cap ({@link SpamModel#parts}). */
    public SpamModel.Parts parts(Features f) {
        // the same sums as SpamModel.parts, read straight from the float table (no row copies)
        double x = f.size() == 0 ? 0 : 1 / Math.sqrt(f.size());
        double words = 0, other = bias;
        double s = spamLearned + 2 * SpamModel.ALPHA, h = hamLearned + 2 * SpamModel.ALPHA;
        double logS = Math.log(s), logH = Math.log(h);
        for (String name : f.names()) {
            int o = offset(name);
            if (o < 0) continue;
            double xi = SpamModel.input(name, x);
            double z = rows[o] * xi;
            float sc = rows[o + 2], hc = rows[o + 3];
            if (sc + hc > 0) z += SpamModel.NB * (Math.log((sc + SpamModel.ALPHA) / (hc + SpamModel.ALPHA)) - logS + logH) * xi;
            if (SpamModel.word(name)) words += z;
            else other += z;
        }
        return new SpamModel.Parts(words, other);
    }

    /** Where the feature's four numbers start in the table, or -1. */
    private int offset(String name) {
        long key = hash(name);
        int i = slot(key);
        while (keys[i] != 0) {
            if (keys[i] == key) return i * 4;
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** A copy of the feature's row {weight, squared gradients, spam count, ham count}, or null. */
    double[] row(String name) {
        int o = offset(name);
        return o < 0 ? null : new double[] {rows[o], rows[o + 1], rows[o + 2], rows[o + 3]};
    }

    private void put(long key, float w, float g2, float spam, float ham) {
        int i = slot(key);
        while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
        keys[i] = key;
        int o = i * 4;
        rows[o] = w;
        rows[o + 1] = g2;
        rows[o + 2] = spam;
        rows[o + 3] = ham;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** A 64-bit hash of a feature name (FNV-1a over the UTF-16 units, then a splitmix finalizer); never 0. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }

    /**
     * Writes a trained model as a starter, keeping the features seen in at least {@code minCount} comments (rare
     * words and n-grams say little about comments elsewhere and make the file large). Returns how many were kept.
     */
    public static int write(SpamModel model, int minCount, OutputStream target) throws IOException {
        return write(model, null, minCount, target);
    }

    /** The same, with the form layer fitted on the same corpora written after the table (when not null). */
    public static int write(SpamModel model, FormLayer form, int minCount, OutputStream target) throws IOException {
        int kept = 0;
        for (double[] w : model.weights().values()) if (w[2] + w[3] >= minCount) kept++;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target)))) {
            out.writeInt(form == null ? MAGIC : MAGIC_FORM);
            out.writeDouble(model.bias());
            out.writeDouble(model.biasG2());
            out.writeLong(model.spamLearned());
            out.writeLong(model.hamLearned());
            out.writeInt(kept);
            for (Map.Entry<String, double[]> e : model.weights().entrySet()) {
                double[] w = e.getValue();
                if (w[2] + w[3] < minCount) continue;
                out.writeLong(hash(e.getKey()));
                out.writeFloat((float) w[0]);
                out.writeFloat((float) w[1]);
                out.writeFloat((float) w[2]);
                out.writeFloat((float) w[3]);
            }
            if (form != null) form.write(out);
        }
        return kept;
    }

    /** Reads a starter written by {@link #write}. */
    public static StarterModel read(InputStream source) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source)))) {
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_FORM) throw new IOException("not a Testata starter model");
            double bias = in.readDouble(), biasG2 = in.readDouble();
            long spam = in.readLong(), ham = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > 20_000_000) throw new IOException("a starter model of " + n + " features is not plausible");
            StarterModel s = new StarterModel(n, bias, biasG2, spam, ham);
            for (int i = 0; i < n; i++) s.put(in.readLong(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
            if (magic == MAGIC_FORM) s.form = FormLayer.read(in);
            return s;
        }
    }
}
