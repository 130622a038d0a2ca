package it.testata.web;

import io.javalin.http.Context;

import java.net.InetAddress;

/**
 * The reader's network, never the full address: IPv4 addresses are cut to their /24, IPv6 to their /48.
 * Behind a trusted proxy (setting server.trusted_proxies, see {@link TrustedProxies}), the client's address, scheme
 * and host come from the proxy's X-Forwarded-* headers; from any other peer those headers are ignored.
 */
public final class ClientAddress {
    /** The request attribute holding the site's {@link TrustedProxies}, set before any handler runs. */
    public static final String PROXIES = "testata.trustedProxies";

    private ClientAddress() {}

    public static String network(Context ctx) {
        return truncate(address(ctx));
    }

    /** The client's full address (for checks only: what is stored is its {@link #network}). */
    public static String address(Context ctx) {
        return proxies(ctx).client(ctx.req().getRemoteAddr(), forwardedFor(ctx));
    }

    /** True when the reader reached the site over HTTPS: the connection itself, or a trusted proxy says so. */
    public static boolean https(Context ctx) {
        return proxies(ctx).https(ctx.req().getRemoteAddr(), ctx.scheme(), ctx.header("X-Forwarded-Proto"));
    }

    /** The scheme the reader used (http or https). */
    public static String scheme(Context ctx) {
        return https(ctx) ? "https" : ctx.scheme();
    }

    /** The host the reader asked for (the Host header, or X-Forwarded-Host from a trusted proxy). */
    public static String host(Context ctx) {
        return proxies(ctx).host(ctx.req().getRemoteAddr(), ctx.host(), ctx.header("X-Forwarded-Host"));
    }

    private static TrustedProxies proxies(Context ctx) {
        TrustedProxies p = ctx.attribute(PROXIES);
        return p == null ? TrustedProxies.NONE : p;
    }

    /** Every X-Forwarded-For header of the request, joined in order (a proxy may add a header of its own). */
    private static String forwardedFor(Context ctx) {
        var values = ctx.req().getHeaders("X-Forwarded-For");
        if (values == null || !values.hasMoreElements()) return null;
        return String.join(",", java.util.Collections.list(values));
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
}
