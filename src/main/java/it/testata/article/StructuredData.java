package it.testata.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.web.Layout;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON-LD for search engines: a NewsArticle per article page. */
public final class StructuredData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredData() {}

    public static String newsArticle(Article a, String baseUrl, Layout frame) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("mainEntityOfPage", baseUrl + frame.articlePath(a));
        ld.put("headline", a.title());
        ld.put("description", a.standfirst());
        ld.put("author", Map.of("@type", "Person", "name", a.author().name(), "url", baseUrl + a.author().path()));
        ld.put("datePublished", frame.isoDate(a));
        ld.put("dateModified", a.updatedAt().atZone(frame.site().zone()).toOffsetDateTime().toString());
        ld.put("image", java.util.List.of(SocialMeta.image(a, frame)));
        ld.put("publisher", Map.of("@type", "Organization", "name", frame.site().siteName(), "url", baseUrl + "/",
                "logo", Map.of("@type", "ImageObject", "url", SocialMeta.logo(frame))));
        if (a.category() != null) ld.put("articleSection", a.category().name());
        if (!a.tags().isEmpty()) ld.put("keywords", a.tags().stream().map(Term::name).toList());
        ld.put("inLanguage", frame.site().locale());
        return toScriptSafeJson(ld);
    }

    /** JSON that cannot close its script element: every '<' is written as \\u003c. */
    static String toScriptSafeJson(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
