package it.testata.spam;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Blocked networks as a moderator writes them (an address, or an address with a prefix length: 203.0.113.7,
 * 203.0.113.0/24, 198.51.0.0/16, 2001:db8::/32), matched against the networks comments are stored with (IPv4 /24,
 * IPv6 /48). A block narrower than what is stored covers the whole stored network, since nothing finer is known.
 */
public final class Networks {
    private Networks() {}

    /** A parsed block: the address bytes and the prefix length. */
    public record Block(byte[] address, int prefix) {
        /** True when the stored network (like 203.0.113.0/24) lies inside this block. */
        public boolean covers(String storedNet) {
            Optional<Block> net = parse(storedNet);
            if (net.isEmpty() || net.get().address.length != address.length) return false;
            int bits = Math.min(prefix, net.get().prefix);
            byte[] a = address, b = net.get().address;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((a[i / 8] & mask) != (b[i / 8] & mask)) return false;
            }
            return true;
        }
    }

    /** Parses an IP literal with an optional /prefix; host names and nonsense give empty. */
    public static Optional<Block> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        if (!addr.matches("[0-9.]{7,15}") && !(addr.contains(":") && addr.matches("[0-9A-Fa-f:.]{2,45}"))) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(addr).getAddress();
            int max = bytes.length * 8;
            int prefix = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
            if (prefix < 0 || prefix > max) return Optional.empty();
            return Optional.of(new Block(bytes, prefix));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
