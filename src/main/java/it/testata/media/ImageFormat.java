package it.testata.media;

import java.util.Optional;

/**
 * The image types an upload may be, told from the first bytes of the content (never from the file name or the
 * declared Content-Type), and the type each is stored as once its pixels are re-encoded.
 */
public enum ImageFormat {
    JPEG("jpeg", "jpg", "image/jpeg"),
    PNG("png", "png", "image/png"),
    GIF("gif", "gif", "image/gif"),
    WEBP("webp", "webp", "image/webp");

    /** The ImageIO format name, the file extension and the media type. */
    public final String imageIo;
    public final String extension;
    public final String mediaType;

    ImageFormat(String imageIo, String extension, String mediaType) {
        this.imageIo = imageIo;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The type these bytes begin with, if it is one of ours. */
    public static Optional<ImageFormat> sniff(byte[] b) {
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
        if (starts(b, 0, 'G', 'I', 'F', '8') && b.length > 5 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return Optional.of(GIF);
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) return Optional.of(WEBP);
        return Optional.empty();
    }

    /** Stored images are JPEG (photographs without transparency) or PNG (everything else). */
    public static ImageFormat storedAs(ImageFormat source, boolean alpha) {
        if (source == JPEG) return JPEG;
        if (source == WEBP && !alpha) return JPEG;
        return PNG;
    }

    public static Optional<ImageFormat> byExtension(String ext) {
        for (ImageFormat f : values()) {
            if (f.extension.equals(ext)) return Optional.of(f);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }
}
