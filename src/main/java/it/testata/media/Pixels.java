package it.testata.media;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Decoding, turning, resizing and encoding pixels. Images are written from their pixels alone, so nothing of
 * the upload's metadata (EXIF with GPS position, XMP, comments) survives; a JPEG's EXIF orientation is applied
 * to the pixels first, since the tag itself goes.
 */
public final class Pixels {
    /** Larger images are refused before decoding (a small file can declare enormous dimensions). */
    static final long MAX_PIXELS = 50_000_000L;
    private static final float JPEG_QUALITY = 0.85f;

    private Pixels() {}

    /** The decoded first frame in 8-bit RGB (ARGB when it has transparency), or null when it cannot be read. */
    static BufferedImage decode(byte[] bytes, ImageFormat format) throws TooLarge {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIo);
        if (!readers.hasNext()) return null;
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) throw new TooLarge();
            BufferedImage raw = reader.read(0);
            if (raw == null || raw.getWidth() < 1 || raw.getHeight() < 1) return null;
            BufferedImage plain = normalized(raw);
            return format == ImageFormat.JPEG ? oriented(plain, Orientation.of(bytes)) : plain;
        } catch (IOException | RuntimeException e) {
            return null; // truncated, corrupt, or a kind of the format no reader here handles
        } finally {
            reader.dispose();
        }
    }

    /** Thrown for an image with more pixels than {@link #MAX_PIXELS}. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** The same pixels as TYPE_INT_RGB, or TYPE_INT_ARGB when the source has an alpha channel. */
    static BufferedImage normalized(BufferedImage src) {
        boolean alpha = src.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (src.getType() == type) return src;
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** The image as a camera meant it to be seen, given its EXIF orientation (1 to 8). */
    static BufferedImage oriented(BufferedImage src, int orientation) {
        if (orientation < 2 || orientation > 8) return src;
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, src.getType());
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; }
                }
                out.setRGB(dx, dy, row[x]);
            }
        }
        return out;
    }

    /** The image scaled down to this width (never up), in steps of at most a half for a smooth result. */
    static BufferedImage narrowed(BufferedImage src, int width) {
        BufferedImage img = src;
        while (img.getWidth() > width) {
            int w = Math.max(width, img.getWidth() / 2);
            int h = Math.max(1, (int) Math.round((double) src.getHeight() * w / src.getWidth()));
            BufferedImage next = new BufferedImage(w, h, src.getType());
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(img, 0, 0, w, h, null);
            g.dispose();
            img = next;
        }
        return img;
    }

    /** A picture drawn here (an icon, a demo illustration) as PNG bytes. */
    public static byte[] png(BufferedImage img) {
        return encodeDrawn(img, ImageFormat.PNG);
    }

    /** A picture drawn here as JPEG bytes (quality 0.85). */
    public static byte[] jpeg(BufferedImage img) {
        return encodeDrawn(img, ImageFormat.JPEG);
    }

    private static byte[] encodeDrawn(BufferedImage img, ImageFormat format) {
        try {
            return encode(img, format);
        } catch (IOException e) { // in memory: only a missing writer, which every JDK has
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The pixels alone, as JPEG (quality 0.85) or PNG: no metadata from anywhere. */
    static byte[] encode(BufferedImage img, ImageFormat format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (format == ImageFormat.PNG) {
            if (!ImageIO.write(img, "png", bytes)) throw new IOException("no PNG writer");
            return bytes.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
