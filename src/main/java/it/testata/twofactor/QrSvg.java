package it.testata.twofactor;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG element (drawn by Nayuki's qrcodegen), to sit in a page as it is: one path of dark modules
 * on a light square, no style attribute and no script, so the strict Content-Security-Policy holds.
 */
public final class QrSvg {
    private QrSvg() {}

    /** The SVG markup for this text; the title names it for screen readers (escaped here). */
    public static String of(String text, String title) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-labelledby=\"qr-title\" viewBox=\"0 0 "
                + size + " " + size + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\"><title id=\"qr-title\">"
                + escape(title) + "</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path d=\"" + path
                + "\" fill=\"#000000\"/></svg>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
