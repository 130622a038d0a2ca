package it.testata.importer;

import it.testata.article.ArticleDraft;
import it.testata.article.Slugs;
import it.testata.article.Status;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Markdown file with YAML front matter, as Jekyll and Hugo keep posts:
 * title, standfirst, author, date, category, tags, slug, status between two "---" lines, then the body.
 */
public final class FrontMatter {
    /** A file that cannot become an article; the message says why, in words an editor understands. */
    public static final class BadFile extends Exception {
        public BadFile(String message) {
            super(message, null, false, false);
        }
    }

    private FrontMatter() {}

    public static ArticleDraft parse(String text, ZoneId zone) throws BadFile {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = it.testata.text.CleanText.text(t);
        if (!t.startsWith("---\n")) throw new BadFile("no front matter: the file must start with a line '---'");
        int end = t.indexOf("\n---", 3);
        if (end < 0) throw new BadFile("the front matter is not closed by a line '---'");
        String yaml = t.substring(4, end);
        int bodyStart = t.indexOf('\n', end + 4);
        String body = bodyStart < 0 ? "" : t.substring(bodyStart + 1).strip();

        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new BadFile("the front matter is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(loaded instanceof Map<?, ?> fm)) throw new BadFile("the front matter is not a set of 'key: value' lines");

        String title = string(fm, "title");
        if (title == null || title.isBlank()) throw new BadFile("missing title");
        String author = string(fm, "author");
        if (author == null || author.isBlank()) throw new BadFile("missing author");
        if (Slugs.of(author).isEmpty()) throw new BadFile("the author's name has no letters or digits");

        String slug = string(fm, "slug");
        if (slug == null || slug.isBlank()) slug = Slugs.of(title);
        if (!Slugs.valid(slug)) throw new BadFile("slug '" + slug + "' may hold only a-z, 0-9 and single hyphens");

        Status status;
        String s = string(fm, "status");
        try {
            status = s == null || s.isBlank() ? Status.PUBLISHED : Status.parse(s);
        } catch (IllegalArgumentException e) {
            throw new BadFile("status '" + s + "' is not one of draft, scheduled, published");
        }
        String dateText = string(fm, "date");
        Instant date = dateText == null ? null : date(dateText, zone);
        if (date == null && status != Status.DRAFT) throw new BadFile("missing date (needed unless status is draft)");

        return new ArticleDraft(slug, title.strip(), nullToEmpty(string(fm, "standfirst")).strip(), body, status, date,
                author.strip(), string(fm, "category"), tags(fm.get("tags")));
    }

    static Instant date(String text, ZoneId zone) throws BadFile {
        String d = text.strip();
        try {
            return OffsetDateTime.parse(d).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the forms without an offset, read in the site's time zone
        }
        try {
            return LocalDateTime.parse(d.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try a date alone
        }
        try {
            return LocalDate.parse(d).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadFile("date '" + d + "' is not a date like 2025-03-14 or 2025-03-14T08:30:00+01:00");
        }
    }

    private static List<String> tags(Object value) throws BadFile {
        if (value == null) return List.of();
        List<String> tags = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) if (o != null && !o.toString().isBlank()) tags.add(o.toString().strip());
        } else if (value instanceof String str) {
            for (String part : str.split(",")) if (!part.isBlank()) tags.add(part.strip());
        } else {
            throw new BadFile("tags must be a list like [economia, scuola]");
        }
        return tags;
    }

    private static String string(Map<?, ?> fm, String key) {
        Object v = fm.get(key);
        return v == null ? null : v.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
