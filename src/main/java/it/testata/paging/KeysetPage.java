package it.testata.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list ordered newest first, with the places of its neighbours: {@code newer} for the link to
 * the newer page (null on the first page), {@code older} for the link to the older page (null on the last).
 */
public record KeysetPage<T>(List<T> items, Keyset newer, Keyset older) {

    /** Reads up to n rows after the cursor (null: from the newest) in one direction, in that direction's order. */
    @FunctionalInterface
    public interface Rows<T> {
        List<T> read(Keyset cursor, boolean older, int n);
    }

    /**
     * The page after {@code before} (older rows), or before {@code after} (newer rows), or the first page when
     * neither is given. Each direction reads one row more than a page to know whether there is a page beyond;
     * a newer page that would not be full is the first page, read from the top.
     */
    public static <T> KeysetPage<T> read(Keyset before, Keyset after, int size, Rows<T> rows, Function<T, Keyset> key) {
        if (after != null && before == null) {
            List<T> got = rows.read(after, false, size + 1);
            if (got.size() > size) {
                List<T> items = new ArrayList<>(got.subList(0, size));
                Collections.reverse(items);
                return new KeysetPage<>(List.copyOf(items), key.apply(items.getFirst()), key.apply(items.getLast()));
            }
        }
        List<T> got = rows.read(before, true, size + 1);
        List<T> items = List.copyOf(got.subList(0, Math.min(size, got.size())));
        Keyset newer = before == null ? null : items.isEmpty() ? before : key.apply(items.getFirst());
        Keyset older = got.size() > size ? key.apply(items.getLast()) : null;
        return new KeysetPage<>(items, newer, older);
    }
}
