package it.testata.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Rendered public pages kept in memory by host and URL, each tagged with what it shows ("article:12",
 * "lists", "sidebar:articles" ...). A change names the tags it touched and only those pages drop; the tag
 * "settings" drops everything. A page whose publication time arrives empties the cache by itself.
 * Bodies are compressed once; the ETag answers revalidations with 304. Each page also keeps its header
 * fields ready-encoded ({@link Wire}) for the server's front handler, which answers hits without Javalin.
 *
 * <p>A change may write a tag as {@code ~tag} ({@link #SOON}): the pages it touches may go on being served for up
 * to the cache's lag, and all such pages drop together when it ends. A comment approved is written that way for
 * what it changes on other pages (the recent-comments widget that every page shows, the counts in lists), and
 * at once for its own article: a busy moderator then costs each server one burst of renders per lag instead of
 * one of every page per approval.
 */
public final class PageCache {
    public static final String ALL = "settings";
    static final String VARY = "Accept-Encoding";
    static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";

    /**
     * {@code etag} is bare hex; the header adds the quotes and a -gz suffix for the compressed body.
     * {@code wire} is what the front handler sends; a page whose bytes must not go out as stored (one with a
     * part made anew for every response, say) is built with a null wire, and Javalin's path serves it.
     */
    public record Page(String contentType, byte[] body, byte[] gzip, String etag, Set<String> tags, Wire wire,
                       Splice splice) {
        public Page(String contentType, byte[] body, byte[] gzip, String etag, Set<String> tags) {
            this(contentType, body, gzip, etag, tags, new Wire(contentType, body, gzip, etag), null);
        }

        /** About how many bytes of heap the page holds: what bounds the cache. */
        int weight() {
            long n = 512L + (body == null ? 0 : body.length) + (gzip == null ? 0 : gzip.length)
                    + (splice == null ? 0 : splice.bytes());
            return (int) Math.min(Integer.MAX_VALUE, n);
        }

        /** The plain or gzip body of one response: the prepared one, or with the hole filled for this response. */
        public byte[] bodyFor(boolean gzipped, Supplier<byte[]> hole) {
            if (splice == null) return gzipped ? gzip : body;
            byte[] filled = hole.get();
            return gzipped ? splice.gzip(filled) : splice.plain(filled);
        }
    }

    /**
     * Where a page has a part that must be new in every response (the comment form's token). The page is cached
     * with this marker; each response gets {@link #fill()} in its place (see {@link Splice}).
     */
    public static final String HOLE = "<!--testata:form-token-->";

    /**
     * A page's answer prepared once: the header fields as Jetty writes them, and the bodies as buffers
     * (read-only; each response writes its own slice). The values are exactly those {@link #send} produces
     * through Javalin (Content-Type as the servlet layer normalizes it, e.g. "text/html;charset=utf-8").
     */
    public static final class Wire {
        static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, PageCache.VARY);
        static final HttpField CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, PageCache.CACHE_CONTROL);
        static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

        final HttpField contentType;
        final HttpField etag;
        final HttpField etagGzip;
        final HttpField length;
        final HttpField lengthGzip;
        private final ByteBuffer body;
        private final ByteBuffer gzip;

        Wire(String contentType, byte[] body, byte[] gzip, String etag) {
            MimeTypes.Type known = MimeTypes.CACHE.get(contentType);
            this.contentType = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, known != null ? known.asString() : contentType);
            this.etag = new PreEncodedHttpField(HttpHeader.ETAG, "\"" + etag + "\"");
            this.etagGzip = new PreEncodedHttpField(HttpHeader.ETAG, "\"" + etag + "-gz\"");
            // a page with a hole has no fixed body: its length and bytes are made per response
            this.length = body == null ? null : new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, body.length);
            this.lengthGzip = gzip == null ? null : new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, gzip.length);
            this.body = body == null ? null : ByteBuffer.wrap(body).asReadOnlyBuffer();
            this.gzip = gzip == null ? null : ByteBuffer.wrap(gzip).asReadOnlyBuffer();
        }

        /** A fresh view of the body for one response (the writer moves its position). */
        ByteBuffer body(boolean gzipped) {
            return (gzipped ? gzip : body).slice();
        }
    }

    /** A tag's first character when the change allows its pages to drop up to the lag later. */
    public static final char SOON = '~';

    /**
     * What the pages may weigh together, in bytes (TESTATA_PAGE_CACHE_MB, 24 MB unless set: about 500 article
     * pages). A count would not do: a crawler walking a big site's articles would fill the heap with thousands of
     * 40 KB pages. When full, the pages least likely to be asked for again go first.
     */
    static final long MAX_BYTES = it.testata.Config.number(System.getenv(), "TESTATA_PAGE_CACHE_MB", 24, 1, 65_536, "megabytes")
            << 20;

    private final Cache<String, Page> pages;
    private final AtomicLong generation = new AtomicLong();
    /** The last drops, newest last, so that a page rendered across one that did not touch it is still kept. */
    private final ArrayDeque<Dropped> recent = new ArrayDeque<>();
    private static final int RECENT = 1024;

    private record Dropped(long generation, Set<String> tags) { }
    private final LongSupplier nextPublication;
    /** When the cache must next look again: the next publication or the end of the lag, whichever is first. */
    private volatile long expiresAt = -1;
    private long publicationAt = Long.MAX_VALUE;
    private long lagMillis;
    /** Tags written {@code ~tag} since the last drop for them, and when they must drop (guarded by this). */
    private final Set<String> soon = new HashSet<>();
    private long soonAt = Long.MAX_VALUE;

    private final Hole holeFiller;

    /** What goes into a page's {@link #HOLE} for one response, as UTF-8 bytes in an array of its own. */
    @FunctionalInterface
    public interface Hole {
        byte[] fill();
    }

    /** @param nextPublication epoch millis of the next scheduled publication, or Long.MAX_VALUE */
    public PageCache(LongSupplier nextPublication) {
        this(nextPublication, () -> new byte[0]);
    }

    /** @param holeFiller what goes into a page's {@link #HOLE} for each response */
    public PageCache(LongSupplier nextPublication, Supplier<String> holeFiller) {
        this(nextPublication, () -> holeFiller.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @param holeFiller what goes into a page's {@link #HOLE} for each response, already as bytes */
    public PageCache(LongSupplier nextPublication, Hole holeFiller) {
        this(nextPublication, holeFiller, MAX_BYTES);
    }

    PageCache(LongSupplier nextPublication, Hole holeFiller, long maxBytes) {
        this.nextPublication = nextPublication;
        this.holeFiller = holeFiller;
        this.pages = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((String key, Page p) -> p.weight())
                .executor(Runnable::run).build();
    }

    /** This response's content for a page's hole. */
    public byte[] fill() {
        return holeFiller.fill();
    }

    /**
     * How long the pages touched by a {@code ~tag} may still be served (0: drop them at once, as a plain tag).
     * Call before serving.
     */
    public PageCache lag(long millis) {
        this.lagMillis = Math.max(0, millis);
        return this;
    }

    public Page get(String key) {
        long now = System.currentTimeMillis();
        if (expiresAt < 0 || now >= expiresAt) catchUp(now);
        return pages.getIfPresent(key);
    }

    /** A publication time or the end of a lag has come: drops what it affects and learns when to look next. */
    private synchronized void catchUp(long now) {
        if (expiresAt >= 0 && now < expiresAt) return; // another request has just done it
        boolean published = now >= publicationAt;
        if (published) dropAll();
        if (now >= soonAt) {
            drop(Set.copyOf(soon));
            soon.clear();
            soonAt = Long.MAX_VALUE;
        }
        if (published || expiresAt < 0) publicationAt = nextPublication.getAsLong();
        expiresAt = Math.min(publicationAt, soonAt);
    }

    /**
     * The page under this key, without ever waiting: null when the cache must first ask when the next
     * publication is due (a database read), so that the caller can hand the request to {@link #get}.
     */
    public Page peek(String key) {
        long at = expiresAt;
        if (at < 0 || System.currentTimeMillis() >= at) return null;
        return pages.getIfPresent(key);
    }

    /**
     * The generation to pass back to {@link #put}: a page rendered before an invalidation that touched one of its
     * tags is not kept (one rendered across drops of other pages is: under a stream of changes, say a moderator
     * approving comments on other articles, a render slower than the time between two changes would otherwise
     * never be kept, and every reader would render again).
     */
    public long generation() {
        return generation.get();
    }

    public Page put(String key, long renderedAt, String contentType, byte[] body, Set<String> tags) {
        Splice splice = Splice.at(body, HOLE);
        // A page with a hole keeps an ETag of its fixed parts: a revalidating browser keeps its copy (and its
        // token, valid for a day), while a new response carries a fresh token.
        Page page = splice == null
                ? new Page(contentType, body, Assets.Gzip.of(body), etag(body), Set.copyOf(tags))
                : spliced(contentType, etag(splice.fixedParts()), Set.copyOf(tags), splice);
        synchronized (this) {
            if (untouchedSince(renderedAt, page.tags())) pages.put(key, page);
        }
        return page;
    }

    private static Page spliced(String contentType, String etag, Set<String> tags, Splice splice) {
        // the splice holds the bytes around the hole; the whole body is not kept beside them
        return new Page(contentType, null, null, etag, tags, new Wire(contentType, null, null, etag), splice);
    }

    /** Change-log listener: drops the pages tagged with what a change touched ({@code ~tag}s after the lag). */
    public synchronized void invalidate(Set<String> tags) {
        Set<String> now = new HashSet<>(tags.size());
        boolean later = false;
        for (String t : tags) {
            if (t.isEmpty() || t.charAt(0) != SOON) {
                now.add(t);
            } else if (lagMillis == 0) {
                now.add(t.substring(1));
            } else {
                later |= soon.add(t.substring(1));
            }
        }
        if (later && soonAt == Long.MAX_VALUE) {
            soonAt = System.currentTimeMillis() + lagMillis;
            expiresAt = Math.min(expiresAt, soonAt);
        }
        if (!now.isEmpty()) {
            drop(now);
            expiresAt = -1; // a change may have scheduled or unscheduled a publication: ask again
        }
    }

    /** True when no drop after generation {@code renderedAt} touched these tags (caller holds this). */
    private boolean untouchedSince(long renderedAt, Set<String> tags) {
        if (generation.get() == renderedAt) return true;
        if (recent.isEmpty() || recent.peekFirst().generation() > renderedAt + 1) return false; // history gone
        for (var it = recent.descendingIterator(); it.hasNext(); ) {
            Dropped d = it.next();
            if (d.generation() <= renderedAt) break;
            if (d.tags().contains(ALL) || !Collections.disjoint(d.tags(), tags)) return false;
        }
        return true;
    }

    private void remember(Set<String> tags) {
        recent.addLast(new Dropped(generation.incrementAndGet(), tags));
        if (recent.size() > RECENT) recent.removeFirst();
    }

    private void drop(Set<String> tags) {
        remember(Set.copyOf(tags));
        if (tags.contains(ALL)) {
            pages.invalidateAll();
        } else {
            pages.asMap().values().removeIf(p -> !Collections.disjoint(p.tags(), tags));
        }
    }

    public synchronized void dropAll() {
        remember(Set.of(ALL));
        pages.invalidateAll();
    }

    public long size() {
        return pages.estimatedSize();
    }

    /** What the kept pages weigh together, in bytes (see {@link #MAX_BYTES}). */
    public long bytes() {
        pages.cleanUp();
        return pages.policy().eviction().flatMap(e -> {
            java.util.OptionalLong w = e.weightedSize();
            return w.isPresent() ? java.util.Optional.of(w.getAsLong()) : java.util.Optional.empty();
        }).orElse(0L);
    }

    /** Writes a page, or a 304 when the client already holds this version. */
    public void send(Context ctx, int status, Page page) {
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("ETag", "\"" + page.etag() + (gzip ? "-gz\"" : "\""));
        ctx.header("Vary", VARY);
        ctx.header("Cache-Control", CACHE_CONTROL);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (status == 200 && ifNoneMatch != null && matches(ifNoneMatch, page.etag())) {
            ctx.status(304);
            return;
        }
        ctx.status(status);
        ctx.contentType(page.contentType());
        if (gzip) ctx.header("Content-Encoding", "gzip");
        ctx.result(page.bodyFor(gzip, this::fill));
    }

    static boolean matches(String ifNoneMatch, String bare) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) c = c.substring(2);
            c = c.replace("\"", "");
            if (c.equals(bare) || c.equals(bare + "-gz") || c.equals("*")) return true;
        }
        return false;
    }

    /**
     * True when an Accept-Encoding value admits gzip: some comma-separated part starts with "gzip" (any case)
     * and, spaces removed, does not end in "q=0". Scans in place, since it runs on every cached answer.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        int n = acceptEncoding.length();
        int start = 0;
        while (start <= n) {
            int end = acceptEncoding.indexOf(',', start);
            if (end < 0) end = n;
            if (partAcceptsGzip(acceptEncoding, start, end)) return true;
            start = end + 1;
        }
        return false;
    }

    private static boolean partAcceptsGzip(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') from++;   // String.trim()
        while (to > from && s.charAt(to - 1) <= ' ') to--;
        if (to - from < 4 || !s.regionMatches(true, from, "gzip", 0, 4)) return false;
        // ends in "q=0" once the spaces are gone: read backwards skipping spaces
        int i = to - 1;
        for (int k = 0; k < 3; k++) {
            while (i >= from && s.charAt(i) == ' ') i--;
            if (i < from || Character.toLowerCase(s.charAt(i)) != "0=q".charAt(k)) return true;
            i--;
        }
        return false;
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
