package it.testata.design;

import it.testata.media.Pixels;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The site's icons, drawn with Java2D from the logo: a small favicon (transparent where the logo is) and the
 * 180 px apple-touch icon (on white, with a margin, since phones show it on their home screen as a tile).
 */
public final class Icons {
    public static final int FAVICON = 48;
    public static final int TOUCH = 180;

    private Icons() {}

    /** Decodes the logo's bytes (the upload, already accepted by ImageService); null when unreadable. */
    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static byte[] favicon(BufferedImage logo) {
        return Pixels.png(square(logo, FAVICON, null, 0));
    }

    public static byte[] touchIcon(BufferedImage logo) {
        return Pixels.png(square(logo, TOUCH, Color.WHITE, TOUCH / 10));
    }

    /** The logo fitted, centred, in a square of this size, on a background (null: transparent). */
    static BufferedImage square(BufferedImage logo, int size, Color background, int margin) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, size, size);
            }
            int box = size - 2 * margin;
            double scale = Math.min((double) box / logo.getWidth(), (double) box / logo.getHeight());
            int w = Math.max(1, (int) Math.round(logo.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(logo.getHeight() * scale));
            // large reductions in halving steps, so thin strokes do not vanish
            BufferedImage src = logo;
            while (src.getWidth() / 2 >= w && src.getHeight() / 2 >= h) {
                BufferedImage half = new BufferedImage(src.getWidth() / 2, src.getHeight() / 2, BufferedImage.TYPE_INT_ARGB);
                Graphics2D hg = half.createGraphics();
                hg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                hg.drawImage(src, 0, 0, half.getWidth(), half.getHeight(), null);
                hg.dispose();
                src = half;
            }
            g.drawImage(src, (size - w) / 2, (size - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
