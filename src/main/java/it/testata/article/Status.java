package it.testata.article;

import java.util.Locale;

public enum Status {
    DRAFT, SCHEDULED, PUBLISHED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
