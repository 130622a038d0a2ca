package it.testata.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * A cached page with one hole that is filled anew for every response (the comment form's token), while both
 * the plain and the gzip body are still prepared once. The gzip body is kept as two raw deflate streams: the
 * part before the hole ends with a sync flush (byte-aligned, not final), the hole goes in as a stored block,
 * and the part after it is compressed on its own and ends the stream. Per response only the hole's bytes go
 * through the CRC-32: the checksum of the part before is continued over the hole, then shifted past the part
 * after and combined with that part's own checksum (CRC-32 is linear: crc(A B) = crc(A)·x^(8|B|) + crc(B) over
 * GF(2)). {@link #writeGzip} and {@link #writePlain} fill a buffer the caller supplies (the server's pooled
 * one), so an answer allocates no copy of the page.
 */
public final class Splice {
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** A stored block's header (BFINAL=0, BTYPE=00, padded to the byte), then LEN and NLEN, little-endian. */
    private static final int STORED_HEADER = 5;
    private static final int TRAILER = 8;

    private final byte[] before;
    private final byte[] after;
    private final byte[] beforeDeflated;
    private final byte[] afterDeflated;
    private final int crcBefore;
    private final int crcAfter;
    /** x^(8 * after.length) mod the CRC polynomial: multiplying by it moves a checksum past the part after. */
    private final int pastAfter;

    private Splice(byte[] before, byte[] after) {
        this.before = before;
        this.after = after;
        this.beforeDeflated = deflate(before, Deflater.SYNC_FLUSH);
        this.afterDeflated = deflate(after, Deflater.FULL_FLUSH);
        this.crcBefore = Crc.of(before);
        this.crcAfter = Crc.of(after);
        this.pastAfter = Crc.shiftBytes(after.length);
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

    /** The bytes it keeps (both parts, plain and compressed). */
    public long bytes() {
        return (long) before.length + after.length + beforeDeflated.length + afterDeflated.length;
    }

    public int plainLength(int holeLength) {
        return before.length + holeLength + after.length;
    }

    public int gzipLength(int holeLength) {
        return GZIP_HEADER.length + beforeDeflated.length + STORED_HEADER + holeLength + afterDeflated.length + TRAILER;
    }

    public byte[] plain(byte[] hole) {
        byte[] out = new byte[plainLength(hole.length)];
        writePlain(ByteBuffer.wrap(out), hole);
        return out;
    }

    public byte[] gzip(byte[] hole) {
        byte[] out = new byte[gzipLength(hole.length)];
        writeGzip(ByteBuffer.wrap(out), hole);
        return out;
    }

    /** Puts the plain body with this hole at the buffer's position ({@link #plainLength} bytes). */
    public void writePlain(ByteBuffer out, byte[] hole) {
        out.put(before).put(hole).put(after);
    }

    /** Puts the gzip body with this hole at the buffer's position ({@link #gzipLength} bytes). */
    public void writeGzip(ByteBuffer out, byte[] hole) {
        if (hole.length > 65_535) throw new IllegalArgumentException("a hole is at most 64 KiB");
        int crc = Crc.combine(Crc.update(crcBefore, hole), pastAfter, crcAfter);
        out.order(ByteOrder.LITTLE_ENDIAN);
        out.put(GZIP_HEADER).put(beforeDeflated);
        out.put((byte) 0).putShort((short) hole.length).putShort((short) ~hole.length);
        out.put(hole).put(afterDeflated);
        out.putInt(crc).putInt(plainLength(hole.length));
        out.order(ByteOrder.BIG_ENDIAN);
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
