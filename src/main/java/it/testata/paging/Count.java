package it.testata.paging;

/** How many rows a list holds: exactly n, or (more) more than n, when counting them all would cost too much. */
public record Count(long n, boolean more) {
    public static Count exactly(long n) {
        return new Count(n, false);
    }

    /** From a count of at most cap + 1 rows. */
    public static Count capped(long counted, long cap) {
        return counted > cap ? new Count(cap, true) : new Count(counted, false);
    }
}
