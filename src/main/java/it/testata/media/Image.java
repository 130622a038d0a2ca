package it.testata.media;

import java.time.Instant;

/**
 * An uploaded image as stored: its file name (content hash and extension), size in pixels and bytes, and what
 * the media library says about it (alt text for readers who do not see it, caption, credit; empty when unset).
 */
public record Image(long id, String name, int width, int height, long bytes, String sourceName, Instant createdAt,
                    String alt, String caption, String credit) {
    /** The address of the variant at this width (the image itself when it is narrower). */
    public String url(int width) {
        return ImageService.url(name, width);
    }

    public String url() {
        return ImageService.url(name, ImageService.WIDE);
    }

    public boolean hasAlt() {
        return alt != null && !alt.isBlank();
    }

    /** The Markdown that puts this image in an article's body. */
    public String markdown() {
        String text = alt == null ? "" : alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
                .replace("\n", " ");
        return "![" + text + "](" + url() + ")";
    }

    /** The part of the name every file of this image (original and variants) starts with. */
    public String hash() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
