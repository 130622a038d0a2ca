package it.testata.paging;

import it.testata.account.Role;
import it.testata.article.ArticleDraft;
import it.testata.article.Status;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff lists paged by place on a site with enough rows for several pages: the newsroom's article list and
 * the moderation queue, followed link by link to the end and back, with their filters kept, against the order
 * the database gives without paging; rows that share a time keep their place (the id decides); a bulk action
 * returns to the page it came from; and the counts kept by triggers agree with counting after every kind of write.
 */
class StaffListPagingTest {
    static final String PASSWORD = "correct horse battery";
    static final Instant BASE = Instant.parse("2025-03-01T08:00:00Z");
    static TestSite site;
    static StaffClient admin;
    static long article;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        site.site().accounts.add("capo@example.org", "Capo Redattore", Role.ADMIN, PASSWORD.toCharArray());
        for (int i = 0; i < 45; i++) {
            // every third article shares its time with the one before: only the id orders them
            Instant at = BASE.plusSeconds(3600L * (i - i % 3 / 2));
            site.site().articles.create(new ArticleDraft("", "Sfoglia " + i, "", "testo " + i,
                    i % 5 == 4 ? Status.DRAFT : Status.PUBLISHED, i % 5 == 4 ? null : at, "Paolo Conti", null, List.of()), null);
        }
        article = jdbi().withHandle(h -> h.createQuery("SELECT MIN(id) FROM articles WHERE title LIKE 'Sfoglia %'")
                .mapTo(Long.class).one());
        jdbi().useHandle(h -> {
            for (int i = 0; i < 120; i++) {
                h.createUpdate("""
                                INSERT INTO comments (article_id, status, author_name, author_email, body_raw, body_html, created_at)
                                VALUES (:a, 'pending', :name, 'x@example.org', 'testo', '<p>testo</p>', :at)""")
                        .bind("a", article).bind("name", "Lettore " + i)
                        .bind("at", BASE.plusSeconds(60L * (i / 4)).toEpochMilli()).execute();   // four at each time
            }
        });
        admin = StaffClient.signedIn(site, "capo@example.org", PASSWORD);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Jdbi jdbi() {
        return site.site().db.jdbi();
    }

    @Test
    void theArticleListPagesByPlaceBothWaysKeepingItsFilters() {
        List<String> expected = jdbi().withHandle(h -> h.createQuery("""
                        SELECT title FROM articles WHERE title LIKE 'Sfoglia %' AND status = 'published' AND trashed_at IS NULL
                        ORDER BY COALESCE(published_at, updated_at) DESC, id DESC""").mapTo(String.class).list());
        assertThat(expected).hasSize(36);

        List<List<String>> pages = new ArrayList<>();
        String address = "/admin/articles?status=published&q=Sfoglia";
        Document page = admin.page(address);
        assertThat(page.select(".list-count").text()).isEqualTo("36 articoli");
        assertThat(page.select("nav.pager a[rel=prev]")).isEmpty();
        while (true) {
            pages.add(page.select("table tbody td:first-child").eachText());
            String older = page.select("nav.pager a[rel=next]").attr("href");
            if (older.isEmpty()) break;
            assertThat(older).startsWith("/admin/articles?status=published&q=Sfoglia&before=");
            page = admin.page(older);
        }
        assertThat(pages).extracting(List::size).containsExactly(20, 16);
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(expected);

        // back through the newer links: the same pages, then none newer than the first
        String newer = page.select("nav.pager a[rel=prev]").attr("href");
        assertThat(newer).startsWith("/admin/articles?status=published&q=Sfoglia&after=");
        Document first = admin.page(newer);
        assertThat(first.select("table tbody td:first-child").eachText()).isEqualTo(pages.getFirst());
        assertThat(first.select("nav.pager a[rel=prev]")).isEmpty();
        assertThat(first.select("#f-status option[selected]").val()).isEqualTo("published");

        // a place that is not one is the first page
        assertThat(admin.page("/admin/articles?status=published&q=Sfoglia&before=nonsense")
                .select("table tbody td:first-child").eachText()).isEqualTo(pages.getFirst());
    }

