import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a WordPress export (WXR 1.2, shaped like WordPress 6.1's) of a made-up site for the import benchmark:
 * java bench/GenerateWxr.java OUT.xml [POSTS=10000] [COMMENTS=100000]. Half the posts use block-editor markup,
 * half classic content with blank-line paragraphs and [caption] shortcodes; comments are threaded (about a
 * third are replies), mostly approved, some pending and trashed, a few pingbacks. Fixed seed: same file each run.
 * Posts are dated like a real archive: spread over the ten years before {@link #LAST_POST} (a date in the past),
 * a little irregularly, so every post and comment is public and the archives cover many years and months.
 */
public class GenerateWxr {
    static final String[] WORDS = ("il la un una borgo piazza fontana mercato festa libro coro teatro ponte fiume "
            + "strada scuola comune sindaco museo orchestra vigna forno pane quartiere memoria stagione inverno estate "
            + "racconta apre chiude scopre illumina rinnova accoglie premia ricorda sorprende anima attraversa "
            + "antico nuovo bello piccolo grande tranquillo vivace storico luminoso segreto").split(" ");
    static final DateTimeFormatter WP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    static final DateTimeFormatter RFC = DateTimeFormatter.RFC_1123_DATE_TIME;
    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** The newest post's date; the others go back ten years from it. Fixed, so the file is the same each run. */
    static final LocalDateTime LAST_POST = LocalDateTime.of(2026, 11, 1, 8, 0);
    static final long SPAN_MINUTES = java.time.Duration.between(LAST_POST.minusYears(10), LAST_POST).toMinutes();

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/GenerateWxr.java OUT.xml [POSTS] [COMMENTS]");
            System.exit(2);
        }
        int posts = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int comments = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Random r = new Random(20261126);
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            w.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                    \txmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                    \txmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    \t<title>Bench</title>
                    \t<link>http://bench.example</link>
                    \t<description>A generated site</description>
                    \t<language>it-IT</language>
                    \t<wp:wxr_version>1.2</wp:wxr_version>
                    \t<wp:base_site_url>http://bench.example</wp:base_site_url>
                    \t<wp:base_blog_url>http://bench.example</wp:base_blog_url>
                    """);
            for (int a = 1; a <= 5; a++) {
                w.write("\t<wp:author><wp:author_id>" + a + "</wp:author_id><wp:author_login><![CDATA[autore" + a
                        + "]]></wp:author_login><wp:author_email><![CDATA[autore" + a + "@example.com]]></wp:author_email>"
                        + "<wp:author_display_name><![CDATA[Autore " + a + "]]></wp:author_display_name></wp:author>\n");
            }
            for (int c = 1; c <= 20; c++) {
                String parent = c > 5 ? "sezione-" + ((c - 1) % 5 + 1) : "";
                w.write("\t<wp:category><wp:term_id>" + c + "</wp:term_id><wp:category_nicename><![CDATA[sezione-" + c
                        + "]]></wp:category_nicename><wp:category_parent><![CDATA[" + parent + "]]></wp:category_parent>"
                        + "<wp:cat_name><![CDATA[Sezione " + c + "]]></wp:cat_name></wp:category>\n");
            }
            for (int t = 1; t <= 50; t++) {
                w.write("\t<wp:tag><wp:term_id>" + (100 + t) + "</wp:term_id><wp:tag_slug><![CDATA[tema-" + t
                        + "]]></wp:tag_slug><wp:tag_name><![CDATA[Tema " + t + "]]></wp:tag_name></wp:tag>\n");
            }
            long commentId = 1;
            LocalDateTime start = LAST_POST.minusMinutes(SPAN_MINUTES);
            double step = (double) SPAN_MINUTES / Math.max(1, posts);
            for (int p = 1; p <= posts; p++) {
                int n = comments / posts + (p <= comments % posts ? 1 : 0);
                // evenly spread, each moved by up to a third of the step, never past LAST_POST
                long jitter = (long) (step / 3 * (r.nextDouble() - 0.5));
                LocalDateTime local = start.plusMinutes(Math.min(SPAN_MINUTES, Math.round(p * step) + jitter));
                LocalDateTime gmt = local.atZone(ROME).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
                String title = sentence(r, 6).replace(".", "") + " " + p;
                String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-');
                String link = String.format("http://bench.example/%04d/%02d/%02d/%s/", local.getYear(), local.getMonthValue(),
                        local.getDayOfMonth(), slug);
                w.write("\t<item>\n\t\t<title><![CDATA[" + title + "]]></title>\n\t\t<link>" + link + "</link>\n"
                        + "\t\t<pubDate>" + RFC.format(gmt.atOffset(ZoneOffset.UTC)) + "</pubDate>\n"
                        + "\t\t<dc:creator><![CDATA[autore" + (p % 5 + 1) + "]]></dc:creator>\n"
                        + "\t\t<guid isPermaLink=\"false\">" + link + "</guid>\n\t\t<description></description>\n"
                        + "\t\t<content:encoded><![CDATA[" + (p % 2 == 0 ? blocks(r) : classic(r, p)) + "]]></content:encoded>\n"
                        + "\t\t<excerpt:encoded><![CDATA[" + (p % 4 == 0 ? sentence(r, 15) : "") + "]]></excerpt:encoded>\n"
                        + "\t\t<wp:post_id>" + p + "</wp:post_id>\n"
                        + "\t\t<wp:post_date><![CDATA[" + WP.format(local) + "]]></wp:post_date>\n"
                        + "\t\t<wp:post_date_gmt><![CDATA[" + WP.format(gmt) + "]]></wp:post_date_gmt>\n"
                        + "\t\t<wp:post_modified><![CDATA[" + WP.format(local) + "]]></wp:post_modified>\n"
                        + "\t\t<wp:post_modified_gmt><![CDATA[" + WP.format(gmt) + "]]></wp:post_modified_gmt>\n"
                        + "\t\t<wp:comment_status><![CDATA[" + (p % 10 == 0 ? "closed" : "open") + "]]></wp:comment_status>\n"
                        + "\t\t<wp:ping_status><![CDATA[open]]></wp:ping_status>\n"
                        + "\t\t<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>\n"
                        + "\t\t<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_parent>0</wp:post_parent>\n"
                        + "\t\t<wp:menu_order>0</wp:menu_order>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n"
                        + "\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n\t\t<wp:is_sticky>0</wp:is_sticky>\n");
                int cat = r.nextInt(20) + 1;
                w.write("\t\t<category domain=\"category\" nicename=\"sezione-" + cat + "\"><![CDATA[Sezione " + cat + "]]></category>\n");
                for (int t = 0; t < 3; t++) {
                    int tag = r.nextInt(50) + 1;
                    w.write("\t\t<category domain=\"post_tag\" nicename=\"tema-" + tag + "\"><![CDATA[Tema " + tag + "]]></category>\n");
                }
                List<Long> ids = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    long id = commentId++;
                    long parent = !ids.isEmpty() && r.nextInt(3) == 0 ? ids.get(r.nextInt(ids.size())) : 0;
                    ids.add(id);
                    LocalDateTime at = local.plusMinutes(30L + c * 17L);
                    int roll = r.nextInt(100);
                    String status = roll < 85 ? "1" : roll < 93 ? "0" : "trash";
                    String type = roll == 99 ? "pingback" : "comment";
                    w.write("\t\t<wp:comment>\n\t\t\t<wp:comment_id>" + id + "</wp:comment_id>\n"
                            + "\t\t\t<wp:comment_author><![CDATA[Lettore " + r.nextInt(5000) + "]]></wp:comment_author>\n"
                            + "\t\t\t<wp:comment_author_email><![CDATA[lettore" + r.nextInt(5000) + "@example.org]]></wp:comment_author_email>\n"
                            + "\t\t\t<wp:comment_author_url>" + (c % 5 == 0 ? "https://example.net/blog/" : "") + "</wp:comment_author_url>\n"
                            + "\t\t\t<wp:comment_author_IP><![CDATA[198.51.100." + r.nextInt(255) + "]]></wp:comment_author_IP>\n"
                            + "\t\t\t<wp:comment_date><![CDATA[" + WP.format(at) + "]]></wp:comment_date>\n"
                            + "\t\t\t<wp:comment_date_gmt><![CDATA[" + WP.format(at.atZone(ROME).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "]]></wp:comment_date_gmt>\n"
                            + "\t\t\t<wp:comment_content><![CDATA[" + sentence(r, 25) + (c % 7 == 0 ? " <a href=\"https://example.com/x\" rel=\"nofollow ugc\">link</a>" : "")
                            + (c % 4 == 0 ? "\n\n" + sentence(r, 12) : "") + "]]></wp:comment_content>\n"
                            + "\t\t\t<wp:comment_approved><![CDATA[" + status + "]]></wp:comment_approved>\n"
                            + "\t\t\t<wp:comment_type><![CDATA[" + type + "]]></wp:comment_type>\n"
                            + "\t\t\t<wp:comment_parent>" + parent + "</wp:comment_parent>\n"
                            + "\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n\t\t</wp:comment>\n");
                }
                w.write("\t</item>\n");
            }
            w.write("</channel>\n</rss>\n");
        }
    }

    static String sentence(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[r.nextInt(WORDS.length)];
            sb.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(i + 1 < words ? " " : ".");
        }
        return sb.toString();
    }

    static String blocks(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append("<!-- wp:paragraph -->\n<p>").append(sentence(r, 20)).append(" <strong>").append(sentence(r, 3))
                    .append("</strong> ").append(sentence(r, 15)).append("</p>\n<!-- /wp:paragraph -->\n\n");
            if (i == 2) sb.append("<!-- wp:heading -->\n<h2>").append(sentence(r, 5)).append("</h2>\n<!-- /wp:heading -->\n\n");
        }
        return sb.toString();
    }

    static String classic(Random r, int p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(sentence(r, 20)).append(" <em>").append(sentence(r, 3)).append("</em>&nbsp;").append(sentence(r, 15)).append("\n\n");
            if (i == 3) sb.append("[caption id=\"attachment_").append(p).append("\" align=\"aligncenter\" width=\"800\"]")
                    .append("<img class=\"size-large\" src=\"http://bench.example/wp-content/uploads/").append(p)
                    .append(".jpg\" alt=\"Foto\" width=\"800\" height=\"533\" /> ").append(sentence(r, 6)).append("[/caption]\n\n");
        }
        return sb.toString();
    }
}
