package it.testata.importer;

import it.testata.article.ArticleService;
import it.testata.settings.SettingsService;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo publication ("Il Tessitore") that a new, empty site starts with, so a newcomer sees a real-looking
 * site at once. It is ordinary content: the same front-matter files import-markdown reads, shipped as resources.
 */
public final class DemoContent {
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private DemoContent() {}

    public static void load(SettingsService settings, ArticleService articles) {
        Map<?, ?> site = (Map<?, ?>) yaml("demo/site.yml");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("site_name", site.get("name").toString());
        values.put("tagline", site.get("tagline").toString());
        values.put("locale", site.get("locale").toString());
        values.put("timezone", site.get("timezone").toString());
        if (site.get("social") instanceof Map<?, ?> social) {
            social.forEach((k, v) -> values.put("social." + k, v.toString()));
        }
        settings.update(values);

        for (Object o : (List<?>) yaml("demo/authors.yml")) {
            Map<?, ?> a = (Map<?, ?>) o;
            articles.saveAuthor(a.get("name").toString(), a.get("bio").toString());
        }
        int count = 0;
        for (String name : text("demo/articles/index.txt").lines().filter(l -> !l.isBlank()).toList()) {
            try {
                articles.save(FrontMatter.parse(text("demo/articles/" + name.strip()), settings.current().zone()), null);
                count++;
            } catch (FrontMatter.BadFile e) {
                throw new IllegalStateException("demo article " + name + " is broken: " + e.getMessage());
            }
        }
        log.info("loaded the demo publication: {} articles", count);
    }

    private static Object yaml(String resource) {
        return new Load(LoadSettings.builder().build()).loadFromString(text(resource));
    }

    private static String text(String resource) {
        try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
