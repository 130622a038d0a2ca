package it.testata.wordpress;

import it.testata.support.TestSite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared WordPress export made by a real WordPress 6.1 (../shared/fixtures/wordpress, see its README). */
final class WxrFixture {
    static final Path SMALL = Path.of("..", "shared", "fixtures", "wordpress", "site-small.xml");

    private WxrFixture() {}

    /** The fixture's path; the test is skipped with a message when the shared folder is not there. */
    static Path small() {
        assumeTrue(Files.isRegularFile(SMALL), "skipped: the WordPress fixture is not at "
                + SMALL.toAbsolutePath().normalize() + " (the shared folder beside the project)");
        return SMALL;
    }

    static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every commenter's email in the file. */
    static List<String> commenterEmails(Path p) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<wp:comment_author_email><!\\[CDATA\\[([^\\]]+)\\]\\]>").matcher(text(p));
        while (m.find()) if (!out.contains(m.group(1))) out.add(m.group(1));
        return out;
    }

    /** Everything the site holds, as sorted text: two equal dumps are two equal sites. */
    static Map<String, List<String>> dump(TestSite site) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : List.of("authors", "categories", "tags", "articles", "article_tags", "comments", "redirects")) {
            String order = switch (table) {
                case "article_tags" -> "article_id, tag_id";
                case "redirects" -> "path";
                default -> "id";
            };
            out.put(table, site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table + " ORDER BY " + order)
                    .mapToMap().list().stream().map(row -> new TreeMap<>(row).toString()).toList()));
        }
        return out;
    }

    static long count(TestSite site, String sql) {
        return site.site().db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
