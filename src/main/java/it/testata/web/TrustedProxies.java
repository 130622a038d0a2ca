package it.testata.web;

import it.testata.spam.Networks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The setting {@code server.trusted_proxies}: addresses and networks (CIDR) of the proxies in front of the site.
 * Only a request whose socket peer is one of them may tell the client's address (X-Forwarded-For), scheme
 * (X-Forwarded-Proto) and host (X-Forwarded-Host); the client is then the rightmost X-Forwarded-For address that is
 * not itself a trusted proxy, since every entry left of the nearest untrusted one may have been written by the
 * client. With no proxy trusted (the default) the socket's address, scheme and Host header are used.
 */
public record TrustedProxies(List<Networks.Block> blocks) {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    public TrustedProxies {
        blocks = List.copyOf(blocks);
    }

    /** The entries of the setting (commas, spaces or one a line); empty when every entry is an address or a network. */
    public static Optional<String> check(String value) {
        for (String entry : entries(value)) {
            if (Networks.parse(entry).isEmpty()) {
                return Optional.of("server.trusted_proxies: '" + entry
                        + "' is not an address or network like 127.0.0.1, 10.0.0.0/8 or ::1");
            }
        }
        return Optional.empty();
    }

    /** Parses the setting; an entry that is not an address or network (refused when saved) is left out. */
    public static TrustedProxies parse(String value) {
        List<Networks.Block> out = new ArrayList<>();
        for (String entry : entries(value)) Networks.parse(entry).ifPresent(out::add);
        return out.isEmpty() ? NONE : new TrustedProxies(out);
    }

    private static List<String> entries(String value) {
        if (value == null || value.isBlank()) return List.of();
        return List.of(value.strip().split("[\\s,]+"));
    }

    public boolean trusts(String address) {
        if (blocks.isEmpty() || address == null) return false;
        String a = address.strip().replaceAll("^\\[|\\]$", "");
        if (Networks.parse(a).isEmpty() || a.contains("/")) return false;
        for (Networks.Block b : blocks) {
            if (b.covers(a)) return true;
        }
        return false;
    }

    /**
     * The client's address: the peer's own, unless the peer is trusted; then, reading X-Forwarded-For from the
     * right, the first address that is not a trusted proxy. An entry that is not an address stops the walk at the
     * hop that handed it over; when every entry is trusted, the leftmost is the client.
     */
    public String client(String peer, String forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isBlank()) return peer;
        String[] hops = forwardedFor.split(",");
        String last = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (Networks.parse(hop).isEmpty() || hop.contains("/")) return last;
            if (!trusts(hop)) return hop;
            last = hop;
        }
        return last;
    }

    /** True when the client reached the site over HTTPS: the connection itself, or a trusted proxy says so. */
    public boolean https(String peer, String scheme, String forwardedProto) {
        if ("https".equalsIgnoreCase(scheme)) return true;
        return trusts(peer) && "https".equalsIgnoreCase(nearest(forwardedProto));
    }

    /** The host the client asked for: the Host header, or X-Forwarded-Host from a trusted proxy. */
    public String host(String peer, String host, String forwardedHost) {
        String forwarded = nearest(forwardedHost);
        return forwarded != null && !forwarded.isEmpty() && trusts(peer) ? forwarded : host;
    }

    /** The value written by the nearest proxy: the rightmost of a comma-separated header. */
    private static String nearest(String header) {
        if (header == null) return null;
        int comma = header.lastIndexOf(',');
        return (comma < 0 ? header : header.substring(comma + 1)).strip();
    }
}
