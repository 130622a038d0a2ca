package it.testata.spam;

/** Placeholder. */
public record Signals() {
    public static Signals of(SpamInput in, String context) {
        return new Signals();
    }
}
