package it.testata.page;

import it.testata.db.ChangeLog;

import java.util.Map;

/**
 * The rules of parent pages: which parent a page may have (a page, not itself nor one of its descendants, within
 * {@link PageTree#MAX_DEPTH} levels), and a move that keeps the old addresses working.
 */
public final class PageService {
    private final PageStore store;
    private final ChangeLog changes;

    public PageService(PageStore store, ChangeLog changes) {
        this.store = store;
        this.changes = changes;
    }

    /** A parent that a page may not have; the message key says why. */
    public static final class Refused extends RuntimeException {
        public Refused(String key) {
            super(key, null, false, false);
        }
    }

    public PageTree tree() {
        return store.tree();
    }

    /**
     * The parent chosen in a form for a page (0 for a page not saved yet): null for none ("" or "0"), else the
     * parent's id; Refused with "pages.error.parent" when it may not be its parent.
     */
    public Long parent(long pageId, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty() || t.equals("0")) return null;
        long parentId;
        try {
            parentId = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new Refused("pages.error.parent");
        }
        if (!store.tree().allowedParent(pageId, parentId)) throw new Refused("pages.error.parent");
        return parentId;
    }

    /**
     * Puts a saved page under its parent (null: the top level) and records the old address of every page that
     * moved since {@code before} (the addresses before the save, from {@link PageTree#paths()}), so they redirect.
     */
    public void place(long pageId, Long parentId, Map<Long, String> before) {
        changes.write((h, touched) -> {
            if (parentId != null && !PageStore.tree(h).allowedParent(pageId, parentId)) throw new Refused("pages.error.parent");
            PageStore.setParent(h, pageId, parentId);
            PageStore.recordMoves(h, touched, before);
            return null;
        });
    }
}
