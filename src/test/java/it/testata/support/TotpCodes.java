package it.testata.support;

import org.bouncycastle.util.encoders.Base32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;

/**
 * An authenticator app for tests: RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits) from the Base32 key a page shows,
 * computed here, independently of the site's own code.
 */
public final class TotpCodes {
    private TotpCodes() {}

    /** The code for the current 30-second step plus offset steps. */
    public static String code(String base32Key, int offset) {
        long step = System.currentTimeMillis() / 1000 / 30 + offset;
        return code(Base32.decode(pad(base32Key)), step);
    }

    public static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int v = ByteBuffer.wrap(h, o, 4).getInt() & 0x7fffffff;
            return String.format("%06d", v % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pad(String s) {
        String t = s.strip().toUpperCase();
        while (t.length() % 8 != 0) t += "=";
        return t;
    }
}
