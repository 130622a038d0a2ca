package it.testata.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What a member of staff may do. admin: everything, users and settings; editor: all articles and moderation;
 * author: writes and publishes their own articles; moderator: comments only.
 */
public enum Role {
    ADMIN, EDITOR, AUTHOR, MODERATOR;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String s) {
        if (s == null) return Optional.empty();
        for (Role r : values()) {
            if (r.db().equals(s.strip().toLowerCase(Locale.ROOT))) return Optional.of(r);
        }
        return Optional.empty();
    }

    /** May edit and publish every article, not only their own. */
    public boolean editsAll() {
        return this == ADMIN || this == EDITOR;
    }

    /** May write articles (their own at least). */
    public boolean writes() {
        return this != MODERATOR;
    }

    /** May moderate reader comments. */
    public boolean moderates() {
        return this != AUTHOR;
    }
}
