package it.testata.spam;

/** What happens to a comment, from its spam probability. The thresholds become settings later. */
public enum Verdict {
    DISCARD, SPAM, HOLD, APPROVE;

    /** p at or above this: discarded without a moderator seeing it. */
    public static final double DISCARD_AT = 0.98;
    /** p at or above this: marked spam (a moderator may rescue it). */
    public static final double SPAM_AT = 0.9;
    /** p at or above this: held for moderation. */
    public static final double HOLD_AT = 0.5;

    public static Verdict of(double p) {
        if (p >= DISCARD_AT) return DISCARD;
        if (p >= SPAM_AT) return SPAM;
        if (p >= HOLD_AT) return HOLD;
        return APPROVE;
    }

    /** Spam or discard: the comment does not reach the site nor the moderation queue. */
    public boolean blocks() {
        return this == DISCARD || this == SPAM;
    }
}
