package it.testata.article;

import it.testata.web.Layout;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an article shows to social networks and search engines: its image, the site's logo. */
public final class SocialMeta {
    /** The first image of a sanitized body: the sanitizer writes attributes in double quotes. */
    private static final Pattern FIRST_IMAGE = Pattern.compile("<img\\b[^>]*?\\ssrc=\"([^\"]+)\"");

    private SocialMeta() {}

    /** The site's logo, absolute: the publisher's logo and the image of an article without one. */
    public static String logo(Layout frame) {
        return frame.baseUrl() + frame.assets().url("logo.png");
    }

    /**
     * The article's featured image (1200 pixels wide), else its first image (absolute, resolved against its own
     * address), else the site's logo.
     */
    public static String image(Article a, Layout frame) {
        if (a.imageUrl() != null) return frame.baseUrl() + a.imageUrl();
        Matcher m = FIRST_IMAGE.matcher(a.bodyHtml() == null ? "" : a.bodyHtml());
        if (m.find()) {
            String src = m.group(1).replace("&amp;", "&");
            try {
                URI resolved = URI.create(frame.baseUrl() + frame.articlePath(a)).resolve(src);
                if ("http".equals(resolved.getScheme()) || "https".equals(resolved.getScheme())) return resolved.toString();
            } catch (IllegalArgumentException e) {
                // an address that is not a URI: the logo stands in
            }
        }
        return logo(frame);
    }
}
