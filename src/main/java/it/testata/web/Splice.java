package it.testata.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A cached page with one hole that is filled anew for every response (the comment form's token), while both
 * the plain and the gzip body are still prepared once. The gzip body is kept as two raw deflate streams: the
 * part before the hole ends with a sync flush (byte-aligned, not final), the hole goes in as a stored block,
 * and the part after it is compressed on its own and ends the stream. Only the CRC-32 and the length trailer
 * are computed per response.
 */
public final class Splice {
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final byte[] before;
    private final byte[] after;
    private final byte[] beforeDeflated;
    private final byte[] afterDeflated;

    private Splice(byte[] before, byte[] after) {
        this.before = before;
        this.after = after;
        this.beforeDeflated = deflate(before, Deflater.SYNC_FLUSH);
        this.afterDeflated = deflate(after, Deflater.FULL_FLUSH);
    }

    /** Splits a body at the first occurrence of the marker; null when the marker is absent. */
    public static Splice at(byte[] body, String marker) {
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        int i = indexOf(body, m);
        if (i < 0) return null;
        return new Splice(Arrays.copyOfRange(body, 0, i), Arrays.copyOfRange(body, i + m.length, body.length));
    }

    /** The part before and after the hole, for an ETag that does not change with the hole's content. */
    public byte[] fixedParts() {
        byte[] all = Arrays.copyOf(before, before.length + after.length);
        System.arraycopy(after, 0, all, before.length, after.length);
        return all;
    }

    public byte[] plain(byte[] hole) {
        byte[] out = new byte[before.length + hole.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        System.arraycopy(hole, 0, out, before.length, hole.length);
        System.arraycopy(after, 0, out, before.length + hole.length, after.length);
        return out;
    }

    public byte[] gzip(byte[] hole) {
        if (hole.length > 65_535) throw new IllegalArgumentException("a hole is at most 64 KiB");
        CRC32 crc = new CRC32();
        crc.update(before);
        crc.update(hole);
        crc.update(after);
        int size = before.length + hole.length + after.length;
        byte[] out = new byte[GZIP_HEADER.length + beforeDeflated.length + 5 + hole.length + afterDeflated.length + 8];
        int at = put(out, 0, GZIP_HEADER);
        at = put(out, at, beforeDeflated);
        // a stored block: BFINAL=0, BTYPE=00, padded to the byte; LEN and its complement, little-endian
        out[at++] = 0;
        out[at++] = (byte) hole.length;
        out[at++] = (byte) (hole.length >>> 8);
        out[at++] = (byte) ~hole.length;
        out[at++] = (byte) (~hole.length >>> 8);
        at = put(out, at, hole);
        at = put(out, at, afterDeflated);
        at = putInt(out, at, (int) crc.getValue());
        putInt(out, at, size);
        return out;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    private static int putInt(byte[] out, int at, int v) {
        out[at] = (byte) v;
        out[at + 1] = (byte) (v >>> 8);
        out[at + 2] = (byte) (v >>> 16);
        out[at + 3] = (byte) (v >>> 24);
        return at + 4;
    }

    /** Raw deflate; SYNC_FLUSH leaves the stream open and byte-aligned, FULL_FLUSH here means "and finish". */
    private static byte[] deflate(byte[] data, int mode) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(data);
            if (mode == Deflater.FULL_FLUSH) d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
            byte[] buf = new byte[8192];
            if (mode == Deflater.SYNC_FLUSH) {
                int n;
                do {
                    n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                    out.write(buf, 0, n);
                } while (n == buf.length);
            } else {
                while (!d.finished()) {
                    int n = d.deflate(buf);
                    out.write(buf, 0, n);
                }
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static int indexOf(byte[] body, byte[] m) {
        outer:
        for (int i = 0; i <= body.length - m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (body[i + j] != m[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
