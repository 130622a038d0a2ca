package it.testata.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures that matter to a site, from the verdicts the server would give at the shipped thresholds: the share
 * of spam caught (sent to Spam or discarded), the share of ham sent to Spam (a reader silenced), the share of ham
 * held (moderation work), the MCC of the blocking decision; and the operating curve of the probability alone: the
 * spam caught when the blocking threshold is set so that at most 0.1 %, 0.5 % and 1 % of the ham is blocked.
 */
public record OperatingReport(long spam, long ham, long spamCaught, long hamToSpam, long hamHeld, double mcc,
                              double[] curve) {
    /** The ham shares of the operating curve. */
    public static final double[] CURVE_AT = {0.001, 0.005, 0.01};

    public static OperatingReport of(List<SpamMetrics.Scored> scored) {
        long spam = 0, ham = 0, caught = 0, toSpam = 0, held = 0;
        List<Double> hamP = new ArrayList<>(), spamP = new ArrayList<>();
        for (SpamMetrics.Scored s : scored) {
            if (s.spam()) {
                spam++;
                spamP.add(s.p());
                if (s.verdict().blocks()) caught++;
            } else {
                ham++;
                hamP.add(s.p());
                if (s.verdict().blocks()) toSpam++;
                else if (s.verdict() == Verdict.HOLD) held++;
            }
        }
        long tn = ham - toSpam, fn = spam - caught;
        double mcc = new SpamMetrics(0, caught, toSpam, tn, fn).mcc();
        hamP.sort(null);
        double[] curve = new double[CURVE_AT.length];
        for (int i = 0; i < CURVE_AT.length; i++) {
            // the lowest threshold that blocks at most floor(share * ham) of the ham: above the k+1-th highest ham
            int allowed = (int) Math.floor(CURVE_AT[i] * ham);
            double threshold = hamP.isEmpty() ? 0 : allowed >= hamP.size() ? 0 : Math.nextUp(hamP.get(hamP.size() - 1 - allowed));
            long c = 0;
            for (double p : spamP) if (p >= threshold) c++;
            curve[i] = spam == 0 ? 0 : (double) c / spam;
        }
        return new OperatingReport(spam, ham, caught, toSpam, held, mcc, curve);
    }

    private static double share(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    public double spamCaughtShare() {
        return share(spamCaught, spam);
    }

    public double hamToSpamShare() {
        return share(hamToSpam, ham);
    }

    public double hamHeldShare() {
        return share(hamHeld, ham);
    }

    /** spam_caught=… ham_to_spam=… ham_held=… mcc=… curve=caught@0.1%/0.5%/1% spam=… ham=… (4 decimals). */
    public String line() {
        return String.format(Locale.ROOT,
                "spam_caught=%.4f ham_to_spam=%.4f (%d) ham_held=%.4f mcc=%.4f caught_at_ham_0.1%%=%.4f 0.5%%=%.4f 1%%=%.4f spam=%d ham=%d",
                spamCaughtShare(), hamToSpamShare(), hamToSpam, hamHeldShare(), mcc, curve[0], curve[1], curve[2], spam, ham);
    }
}
