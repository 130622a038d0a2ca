package it.testata.web;

import io.javalin.http.Context;

import java.net.InetAddress;

/**
 * The reader's network, never the full address: IPv4 addresses are cut to their /24, IPv6 to their /48.
 * Behind a proxy on the same machine, the first X-Forwarded-For address is the reader's.
 */
public final class ClientAddress {
    private ClientAddress() {}

    public static String network(Context ctx) {
        return truncate(address(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
    }

    /**
     * The reader's full address, for a check only (an allow list), never to keep: the connection's, or the first
     * X-Forwarded-For address when a proxy on this machine sent it.
     */
    public static String address(String remote, String forwarded) {
        if (forwarded != null && !forwarded.isBlank() && isLoopback(remote)) return forwarded.split(",")[0].strip();
        return remote;
    }

    /**
     * True when the reader reached the site over HTTPS: the connection itself, or X-Forwarded-Proto: https
     * set by a proxy on the same machine (the same trust as for X-Forwarded-For).
     */
    public static boolean https(Context ctx) {
        if ("https".equals(ctx.scheme())) return true;
        return "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) && isLoopback(ctx.req().getRemoteAddr());
    }

    public static String truncate(String address) {
        if (address == null || address.isBlank()) return "";
        try {
            byte[] b = literal(address).getAddress();
            if (b.length == 4) {
                return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
            }
            return String.format("%x:%x:%x::/48", ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                    ((b[2] & 0xff) << 8) | (b[3] & 0xff), ((b[4] & 0xff) << 8) | (b[5] & 0xff));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Parses an IP literal; anything else (a host name) is refused rather than looked up. */
    private static InetAddress literal(String address) {
        String a = address.strip().replaceAll("^\\[|\\]$", "");
        if (!a.matches("[0-9.]{7,15}") && !a.matches("[0-9A-Fa-f:.]{2,45}")) throw new IllegalArgumentException(a);
        try {
            return InetAddress.getByName(a);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(a, e);
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && literal(address).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

}
