package it.testata.media;

/** Reads the EXIF orientation (tag 0x0112 of the first IFD) from a JPEG's APP1 segment; 1 when there is none. */
final class Orientation {
    private Orientation() {}

    static int of(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) break; // image data: no more metadata segments
            int length = u16(jpeg, i + 2, false);
            if (length < 2) break;
            int body = i + 4;
            if (marker == 0xE1 && body + 14 <= jpeg.length && text(jpeg, body, "Exif\0\0")) {
                return fromTiff(jpeg, body + 6, Math.min(jpeg.length, i + 2 + length));
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) return 1;
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) return 1;
        int at = (int) (tiff + ifd);
        int entries = u16(b, at, little);
        for (int n = 0; n < entries; n++) {
            int e = at + 2 + n * 12;
            if (e + 12 > end) return 1;
            if (u16(b, e, little) == 0x0112) {
                int v = u16(b, e + 8, little);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    private static boolean text(byte[] b, int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) return false;
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? y << 8 | x : x << 8 | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, at + (little ? 2 : 0), little);
        long lo = u16(b, at + (little ? 0 : 2), little);
        return hi << 16 | lo;
    }
}
