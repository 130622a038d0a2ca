package it.testata.article;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names and titles into URL slugs: "Marta Ferri" becomes marta-ferri, "L'agenzia è qui" l-agenzia-e-qui. */
public final class Slugs {
    private Slugs() {}

    public static String of(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 120) slug = slug.substring(0, 120).replaceAll("-+$", "");
        return slug;
    }

    public static boolean valid(String slug) {
        return slug != null && slug.matches("[a-z0-9]+(-[a-z0-9]+)*") && slug.length() <= 200;
    }
}
