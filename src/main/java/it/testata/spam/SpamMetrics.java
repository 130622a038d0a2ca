package it.testata.spam;

import java.util.List;
import java.util.Locale;

/**
 * Figures of a test run where a comment counts as caught when it is blocked: its probability reaches the
 * threshold (by default {@link Verdict#SPAM_AT}, i.e. a verdict of spam or discard). Precision, recall, F1 and MCC
 * are those of that decision, so recall equals spam_caught and ham_blocked is the false positive rate.
 */
public record SpamMetrics(double threshold, long truePos, long falsePos, long trueNeg, long falseNeg) {
    /** A scored test comment: its label, the model's probability and the verdict the server would give it. */
    public record Scored(boolean spam, double p, Verdict verdict) {
        /** The verdict of the probability alone, at the default thresholds. */
        public Scored(boolean spam, double p) {
            this(spam, p, Verdict.of(p));
        }
    }

    public static SpamMetrics at(List<Scored> scored, double threshold) {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (Scored s : scored) {
            boolean blocked = s.p() >= threshold;
            if (s.spam()) {
                if (blocked) tp++;
                else fn++;
            } else if (blocked) {
                fp++;
            } else {
                tn++;
            }
        }
        return new SpamMetrics(threshold, tp, fp, tn, fn);
    }

    public long n() {
        return truePos + falsePos + trueNeg + falseNeg;
    }

    public double precision() {
        return ratio(truePos, truePos + falsePos);
    }

    public double recall() {
        return ratio(truePos, truePos + falseNeg);
    }

    public double f1() {
        return ratio(2 * truePos, 2 * truePos + falsePos + falseNeg);
    }

    /** Matthews correlation coefficient; 0 when a margin of the table is empty. */
    public double mcc() {
        double den = Math.sqrt((double) (truePos + falsePos) * (truePos + falseNeg) * (trueNeg + falsePos) * (trueNeg + falseNeg));
        return den == 0 ? 0 : ((double) truePos * trueNeg - (double) falsePos * falseNeg) / den;
    }

    public double hamBlocked() {
        return ratio(falsePos, falsePos + trueNeg);
    }

    public double spamCaught() {
        return recall();
    }

    /** precision=… recall=… f1=… mcc=… ham_blocked=… spam_caught=… n=… (4 decimals). */
    public String line() {
        return String.format(Locale.ROOT, "precision=%.4f recall=%.4f f1=%.4f mcc=%.4f ham_blocked=%.4f spam_caught=%.4f n=%d",
                precision(), recall(), f1(), mcc(), hamBlocked(), spamCaught(), n());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
