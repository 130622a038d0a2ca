package it.testata.spam;

/** Placeholder: the verdict of the probability alone. */
public final class SpamGate {
    private SpamGate() {}

    public static Verdict verdict(double p, Signals s, long learned) {
        return Verdict.of(p);
    }
}
