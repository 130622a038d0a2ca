package it.testata.paging;

import java.util.Optional;

/**
 * A place in a staff list ordered newest first by (key, id), key being a time in epoch milliseconds: the list's
 * links carry it ("before=KEY-ID" for the older page, "after=KEY-ID" for the newer one) instead of a page number,
 * so that a page reads only its own rows, however deep in the list it is, and stays put while rows come and go.
 */
public record Keyset(long key, long id) {
    /** The form a link carries. */
    public String param() {
        return key + "-" + id;
    }

    /** The place named by a link's parameter; empty for none or for anything that is not one. */
    public static Optional<Keyset> parse(String s) {
        if (s == null) return Optional.empty();
        int dash = s.strip().lastIndexOf('-');
        if (dash <= 0) return Optional.empty();
        try {
            long id = Long.parseLong(s.strip().substring(dash + 1));
            return id < 0 ? Optional.empty() : Optional.of(new Keyset(Long.parseLong(s.strip().substring(0, dash)), id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The SQL condition for the rows after this place (older: smaller keys, newer: larger), binding :ksKey and
     * :ksId, as a range on the key narrowed by the id at the boundary: both databases walk an index on
     * (key, id) from this place with it. (A row value {@code (key, id) < (:k, :id)} is a range for PostgreSQL
     * but not for SQLite; "key < :k OR (key = :k AND id < :id)" is one for SQLite but not for PostgreSQL.)
     */
    public static String condition(String keyExpr, String idExpr, boolean older) {
        String cmp = older ? "<" : ">";
        return "(" + keyExpr + " " + cmp + "= :ksKey AND (" + keyExpr + " " + cmp + " :ksKey OR " + idExpr + " " + cmp + " :ksId))";
    }

    /** The order of a page in that direction: newest first for older pages, oldest first for newer ones. */
    public static String order(String keyExpr, String idExpr, boolean older) {
        String dir = older ? " DESC" : " ASC";
        return " ORDER BY " + keyExpr + dir + ", " + idExpr + dir;
    }
}
