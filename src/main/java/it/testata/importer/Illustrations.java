package it.testata.importer;

import it.testata.media.Pixels;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * The demo publication's pictures, drawn here with Java2D (nothing is downloaded): valley landscapes (sky, hills,
 * the river, a village) that differ by a seed, and the masthead's logo.
 */
public final class Illustrations {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;

    private static final Color[][] SKIES = {
            {new Color(0x8ec5e8), new Color(0xf4e3c1)}, {new Color(0x2b3a67), new Color(0xe8a87c)},
            {new Color(0xb7d3df), new Color(0xeef2f3)}, {new Color(0x5d7aa6), new Color(0xf6d6a8)},
            {new Color(0x9aa5b1), new Color(0xdfe3e6)}};
    private static final Color[][] HILLS = {
            {new Color(0x7a9a65), new Color(0x55784a), new Color(0x35553a)},
            {new Color(0xa58a5c), new Color(0x7b6844), new Color(0x4d4230)},
            {new Color(0x86a4a0), new Color(0x5f807c), new Color(0x3b5654)},
            {new Color(0x9c7a8c), new Color(0x6f5566), new Color(0x463644)}};

    private Illustrations() {}

    /** A landscape for this seed, as JPEG bytes. */
    public static byte[] landscape(long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color[] sky = SKIES[r.nextInt(SKIES.length)];
            g.setPaint(new GradientPaint(0, 0, sky[0], 0, HEIGHT * 0.7f, sky[1]));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            // the sun, or the moon on dark skies
            g.setColor(sky[0].getBlue() < 0x80 ? new Color(0xf3f0e0) : new Color(0xffd873));
            int sx = 150 + r.nextInt(900), sy = 80 + r.nextInt(120), sr = 45 + r.nextInt(30);
            g.fillOval(sx - sr, sy - sr, 2 * sr, 2 * sr);
            Color[] hills = HILLS[r.nextInt(HILLS.length)];
            for (int layer = 0; layer < 3; layer++) {
                g.setColor(hills[layer]);
                g.fill(ridge(r, 300 + layer * 90, 70 - layer * 15));
            }
            river(g, r);
            village(g, r, 420 + r.nextInt(60));
        } finally {
            g.dispose();
        }
        return Pixels.jpeg(img);
    }

    /** The masthead logo: a woven monogram and the name, on a transparent ground, as PNG. */
    public static byte[] logo(String name, Color accent) {
        int h = 180, w = 1080;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(accent);
            g.fillRoundRect(10, 10, 160, 160, 28, 28);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < 3; i++) { // the weave: three threads each way
                int p = 48 + i * 42;
                g.drawLine(p, 36, p, 144);
                g.drawLine(36, p, 144, p);
            }
            g.setColor(new Color(0x1d1d1b));
            g.setFont(new Font(Font.SERIF, Font.BOLD, 110));
            g.drawString(name, 200, 128);
        } finally {
            g.dispose();
        }
        return Pixels.png(trim(img));
    }

    private static GeneralPath ridge(Random r, int base, int amplitude) {
        GeneralPath p = new GeneralPath();
        double phase = r.nextDouble() * Math.PI * 2, f1 = 0.004 + r.nextDouble() * 0.004, f2 = 0.011 + r.nextDouble() * 0.01;
        p.moveTo(0, HEIGHT);
        for (int x = 0; x <= WIDTH; x += 10) {
            double y = base - amplitude * Math.sin(x * f1 + phase) - amplitude * 0.35 * Math.sin(x * f2 + phase * 2);
            p.lineTo(x, y);
        }
        p.lineTo(WIDTH, HEIGHT);
        p.closePath();
        return p;
    }

    private static void river(Graphics2D g, Random r) {
        GeneralPath p = new GeneralPath();
        int start = 500 + r.nextInt(200);
        p.moveTo(start, 470);
        p.curveTo(start - 120, 540, start + 200, 580, 300 + r.nextInt(300), HEIGHT);
        p.lineTo(480 + r.nextInt(300), HEIGHT);
        p.curveTo(start + 320, 590, start + 40, 540, start + 24, 470);
        p.closePath();
        g.setColor(new Color(0x6fa3c7));
        g.fill(p);
    }

    private static void village(Graphics2D g, Random r, int ground) {
        int x = 80 + r.nextInt(700);
        Color[] walls = {new Color(0xe9dcc3), new Color(0xd9b48f), new Color(0xf1e6d0), new Color(0xc99c77)};
        for (int i = 0; i < 5 + r.nextInt(4); i++) {
            int w = 40 + r.nextInt(30), h = 35 + r.nextInt(40);
            g.setColor(walls[r.nextInt(walls.length)]);
            g.fillRect(x, ground - h, w, h);
            g.setColor(new Color(0x9c4a32));
            g.fillPolygon(new int[]{x - 6, x + w / 2, x + w + 6}, new int[]{ground - h, ground - h - 24, ground - h}, 3);
            g.setColor(new Color(0x4a4036));
            g.fillRect(x + w / 2 - 6, ground - 18, 12, 18);
            x += w + 6 + r.nextInt(14);
        }
        // the bell tower every valley village has
        g.setColor(new Color(0xd8c7a8));
        g.fillRect(x + 10, ground - 150, 34, 150);
        g.setColor(new Color(0x7d3b28));
        g.fillPolygon(new int[]{x + 4, x + 27, x + 50}, new int[]{ground - 150, ground - 196, ground - 150}, 3);
    }

    private static BufferedImage trim(BufferedImage img) {
        int maxX = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) >>> 24) != 0) {
                    maxX = x;
                    break;
                }
            }
        }
        return img.getSubimage(0, 0, Math.min(img.getWidth(), maxX + 12), img.getHeight());
    }
}
