package it.testata.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Rendered public pages kept in memory by host and URL, each tagged with what it shows ("article:12",
 * "lists", "sidebar:articles" ...). A change names the tags it touched and only those pages drop; the tag
 * "settings" drops everything. A page whose publication time arrives empties the cache by itself.
 * Bodies are compressed once; the ETag answers revalidations with 304.
 */
public final class PageCache {
    public static final String ALL = "settings";

    /** {@code etag} is bare hex; the header adds the quotes and a -gz suffix for the compressed body. */
    public record Page(String contentType, byte[] body, byte[] gzip, String etag, Set<String> tags) {}

    private final Cache<String, Page> pages = Caffeine.newBuilder().maximumSize(5_000).build();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nextPublication;
    private volatile long expiresAt = -1;

    /** @param nextPublication epoch millis of the next scheduled publication, or Long.MAX_VALUE */
    public PageCache(LongSupplier nextPublication) {
        this.nextPublication = nextPublication;
    }

    public Page get(String key) {
        long now = System.currentTimeMillis();
        if (expiresAt < 0 || now >= expiresAt) {
            if (expiresAt >= 0) dropAll();
            expiresAt = nextPublication.getAsLong();
        }
        return pages.getIfPresent(key);
    }

    /** The generation to pass back to {@link #put}: a page rendered before an invalidation is not kept. */
    public long generation() {
        return generation.get();
    }

    public Page put(String key, long renderedAt, String contentType, byte[] body, Set<String> tags) {
        Page page = new Page(contentType, body, Assets.Gzip.of(body), etag(body), Set.copyOf(tags));
        synchronized (this) {
            if (generation.get() == renderedAt) pages.put(key, page);
        }
        return page;
    }

    public synchronized void invalidate(Set<String> tags) {
        generation.incrementAndGet();
        if (tags.contains(ALL)) {
            pages.invalidateAll();
        } else {
            pages.asMap().values().removeIf(p -> !Collections.disjoint(p.tags(), tags));
        }
        expiresAt = -1;
    }

    public synchronized void dropAll() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    public long size() {
        return pages.estimatedSize();
    }

    /** Writes a page, or a 304 when the client already holds this version. */
    public static void send(Context ctx, int status, Page page) {
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("ETag", "\"" + page.etag() + (gzip ? "-gz\"" : "\""));
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("Cache-Control", "public, max-age=0, must-revalidate");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (status == 200 && ifNoneMatch != null && matches(ifNoneMatch, page.etag())) {
            ctx.status(304);
            return;
        }
        ctx.status(status);
        ctx.contentType(page.contentType());
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(page.gzip());
        } else {
            ctx.result(page.body());
        }
    }

    private static boolean matches(String ifNoneMatch, String bare) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) c = c.substring(2);
            c = c.replace("\"", "");
            if (c.equals(bare) || c.equals(bare + "-gz") || c.equals("*")) return true;
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String p = part.trim().toLowerCase();
            if (p.startsWith("gzip") && !p.replace(" ", "").endsWith("q=0")) return true;
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
