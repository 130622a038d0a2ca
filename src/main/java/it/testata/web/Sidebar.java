package it.testata.web;

import it.testata.article.Article;
import it.testata.comment.RecentComment;
import it.testata.menu.Menu;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The sidebar every public page shows (recent articles, recent comments) and the site's two menus (whose
 * defaults count the public articles of each category: a big site's most expensive read per page), read from the
 * database once and kept until a change touches them: a tag {@code sidebar:*}, {@code article:*}, {@code lists},
 * {@code menus} or {@code settings} from
 * the change log (on every server within a poll), or the next scheduled publication time passing. A page render
 * therefore costs no query for it. A change that arrives while the lists are being read leaves them unkept.
 */
public final class Sidebar {
    /** What the sidebar shows, and the menus (null when not loaded with it). */
    public record Lists(List<Article> articles, List<RecentComment> comments, Menu primary, Menu footer) {
        public Lists(List<Article> articles, List<RecentComment> comments) {
            this(articles, comments, null, null);
        }
    }

    /** Reads the lists from the database for the given zone (paths carry the local date). */
    @FunctionalInterface
    public interface Loader {
        Lists load(ZoneId zone);
    }

    private record Kept(ZoneId zone, Lists lists, long expiresAt) { }

    private final Loader loader;
    private final LongSupplier nextPublication;
    private final LongSupplier clock;
    private volatile Kept kept;
    private final Object loading = new Object();
    private long generation;

    public Sidebar(Loader loader, LongSupplier nextPublication) {
        this(loader, nextPublication, System::currentTimeMillis);
    }

    Sidebar(Loader loader, LongSupplier nextPublication, LongSupplier clock) {
        this.loader = loader;
        this.nextPublication = nextPublication;
        this.clock = clock;
    }

    /** The lists for this zone: the kept ones when still valid, else read now (and kept unless a change raced). */
    public Lists lists(ZoneId zone) {
        Lists valid = valid(zone);
        if (valid != null) return valid;
        // One read at a time: after a change every page being rendered needs the lists at once, and one read
        // serves them all (those that waited find the lists kept), instead of each render reading them again.
        synchronized (loading) {
            valid = valid(zone);
            if (valid != null) return valid;
            long gen;
            synchronized (this) {
                gen = generation;
            }
            long expires = nextPublication.getAsLong();
            Lists fresh = loader.load(zone);
            synchronized (this) {
                if (gen == generation) kept = new Kept(zone, fresh, expires);
            }
            return fresh;
        }
    }

    private Lists valid(ZoneId zone) {
        Kept k = kept;
        return k != null && k.zone().equals(zone) && clock.getAsLong() < k.expiresAt() ? k.lists() : null;
    }

    /** Change log listener: forgets the lists when a change may alter them. */
    public void onChange(Set<String> tags) {
        for (String tag : tags) {
            // a tag the pages may apply later (~tag) is forgotten here at once: the next render shows it
            String t = !tag.isEmpty() && tag.charAt(0) == PageCache.SOON ? tag.substring(1) : tag;
            if (t.startsWith("sidebar:") || t.startsWith("article:") || t.equals("lists") || t.equals(PageCache.ALL)
                    || t.equals(it.testata.menu.MenuService.TAG)) {
                synchronized (this) {
                    generation++;
                    kept = null;
                }
                return;
            }
        }
    }
}
