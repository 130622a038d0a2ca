package it.testata.comment;

import java.util.Locale;

public enum CommentStatus {
    APPROVED, PENDING, SPAM, TRASH;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommentStatus parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
