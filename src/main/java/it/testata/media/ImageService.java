package it.testata.media;

import it.testata.db.ChangeLog;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Uploaded images: JPEG, PNG, WebP or GIF up to {@value #MAX_BYTES} bytes, the type told from the content.
 * Each is decoded and written again from its pixels (no metadata survives: no GPS position), under a name made
 * from the upload's SHA-256, with variants {@link #WIDTHS} pixels wide (never enlarged), all kept in the database
 * (table image_files) so that every server serves every image; {@code DATA/media/} is this server's cache of
 * them, filled on first request. JPEG stays JPEG; PNG, GIF (its first frame) and WebP with transparency become PNG; opaque
 * WebP becomes JPEG (there is no WebP encoder here). Names never change with content, so the files are served
 * as immutable.
 */
public final class ImageService {
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** The article page's width. */
    public static final int WIDE = 1200;
    /** Feeds, lists and social cards. */
    public static final int NARROW = 600;
    public static final List<Integer> WIDTHS = List.of(WIDE, NARROW);
    private static final Pattern FILE = Pattern.compile("([0-9a-f]{24})(?:-(\\d{2,4}))?\\.(jpg|png)");

    private final ImageStore store;
    private final ChangeLog changes;
    private final Path dir;

    public ImageService(ImageStore store, ChangeLog changes, Path dir) {
        this.store = store;
        this.changes = changes;
        this.dir = dir;
    }

    /** An upload that is not an image we take; the key names the message that says why. */
    public static final class Refused extends RuntimeException {
        private final String key;

        public Refused(String key) {
            super(key, null, false, false);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Checks, cleans and stores an upload; the same content uploaded twice is the same image. */
    public Image upload(byte[] bytes, String sourceName, Long uploadedBy) {
        if (bytes == null || bytes.length == 0) throw new Refused("media.error.empty");
        if (bytes.length > MAX_BYTES) throw new Refused("media.error.tooBig");
        ImageFormat source = ImageFormat.sniff(bytes).orElseThrow(() -> new Refused("media.error.type"));
        BufferedImage img;
        try {
            img = Pixels.decode(bytes, source);
        } catch (Pixels.TooLarge e) {
            throw new Refused("media.error.pixels");
        }
        if (img == null) throw new Refused("media.error.unreadable");
        ImageFormat stored = ImageFormat.storedAs(source, img.getColorModel().hasAlpha());
        String name = sha256(bytes).substring(0, 24) + "." + stored.extension;
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            byte[] clean = Pixels.encode(img, stored);
            files.put(name, clean);
            for (int width : WIDTHS) files.put(url(name, width).substring("/media/".length()),
                    Pixels.encode(Pixels.narrowed(img, width), stored));
            String label = sourceName == null ? "" : sourceName.strip();
            changes.write((h, touched) -> {
                files.forEach((file, content) -> ImageStore.putFile(h, file, stored.mediaType, content));
                ImageStore.insert(h, name, img.getWidth(), img.getHeight(), clean.length,
                        label.length() > 200 ? label.substring(0, 200) : label, uploadedBy, Instant.now());
                return null;
            });
            for (Map.Entry<String, byte[]> f : files.entrySet()) cache(f.getKey(), f.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the image " + name, e);
        }
        return store.byName(name).orElseThrow();
    }

    public Optional<Image> image(String name) {
        return name == null ? Optional.empty() : store.byName(name);
    }

    /** The newest images, for the editor to choose from. */
    public List<Image> recent(int limit) {
        return store.recent(limit);
    }

    /** The stored file for a public address's last part (an image or a variant), if there is one. */
    public Optional<Stored> file(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        if (m.group(2) != null && !WIDTHS.contains(Integer.parseInt(m.group(2)))) return Optional.empty();
        String type = ImageFormat.byExtension(m.group(3)).orElseThrow().mediaType;
        Path p = dir.resolve(fileName);
        if (Files.isRegularFile(p)) return Optional.of(new Stored(p, type));
        Optional<byte[]> content = store.file(fileName);
        if (content.isEmpty()) return Optional.empty();
        try {
            cache(fileName, content.get());
        } catch (IOException e) {
            throw new UncheckedIOException("could not cache the image " + fileName, e);
        }
        return Optional.of(new Stored(p, type));
    }

    /**
     * Moves image files that older versions kept only in {@code DATA/media/} into the database (those with no
     * stored bytes yet), so that they keep working and every server can serve them. Returns how
     * many files were stored; running it again stores nothing more.
     */
    public int importDiskFiles() {
        if (!Files.isDirectory(dir)) return 0;
        List<Path> candidates;
        try (Stream<Path> list = Files.list(dir)) {
            candidates = list.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dir, e);
        }
        int stored = 0;
        for (Path p : candidates) {
            String file = p.getFileName().toString();
            Matcher m = FILE.matcher(file);
            if (!m.matches() || store.hasFile(file)) continue;
            String type = ImageFormat.byExtension(m.group(3)).orElseThrow().mediaType;
            try {
                byte[] content = Files.readAllBytes(p);
                changes.write((h, touched) -> {
                    ImageStore.putFile(h, file, type, content);
                    return null;
                });
                stored++;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + p, e);
            }
        }
        return stored;
    }

    /** A file to send and its media type. */
    public record Stored(Path path, String mediaType) {}

    /** The public address of an image (by its stored name) at one of {@link #WIDTHS}, or the full image for 0. */
    public static String url(String name, int width) {
        int dot = name.lastIndexOf('.');
        if (width <= 0 || dot < 0) return "/media/" + name;
        return "/media/" + name.substring(0, dot) + "-" + width + name.substring(dot);
    }

    /** True for a name this service could have given. */
    public static boolean validName(String name) {
        return name != null && FILE.matcher(name).matches() && !name.contains("-");
    }

    /** Puts a file in this server's cache, by temp file and atomic move (readers never see half a file). */
    private void cache(String fileName, byte[] content) throws IOException {
        Path target = dir.resolve(fileName);
        if (Files.isRegularFile(target) && Files.size(target) == content.length) return;
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".cache-", ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Drops an image's files from this server's cache (after it was deleted). */
    void uncache(Image img) {
        for (String file : files(img.name())) {
            try {
                Files.deleteIfExists(dir.resolve(file));
            } catch (IOException e) {
                // a file another process holds open goes at the next start at the latest: its name is never reused
            }
        }
    }

    /** The file names of an image: the original and its variants. */
    static List<String> files(String name) {
        List<String> out = new java.util.ArrayList<>();
        out.add(name);
        for (int w : WIDTHS) out.add(url(name, w).substring("/media/".length()));
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
