package it.testata.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** Signs short values with the site's key (HMAC-SHA256), so a value handed to a browser comes back unaltered. */
public final class Signer {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    /** A Mac is not thread-safe and costly to look up: one per thread, initialized once. */
    private final ThreadLocal<Mac> macs;

    public Signer(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "value.signature"; the value must not contain a dot. */
    public String sign(String purpose, String value) {
        return value + "." + mac(purpose, value);
    }

    /** The value when the signature is right for this purpose. */
    public Optional<String> verify(String purpose, String signed) {
        if (signed == null) return Optional.empty();
        int dot = signed.lastIndexOf('.');
        if (dot <= 0) return Optional.empty();
        String value = signed.substring(0, dot);
        byte[] expected = mac(purpose, value).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(value) : Optional.empty();
    }

    private String mac(String purpose, String value) {
        Mac mac = macs.get();
        mac.reset();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] d = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return B64.encodeToString(java.util.Arrays.copyOf(d, 18));
    }

    /**
     * Signs in place, the same signature {@link #sign} gives: the value is {@code buf[from, to)} (ASCII, no dot);
     * "." and the signature are written from {@code to} on ({@link #SIGNED_EXTRA} bytes). For a value made per
     * response (the comment form's token) without a String or an array per step. Returns the end.
     */
    public int signInPlace(byte[] purpose, byte[] buf, int from, int to) {
        Mac mac = macs.get();
        mac.reset();
        mac.update(purpose);
        mac.update((byte) 0);
        mac.update(buf, from, to - from);
        byte[] d = mac.doFinal();
        buf[to] = '.';
        return encode(d, 0, 18, buf, to + 1);
    }

    /** The bytes {@link #signInPlace} adds after the value. */
    public static final int SIGNED_EXTRA = 1 + 24;

    private static final byte[] URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * The {@code n} bytes of {@code src} from {@code from} (a multiple of 3) in unpadded URL-safe Base64, as
     * {@link #encode} writes them, into {@code dst} from {@code at}; returns the end. (The JDK's encoder writes only
     * from 0.) Source and destination may be parts of one array that do not overlap.
     */
    public static int encode(byte[] src, int from, int n, byte[] dst, int at) {
        if (n % 3 != 0) throw new IllegalArgumentException("a multiple of 3 bytes");
        for (int i = from; i < from + n; i += 3) {
            int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
            dst[at++] = URL_SAFE[bits >>> 18];
            dst[at++] = URL_SAFE[bits >>> 12 & 63];
            dst[at++] = URL_SAFE[bits >>> 6 & 63];
            dst[at++] = URL_SAFE[bits & 63];
        }
        return at;
    }

    public static String encode(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    public static byte[] decode(String text) {
        return B64D.decode(text);
    }
}
