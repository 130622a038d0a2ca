package it.testata.media;

import java.time.Instant;

/** An uploaded image as stored: its file name (content hash and extension), size in pixels and bytes. */
public record Image(long id, String name, int width, int height, long bytes, String sourceName, Instant createdAt) {
    /** The address of the variant at this width (the image itself when it is narrower). */
    public String url(int width) {
        return ImageService.url(name, width);
    }

    public String url() {
        return ImageService.url(name, ImageService.WIDE);
    }
}
