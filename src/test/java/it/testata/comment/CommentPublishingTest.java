package it.testata.comment;

import it.testata.support.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static it.testata.comment.CommentPoster.DEMO_TITLE;
import static it.testata.comment.CommentPoster.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments as readers see them with moderation "open": the Post/Redirect/Get answer, the comment in the thread,
 * the count, the recent-comments widget and the home page card; threads and replies; the text rules.
 */
class CommentPublishingTest {
    TestSite site;
    CommentPoster poster;
    long articleId;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo();
        site.site().settings.update(Map.of("comments.moderation", "open"));
        poster = new CommentPoster(site);
        articleId = CommentPoster.articleId(site, DEMO_SLUG);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aValidCommentIsPublishedAtOnceAndShowsOnTheArticleTheSidebarAndTheHomePage() {
        // pages already in the page cache must follow the new comment
        assertThat(poster.page(DEMO_PATH).select("#comments-title").text()).isEqualTo("Nessun commento");
        assertThat(poster.page("/").select(".recent-comments")).isEmpty();
        assertThat(poster.get(DEMO_PATH).headers().firstValue("ETag")).isPresent();

        HttpResponse<String> r = poster.form(articleId)
                .author("Marta Rinaldi").email("marta.rinaldi@example.org").url("https://marta.example/blog")
                .text("Finalmente uno sportello vicino a casa.").post();

        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        List<CommentRecord> stored = site.site().commentService.list(null, DEMO_SLUG);
        assertThat(stored).hasSize(1);
        CommentRecord c = stored.getFirst();
        assertThat(c.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(r.headers().firstValue("Location")).hasValue(DEMO_PATH + "#comment-" + c.id());
        assertThat(CommentPoster.setCookie(r, CommentCookies.PENDING)).isEmpty();

        within(1_000, "the comment on the cached article page",
                () -> poster.page(DEMO_PATH).getElementById("comment-" + c.id()) != null);
        Document page = poster.page(DEMO_PATH);
        Element li = page.getElementById("comment-" + c.id());
        assertThat(li.tagName()).isEqualTo("li");
        assertThat(li.hasClass("comment-pending")).isFalse();
        Element author = li.selectFirst(".comment-author a");
        assertThat(author).isNotNull();
        assertThat(author.text()).isEqualTo("Marta Rinaldi");
        assertThat(author.attr("href")).isEqualTo("https://marta.example/blog");
        assertThat(author.attr("rel")).isEqualTo("nofollow ugc noopener");
        Element time = li.selectFirst("time");
        assertThat(time).isNotNull();
        var zone = site.site().settings.current().zone();
        assertThat(OffsetDateTime.parse(time.attr("datetime")).toInstant())
                .isEqualTo(c.createdAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(time.text()).isEqualTo(DateTimeFormatter.ofPattern("d MMMM yyyy 'alle' HH:mm", Locale.ITALIAN)
                .format(c.createdAt().atZone(zone)));
        assertThat(li.selectFirst(".comment-content").text()).isEqualTo("Finalmente uno sportello vicino a casa.");
        assertThat(page.select("#comments-title").text()).isEqualTo("1 commento");
        assertThat(li.text()).doesNotContain("attesa di moderazione");

        Elements recent = page.select(".recent-comments li");
        assertThat(recent).hasSize(1);
        assertThat(recent.first().text()).isEqualTo("Marta Rinaldi: «Finalmente uno sportello vicino a casa.» su " + DEMO_TITLE);
        assertThat(recent.first().selectFirst("a").attr("href")).isEqualTo(DEMO_PATH + "#comment-" + c.id());

        within(1_000 + TestSite.CACHE_LAG_MS, "1 commento on the home page card", () -> {
            Element card = card(poster.page("/"));
            return card != null && card.select("a[href=" + DEMO_PATH + "#comments]").text().equals("1 commento");
        });
        Element otherCard = poster.page("/").select("article.card, article.story").stream()
                .filter(e -> !e.select("h2 a, h3 a").attr("href").equals(DEMO_PATH)).findFirst().orElseThrow();
        assertThat(otherCard.select("a[href$=#comments]")).as("no count where there is no comment").isEmpty();
        // and any other page's sidebar
        within(1_000 + TestSite.CACHE_LAG_MS, "the recent comment on a category page's sidebar",
                () -> poster.page("/privacy/").select(".recent-comments li").text().endsWith("» su " + DEMO_TITLE));
    }

    @Test
    void anotherServerOnTheSameDatabaseShowsTheNewCommentWithinASecond() throws Exception {
        try (TestSite second = TestSite.sharing(site).start(false)) {
            CommentPoster other = new CommentPoster(second);
            assertThat(other.page(DEMO_PATH).select("#comments-title").text()).isEqualTo("Nessun commento"); // cached there
            other.page("/");
            HttpResponse<String> r = poster.form(articleId).author("Piero Neri").email("piero@example.org").post();
            assertThat(r.statusCode()).isEqualTo(303);
            long id = site.site().commentService.list(null, DEMO_SLUG).getFirst().id();
            within(1_000, "the comment on the second server",
                    () -> other.page(DEMO_PATH).getElementById("comment-" + id) != null);
            within(1_000 + TestSite.CACHE_LAG_MS, "the count and the widget on the second server's home page", () -> {
                Document home = other.page("/");
                return card(home).select("a[href$=#comments]").text().equals("1 commento")
                        && home.select(".recent-comments li").text().startsWith("Piero Neri: «")
                        && home.select(".recent-comments li").text().endsWith("» su " + DEMO_TITLE);
            });
        }
    }

    @Test
    void aReplyIsNestedInsideItsParentAndTheReplyLinkWorksWithoutJavaScript() {
        long parent = publish(poster.form(articleId).author("Anna Bassi").email("anna@example.org").from("10.1.1.7")
                .text("Ottima notizia."));
        Document page = poster.page(DEMO_PATH);
        Element replyLink = page.selectFirst("#comment-" + parent + " .comment-reply-link");
        assertThat(replyLink).isNotNull();
        assertThat(replyLink.text()).isEqualTo("Rispondi");
        assertThat(replyLink.attr("href")).isEqualTo("?replytocom=" + parent + "#respond");

        // following the link (no JavaScript): a page whose form answers that comment
        HttpResponse<String> replyPage = poster.get(DEMO_PATH + "?replytocom=" + parent);
        assertThat(replyPage.statusCode()).isEqualTo(200);
        Document form = poster.page(DEMO_PATH + "?replytocom=" + parent);
        assertThat(form.select("#commentform input[name=comment_parent]").val()).isEqualTo(String.valueOf(parent));
        assertThat(form.select("#reply-title").text()).startsWith("Rispondi a Anna Bassi");
        Element cancel = form.selectFirst("#reply-title a#cancel-comment-reply-link");
        assertThat(cancel).isNotNull();
        assertThat(cancel.attr("href")).isEqualTo(DEMO_PATH + "#respond");
        assertThat(form.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(poster.page(DEMO_PATH).select("meta[name=robots]")).isEmpty();
        // an unknown or pending comment is not a reply target: the ordinary form
        Document unknown = poster.page(DEMO_PATH + "?replytocom=999999");
        assertThat(unknown.select("#commentform input[name=comment_parent]").val()).isEqualTo("0");
        assertThat(unknown.select("#reply-title").text()).isEqualTo("Lascia un commento");

        long reply = publish(poster.form(articleId).author("Carlo Villa").email("carlo@example.org").from("10.1.2.7")
                .parent(parent).text("Sono d'accordo."));
        within(1_000, "the reply", () -> poster.page(DEMO_PATH).getElementById("comment-" + reply) != null);
        Document after = poster.page(DEMO_PATH);
        assertThat(after.select("li#comment-" + parent + " > ol.children > li#comment-" + reply)).hasSize(1);
        assertThat(after.select("ol.comment-list > li#comment-" + reply)).isEmpty();
        assertThat(after.getElementById("comment-" + reply).hasClass("depth-2")).isTrue();
        assertThat(after.select("#comments-title").text()).isEqualTo("2 commenti");
        assertThat(site.site().commentService.list(null, DEMO_SLUG).stream()
                .filter(c -> c.id() == reply).findFirst().orElseThrow().parentId()).isEqualTo(parent);
    }

    @Test
    void withThreadDepthTwoDepthTwoCommentsHaveNoReplyLink() {
        site.site().settings.update(Map.of("comments.thread_depth", "2"));
        long[] ids = threeLevels();
        long a = ids[0], b = ids[1], c = ids[2];
        Document page = poster.page(DEMO_PATH);
        assertThat(page.select("ol.comment-list > li#comment-" + a)).hasSize(1);
        assertThat(page.select("li#comment-" + a + " > ol.children > li#comment-" + b)).hasSize(1);
        assertThat(page.getElementById("comment-" + a).hasClass("depth-1")).isTrue();
        assertThat(page.getElementById("comment-" + b).hasClass("depth-2")).isTrue();
        assertThat(page.getElementById("comment-" + c).hasClass("depth-2")).isTrue();
        assertThat(page.select("#comment-" + a + " > article .comment-reply-link")).hasSize(1);
        assertThat(page.select("#comment-" + b + " .comment-reply-link")).isEmpty();
        assertThat(page.select("#comment-" + c + " .comment-reply-link")).isEmpty();
        assertThat(page.select("#comments-title").text()).isEqualTo("3 commenti");
        // the stored reply still names the comment it answers
        assertThat(site.site().commentService.list(null, DEMO_SLUG).stream()
                .filter(r -> r.id() == c).findFirst().orElseThrow().parentId()).isEqualTo(b);
    }

    @Test
    void withThreadDepthTwoAReplyToADepthTwoCommentSitsBesideItAtDepthTwo() {
        site.site().settings.update(Map.of("comments.thread_depth", "2"));
        long[] ids = threeLevels();
        long a = ids[0], b = ids[1], c = ids[2];
        Document page = poster.page(DEMO_PATH);
        assertThat(page.select("li#comment-" + a + " > ol.children > li#comment-" + b)).hasSize(1);
        // at depth 2 everything is shown at depth 2: nothing is nested inside a depth-2 comment
        assertThat(page.select("li.depth-2 li")).as("comments nested inside a depth-2 comment").isEmpty();
        assertThat(page.select("li#comment-" + a + " > ol.children > li#comment-" + c))
                .as("the reply to a depth-2 comment sits beside it, in the same list").hasSize(1);
        assertThat(page.getElementById("comment-" + c).parents().stream().filter(e -> e.is("li.comment")))
                .as("the comments that hold it").hasSize(1);
    }

    /** A comment, a reply to it, and a reply to the reply; their ids. */
    long[] threeLevels() {
        long a = publish(poster.form(articleId).author("Anna Bassi").email("anna@example.org").from("10.2.1.7")
                .text("Primo livello."));
        long b = publish(poster.form(articleId).author("Bruno Conti").email("bruno@example.org").from("10.2.2.7")
                .parent(a).text("Secondo livello."));
        long c = publish(poster.form(articleId).author("Chiara Dal Lago").email("chiara@example.org").from("10.2.3.7")
                .parent(b).text("Risposta al secondo livello."));
        within(1_000, "the third comment", () -> poster.page(DEMO_PATH).getElementById("comment-" + c) != null);
        return new long[]{a, b, c};
    }

    @Test
    void theDefaultThreadDepthIsFive() {
        long parent = 0;
        long last = 0;
        for (int i = 1; i <= 6; i++) {
            var f = poster.form(articleId).author("Lettore " + i).email("lettore" + i + "@example.org")
                    .from("10.3." + i + ".7").text("Livello " + i + ".");
            if (parent > 0) f.parent(parent);
            last = publish(f);
            parent = last;
        }
        long sixth = last;
        within(1_000, "the sixth comment", () -> poster.page(DEMO_PATH).getElementById("comment-" + sixth) != null);
        Document page = poster.page(DEMO_PATH);
        List<Long> ids = site.site().commentService.list(null, DEMO_SLUG).stream().map(CommentRecord::id).sorted().toList();
        for (int i = 0; i < 5; i++) {
            assertThat(page.getElementById("comment-" + ids.get(i)).hasClass("depth-" + (i + 1))).isTrue();
        }
        assertThat(page.getElementById("comment-" + ids.get(3)).select("> article .comment-reply-link")).hasSize(1);
        assertThat(page.getElementById("comment-" + ids.get(4)).select("> article .comment-reply-link")).isEmpty();
        assertThat(page.getElementById("comment-" + sixth).hasClass("depth-5")).isTrue();
    }

    @Test
    void theTextKeepsParagraphsAndLinksAndShowsTypedHtmlAsText() {
        String text = """
                Prima riga del primo paragrafo
                seconda riga dello stesso paragrafo.

                Il bando è qui: https://example.org/bando?anno=2026 e vale *davvero* la pena, anche per `chi` cerca.

                > Il lavoro nobilita l'uomo.

                <script>alert(1)</script> e <b onmouseover="alert(2)">grassetto</b> <img src=x onerror=alert(3)>""";
        long id = publish(poster.form(articleId).author("Sara <i>Bianchi</i>").url("https://sara.example/")
                .text(text));
        within(1_000, "the comment", () -> poster.page(DEMO_PATH).getElementById("comment-" + id) != null);
        HttpResponse<String> raw = poster.get(DEMO_PATH);
        Document page = poster.page(DEMO_PATH);
        Element content = page.selectFirst("#comment-" + id + " .comment-content");

        Elements paragraphs = content.select("> p");
        assertThat(paragraphs).hasSizeGreaterThanOrEqualTo(3);
        assertThat(paragraphs.get(0).select("br")).hasSize(1);
        assertThat(paragraphs.get(0).text()).isEqualTo("Prima riga del primo paragrafo seconda riga dello stesso paragrafo.");

        Element link = content.selectFirst("a[href=https://example.org/bando?anno=2026]");
        assertThat(link).as(content.html()).isNotNull();
        assertThat(link.text()).isEqualTo("https://example.org/bando?anno=2026");
        assertThat(rel(link)).isEqualTo(Set.of("nofollow", "ugc", "noopener"));
        assertThat(content.select("a")).hasSize(1);
        assertThat(content.select("em").text()).isEqualTo("davvero");
        assertThat(content.select("code").text()).isEqualTo("chi");
        assertThat(content.select("blockquote").text()).isEqualTo("Il lavoro nobilita l'uomo.");

        assertThat(content.select("script, b, img, i, [onmouseover], [onerror]")).isEmpty();
        assertThat(content.text()).contains("<script>alert(1)</script> e <b onmouseover=\"alert(2)\">grassetto</b>");
        assertThat(content.text()).contains("<img src=x onerror=alert(3)>");
        assertThat(raw.body()).doesNotContain("<script>alert(1)").doesNotContain("<b onmouseover")
                .doesNotContain("<img src=x").doesNotContain("<i>Bianchi");
        assertThat(page.selectFirst("#comment-" + id + " .comment-author a").text()).isEqualTo("Sara <i>Bianchi</i>");
        assertThat(page.select(".recent-comments li").first().text()).startsWith("Sara <i>Bianchi</i>: «");
    }

    @Test
    void aReplyToAnotherArticlesCommentOrToAHeldCommentIsStoredAsATopLevelComment() {
        var newest = site.site().articles.list(it.testata.article.ArticleQuery.all(), 1).orElseThrow().items().getFirst();
        long elsewhere = publish(newest, poster.form(newest.id()).author("Altrove").email("altrove@example.org")
                .from("10.17.1.1").text("Su un altro articolo."));
        site.site().settings.update(Map.of("comments.moderation", "all"));
        long held = CommentPoster.cookie(poster.form(articleId).author("Attesa").email("attesa@example.org")
                .from("10.17.2.1").text("In attesa.").post(), CommentCookies.PENDING).map(v -> Long.parseLong(v.split("\\.")[0]))
                .orElseThrow();
        site.site().settings.update(Map.of("comments.moderation", "open"));

        long a = publish(poster.form(articleId).author("Uno").email("uno@example.org").from("10.17.3.1")
                .parent(elsewhere).text("Risposta a un altro articolo."));
        long b = publish(poster.form(articleId).author("Due").email("due@example.org").from("10.17.4.1")
                .parent(held).text("Risposta a un commento in attesa."));
        List<CommentRecord> stored = site.site().commentService.list(null, DEMO_SLUG);
        assertThat(stored.stream().filter(c -> c.id() == a).findFirst().orElseThrow().parentId()).isNull();
        assertThat(stored.stream().filter(c -> c.id() == b).findFirst().orElseThrow().parentId()).isNull();
        within(1_000, "both", () -> poster.page(DEMO_PATH).getElementById("comment-" + b) != null);
        Document page = poster.page(DEMO_PATH);
        assertThat(page.select("ol.comment-list > li#comment-" + a)).hasSize(1);
        assertThat(page.select("ol.comment-list > li#comment-" + b)).hasSize(1);
        assertThat(page.text()).doesNotContain("In attesa.");
    }

    @Test
    void aCommentForAnUnknownArticleIsNotFound() {
        HttpResponse<String> r = poster.form(987_654).author("Nessuno").email("nessuno@example.org").post();
        assertThat(r.statusCode()).isEqualTo(404);
        HttpResponse<String> none = poster.form(articleId).without("comment_post_ID").author("Nessuno")
                .email("nessuno@example.org").post();
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(site.site().commentService.list(null, null)).isEmpty();
    }

    @Test
    void aFormWithTheIssueFieldsAndNotesIsOnEveryOpenArticle() {
        Document page = poster.page(DEMO_PATH);
        Element respond = page.getElementById("respond");
        assertThat(respond.select("#reply-title").text()).isEqualTo("Lascia un commento");
        Element form = page.getElementById("commentform");
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");
        assertThat(form.attr("action")).isEqualTo("/comments/#respond"); // a refused comment comes back at the form
        assertThat(form.select("label[for=author]").text()).isEqualTo("Nome *");
        assertThat(form.select("label[for=email]").text()).isEqualTo("Email *");
        assertThat(form.select("label[for=url]").text()).isEqualTo("Sito web");
        assertThat(form.select("label[for=comment]").text()).isEqualTo("Commento *");
        assertThat(form.select("input#author[name=author]")).hasSize(1);
        assertThat(form.select("input#email[name=email]")).hasSize(1);
        assertThat(form.select("input#url[name=url]")).hasSize(1);
        assertThat(form.select("textarea#comment[name=comment]")).hasSize(1);
        assertThat(form.select("input[name=comment_parent]").val()).isEqualTo("0");
        assertThat(form.select("input[name=comment_post_ID]").val()).isEqualTo(String.valueOf(articleId));
        assertThat(form.text()).contains("I campi obbligatori sono contrassegnati *")
                .contains("Il tuo indirizzo email non sarà pubblicato.");
        Element remember = form.selectFirst("input[type=checkbox]#remember");
        assertThat(remember).isNotNull();
        assertThat(remember.hasAttr("checked")).as("the remember box is unticked by default").isFalse();
        Element privacy = form.selectFirst(".comment-privacy");
        assertThat(privacy.text()).contains("spam").contains("senza inviarli");
        assertThat(privacy.select("a").attr("href")).isEqualTo("/privacy/");
        assertThat(poster.get("/privacy/").statusCode()).isEqualTo(200);
    }

    /** Posts and returns the new comment's id, from the 303's Location. */
    long publish(CommentPoster.Form form) {
        return publish(CommentPoster.article(site, DEMO_SLUG), form);
    }

    long publish(it.testata.article.Article article, CommentPoster.Form form) {
        HttpResponse<String> r = form.post();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(article.path(site.site().settings.current().zone()) + "#comment-");
        return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }

    static Element card(Document home) {
        // a card of a list, or an item of the newspaper front page (the latest, or a section's block)
        return home.select("article.card, article.story, .latest-list li").stream()
                .filter(e -> e.select("h2 a, h3 a").attr("href").equals(DEMO_PATH)).findFirst().orElse(null);
    }

    static Set<String> rel(Element a) {
        return Arrays.stream(a.attr("rel").trim().split("\\s+")).collect(Collectors.toSet());
    }
}
