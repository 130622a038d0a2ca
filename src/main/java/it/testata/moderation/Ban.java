package it.testata.moderation;

import java.util.Locale;
import java.util.Optional;

/** What a moderator may ban from a comment, and the spam setting each ban is added to. */
public enum Ban {
    EMAIL("spam.blocked_emails"),
    DOMAIN("spam.blocked_email_domains"),
    NETWORK("spam.blocked_networks");

    public final String setting;

    Ban(String setting) {
        this.setting = setting;
    }

    public String form() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Ban> parse(String s) {
        for (Ban b : values()) {
            if (b.form().equals(s)) return Optional.of(b);
        }
        return Optional.empty();
    }

    /** The entry this ban adds for a comment with this e-mail and network; empty when the comment has none. */
    public String entry(String email, String ipNet) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return switch (this) {
            case EMAIL -> e.contains("@") ? e : "";
            case DOMAIN -> e.contains("@") ? e.substring(e.lastIndexOf('@') + 1) : "";
            case NETWORK -> ipNet == null ? "" : ipNet.strip();
        };
    }
}
