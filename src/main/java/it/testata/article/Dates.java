package it.testata.article;

import java.time.Instant;

/**
 * The publication times an article may have: years 1900 to 9999, so that its address (/yyyy/mm/dd/slug/) has four
 * digits in every time zone and the time fits the database's epoch milliseconds.
 */
public final class Dates {
    /** The first and last instants whose date is within 1900-9999 wherever the site is (offsets up to 14 hours). */
    static final Instant FIRST = Instant.parse("1900-01-01T14:00:00Z");
    static final Instant LAST = Instant.parse("9999-12-31T09:59:59Z");

    private Dates() {}

    public static boolean inRange(Instant t) {
        return !t.isBefore(FIRST) && !t.isAfter(LAST);
    }
}
