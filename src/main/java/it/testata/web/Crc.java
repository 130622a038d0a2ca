package it.testata.web;

import java.util.zip.CRC32;

/**
 * The gzip CRC-32, continued from a known checksum and combined across a concatenation, which
 * {@link java.util.zip.CRC32} does not offer. Polynomials are kept bit-reflected (x^0 in the high bit), as the
 * checksum itself is; products are taken modulo the CRC polynomial over GF(2).
 */
final class Crc {
    private static final int POLY = 0xEDB88320;
    private static final int[] TABLE = new int[256];
    /** X2N[k] = x^(2^k) mod the polynomial. */
    private static final int[] X2N = new int[32];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            TABLE[n] = c;
        }
        int p = 1 << 30; // x^1
        X2N[0] = p;
        for (int k = 1; k < 32; k++) X2N[k] = p = multiply(p, p);
    }

    private Crc() {}

    static int of(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return (int) c.getValue();
    }

    /** The checksum of (what gave {@code crc}) followed by {@code data}. */
    static int update(int crc, byte[] data) {
        int c = ~crc;
        for (byte b : data) c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        return ~c;
    }

    /** x^(8 * bytes): what a checksum is multiplied by to move it past that many bytes. */
    static int shiftBytes(long bytes) {
        int p = 1 << 31; // x^0
        for (int k = 3; bytes != 0; bytes >>>= 1, k++) {
            if ((bytes & 1) != 0) p = multiply(X2N[k & 31], p);
        }
        return p;
    }

    /** The checksum of A followed by B, from crc(A), {@link #shiftBytes}(|B|) and crc(B). */
    static int combine(int crcA, int shiftB, int crcB) {
        return multiply(shiftB, crcA) ^ crcB;
    }

    static int multiply(int a, int b) {
        int p = 0;
        for (int m = 1 << 31; m != 0; m >>>= 1) {
            if ((a & m) != 0) p ^= b;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return p;
    }
}
