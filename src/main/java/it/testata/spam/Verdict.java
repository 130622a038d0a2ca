package it.testata.spam;

import it.testata.settings.SpamSettings;

import java.util.Locale;

/** What happens to a comment, from the gravest: not stored, Spam tab, held for a moderator, published. */
public enum Verdict {
    DISCARD, SPAM, HOLD, APPROVE;

    /** The default thresholds (the settings spam.discard_at, spam.spam_at, spam.hold_at change them). */
    public static final double DISCARD_AT = SpamSettings.DISCARD_AT;
    public static final double SPAM_AT = SpamSettings.SPAM_AT;
    public static final double HOLD_AT = SpamSettings.HOLD_AT;

    public static Verdict of(double p) {
        return of(p, SpamSettings.defaults());
    }

    public static Verdict of(double p, SpamSettings s) {
        if (p >= s.discardAt()) return DISCARD;
        if (p >= s.spamAt()) return SPAM;
        if (p >= s.holdAt()) return HOLD;
        return APPROVE;
    }

    /** Spam or discard: the comment does not reach the site nor the moderation queue. */
    public boolean blocks() {
        return this == DISCARD || this == SPAM;
    }

    /** The graver of the two. */
    public Verdict worst(Verdict other) {
        return other.ordinal() < ordinal() ? other : this;
    }

    /** As stored and shown in the API: approve, hold, spam, discard. */
    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