    @Test
    void theQueuePagesByPlaceAndAnActionReturnsToItsPage() {
        List<Long> expected = pendingIds();
        assertThat(expected.size()).isGreaterThan(100);
        Document page = admin.page("/admin/comments?status=pending");
        assertThat(page.select(".tabs a[aria-current=page] .count").text()).isEqualTo("(" + expected.size() + ")");
        List<List<Long>> pages = new ArrayList<>();
        List<String> addresses = new ArrayList<>(List.of("/admin/comments?status=pending"));
        while (true) {
            pages.add(page.select("ol.queue li.queue-item").eachAttr("id").stream()
                    .map(id -> Long.parseLong(id.substring("comment-".length()))).toList());
            String older = page.select("nav.pager a[rel=next]").attr("href");
            if (older.isEmpty()) break;
            assertThat(older).startsWith("/admin/comments?status=pending&before=");
            addresses.add(older);
            page = admin.page(older);
        }
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(expected);
        assertThat(pages.getFirst()).hasSize(50);

        List<List<Long>> back = new ArrayList<>();
        while (true) {
            String newer = page.select("nav.pager a[rel=prev]").attr("href");
            if (newer.isEmpty()) break;
            page = admin.page(newer);
            back.add(page.select("ol.queue li.queue-item").eachAttr("id").stream()
                    .map(id -> Long.parseLong(id.substring("comment-".length()))).toList());
        }
        Collections.reverse(back);
        assertThat(back).isEqualTo(pages.subList(0, pages.size() - 1));

        // the bulk form of the second page keeps its place; the approved comments leave the tab and its count
        Document second = admin.page(addresses.get(1));
        String place = addresses.get(1).substring(addresses.get(1).indexOf("before=") + "before=".length());
        assertThat(second.select("form#bulk input[name=before]").val()).isEqualTo(place);
        List<Long> chosen = pages.get(1).subList(0, 3);
        StringBuilder body = new StringBuilder("csrf=" + admin.csrf + "&status=pending&before=" + place + "&action=approve");
        for (long id : chosen) body.append("&id=").append(id);
        HttpResponse<String> r = admin.postRaw("/admin/comments", body.toString());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/comments?status=pending&before=" + place + "&done=approve&n=3");
        Document after = admin.page("/admin/comments?status=pending&before=" + place);
        assertThat(after.select("ol.queue li.queue-item").eachAttr("id")).doesNotContain("comment-" + chosen.getFirst());
        assertThat(after.select(".tabs a[aria-current=page] .count").text()).isEqualTo("(" + (expected.size() - 3) + ")");
    }

    @Test
    void theCountsKeptByTriggersAgreeWithCountingAfterEveryKindOfWrite() {
        assertCountsTrue();
        long id = site.site().articles.create(new ArticleDraft("", "Contata", "", "testo", Status.DRAFT, null,
                "Paolo Conti", null, List.of()), null).id();
        jdbi().useHandle(h -> {
            for (String status : List.of("pending", "approved", "spam")) {
                h.createUpdate("""
                                INSERT INTO comments (article_id, status, author_name, body_raw, body_html, created_at, kind)
                                VALUES (:a, :s, 'Uno', 'x', 'x', 1, :k)""")
                        .bind("a", id).bind("s", status).bind("k", status.equals("spam") ? "pingback" : "comment").execute();
            }
        });
        assertCountsTrue();
        jdbi().useHandle(h -> h.createUpdate("UPDATE comments SET status = 'trash' WHERE article_id = :a AND status = 'pending'")
                .bind("a", id).execute());
        jdbi().useHandle(h -> h.createUpdate("UPDATE comments SET author_name = 'Due' WHERE article_id = :a").bind("a", id).execute());
        assertCountsTrue();
        jdbi().useHandle(h -> h.createUpdate("UPDATE articles SET status = 'published', published_at = 1, trashed_at = 5 WHERE id = :a")
                .bind("a", id).execute());
        assertCountsTrue();
        jdbi().useHandle(h -> h.createUpdate("DELETE FROM articles WHERE id = :a").bind("a", id).execute()); // comments go too
        assertCountsTrue();
        assertThat(admin.page("/admin/articles").select(".list-count").text()).isEqualTo(
                jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles WHERE kind = 'post' AND trashed_at IS NULL")
                        .mapTo(Integer.class).one()) + " articoli");
    }

    static void assertCountsTrue() {
        jdbi().useHandle(h -> {
            assertThat(h.createQuery("SELECT kind, status, SUM(n) AS n FROM comment_counts GROUP BY kind, status HAVING SUM(n) <> 0"
                    + " ORDER BY kind, status").mapToMap().list().stream().map(StaffListPagingTest::row).toList())
                    .isEqualTo(h.createQuery("SELECT kind, status, COUNT(*) AS n FROM comments GROUP BY kind, status ORDER BY kind, status")
                            .mapToMap().list().stream().map(StaffListPagingTest::row).toList());
            assertThat(h.createQuery("SELECT kind, status, trashed, n FROM article_counts WHERE n <> 0 ORDER BY kind, status, trashed")
                    .mapToMap().list().stream().map(StaffListPagingTest::row).toList())
                    .isEqualTo(h.createQuery("""
                            SELECT kind, status, CASE WHEN trashed_at IS NULL THEN 0 ELSE 1 END AS trashed, COUNT(*) AS n
                            FROM articles GROUP BY kind, status, CASE WHEN trashed_at IS NULL THEN 0 ELSE 1 END
                            ORDER BY kind, status, trashed""").mapToMap().list().stream().map(StaffListPagingTest::row).toList());
        });
    }

    /** A row as text, whatever number type each database gives. */
    static String row(Map<String, Object> m) {
        return m.values().stream().map(String::valueOf).toList().toString();
    }

    static List<Long> pendingIds() {
        return jdbi().withHandle(h -> h.createQuery("""
                        SELECT id FROM comments WHERE status = 'pending' AND kind = 'comment'
                        ORDER BY created_at DESC, id DESC""").mapTo(Long.class).list());
    }

    @Test
    void aPlaceIsReadOnlyFromItsOwnForm() {
        assertThat(Keyset.parse("1765000000000-42")).contains(new Keyset(1765000000000L, 42));
        assertThat(Keyset.parse("-5-3")).contains(new Keyset(-5, 3));
        assertThat(Keyset.parse("12")).isEmpty();
        assertThat(Keyset.parse("a-b")).isEmpty();
        assertThat(Keyset.parse("5--3")).isEmpty();
        assertThat(Keyset.parse(null)).isEmpty();
    }
}
