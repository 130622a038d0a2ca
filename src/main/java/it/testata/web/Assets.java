package it.testata.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The static files (CSS, JavaScript, icons), read once from the classpath and served under names that carry
 * a hash of their content, so browsers may keep them for a year and still get a new version at once.
 */
public final class Assets {
    /** Every static file the site ships; a file not listed here is not served. */
    private static final List<String> FILES = List.of("css/site.css", "css/admin.css", "js/site.js", "js/moderation.js", "js/editor.js", "js/media-picker.js",
            "favicon.svg", "logo.png",
            "js/passkeys.js", // --- staff: passkeys ---
            "js/menus.js"); // --- menus ---

    public record Asset(String url, String contentType, byte[] body, byte[] gzip) {}

    private final Map<String, String> urlByName = new ConcurrentHashMap<>();
    private final Map<String, Asset> byUrl = new ConcurrentHashMap<>();

    public Assets() {
        for (String name : FILES) {
            byte[] body = read("static/" + name);
            String hash = HexFormat.of().formatHex(sha256(body), 0, 5);
            int dot = name.lastIndexOf('.');
            String url = "/static/" + name.substring(0, dot) + "." + hash + name.substring(dot);
            Asset asset = new Asset(url, contentType(name), body, Gzip.of(body));
            urlByName.put(name, url);
            byUrl.put(url, asset);
        }
    }

    /** The fingerprinted URL of a static file, for templates. */
    public String url(String name) {
        String url = urlByName.get(name);
        if (url == null) throw new IllegalArgumentException("unknown asset " + name);
        return url;
    }

    public Optional<Asset> byUrl(String url) {
        return Optional.ofNullable(byUrl.get(url));
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".png")) return "image/png";
        return "application/octet-stream";
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gzip in memory, once per body. */
    public static final class Gzip {
        private Gzip() {}

        public static byte[] of(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
