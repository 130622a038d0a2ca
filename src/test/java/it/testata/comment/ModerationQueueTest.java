package it.testata.comment;

import it.testata.account.Role;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static it.testata.comment.CommentPoster.DEMO_TITLE;
import static it.testata.comment.CommentPoster.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moderation queue through real HTTP as a moderator's browser sends it: the tabs and what each comment shows,
 * every action alone and in bulk, edit and reply, bans that send the next comment to Spam with the reason, the
 * dashboard's figures, and the refusals (authors, missing CSRF token).
 */
class ModerationQueueTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;
    static CommentPoster poster;
    static long articleId;
    static final AtomicInteger n = new AtomicInteger();

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        poster = new CommentPoster(site);
        articleId = CommentPoster.articleId(site, DEMO_SLUG);
        site.site().settings.update(Map.of("comments.flood_seconds", "0"));
        site.site().accounts.add("mara@example.org", "Mara Conti", Role.MODERATOR, PASSWORD.toCharArray());
        site.site().accounts.add("ettore@example.org", "Ettore Sala", Role.EDITOR, PASSWORD.toCharArray());
        site.site().accounts.add("alba@example.org", "Alba Riva", Role.AUTHOR, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** A held comment (the default mode holds a first comment) from a fresh e-mail and network; returns it as stored. */
    static CommentRecord held(String text) {
        int i = n.incrementAndGet();
        return posted(poster.form(articleId).author("Lettore " + i).email("lettore" + i + "@esempio.it")
                .from("198.51." + i + ".7").text(text));
    }

    static CommentRecord posted(CommentPoster.Form form) {
        HttpResponse<String> r = form.post();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return site.site().commentService.list(null, DEMO_SLUG).getFirst();
    }

    static CommentRecord stored(long id) {
        return site.site().commentService.find(id).orElse(null);
    }

    static StaffClient moderator() {
        return StaffClient.signedIn(site, "mara@example.org", PASSWORD);
    }

    static HttpResponse<String> act(StaffClient c, String tab, String action, long... ids) {
        c.page("/admin/comments?status=" + tab);
        StringBuilder body = new StringBuilder("csrf=" + c.csrf + "&status=" + tab + "&action=" + action);
        for (long id : ids) body.append("&id=").append(id);
        return c.postRaw("/admin/comments", body.toString());
    }

    @Test
    void theQueueShowsEachCommentWithItsArticleAuthorEmailNetworkTimeAndTheFiltersReasonsInWords() {
        CommentRecord c = posted(poster.form(articleId).author("Ugo Lenti").email("ugo.lenti@esempio.it")
                .url("https://ugo.example/").from("203.0.113.77")
                .text("Guardate https://a.example/ e https://b.example/ e anche https://c.example/ per favore"));
        assertThat(c.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(c.reasons()).contains("links 3 > 2");

        Document d = moderator().page("/admin/comments");
        Map<CommentStatus, Integer> counts = site.site().commentService.counts();
        assertThat(d.select(".tabs li").eachText()).containsExactly(
                "In attesa (" + counts.get(CommentStatus.PENDING) + ")", "Approvati (" + counts.get(CommentStatus.APPROVED) + ")",
                "Spam (" + counts.get(CommentStatus.SPAM) + ")", "Cestino (" + counts.get(CommentStatus.TRASH) + ")");
        assertThat(d.select(".tabs a[aria-current=page]").text()).startsWith("In attesa");
        Element item = d.selectFirst("#comment-" + c.id());
        assertThat(item).isNotNull();
        assertThat(item.select("a[href=" + DEMO_PATH + "]").text()).isEqualTo(DEMO_TITLE);
        assertThat(item.text()).contains("Ugo Lenti", "ugo.lenti@esempio.it", "203.0.113.0/24", "https://ugo.example/")
                .contains("trattenuto per la moderazione")
                .contains("3 link (più di 2)").contains("links 3 > 2")
                .contains("indizi: un link, un link a un sito poco noto, un sito web indicato");
        assertThat(item.select("time").attr("datetime")).isNotEmpty();
        assertThat(item.select("a[href=mailto:ugo.lenti@esempio.it]")).hasSize(1);
        assertThat(item.select(".reasons code").eachText()).contains("links 3 > 2");
        CommentRecord plain = held("Un primo commento senza nulla di strano.");
        Element first = moderator().page("/admin/comments").selectFirst("#comment-" + plain.id());
        assertThat(first.select(".reasons li").eachText()).contains("primo commento di questo indirizzo email moderation first");
        assertThat(item.select("button[name=action]").eachAttr("value")).containsExactly("approve", "spam", "trash");
        // the same page in English
        site.site().settings.update(Map.of("locale", "en"));
        try {
            Element en = moderator().page("/admin/comments").selectFirst("#comment-" + c.id());
            assertThat(en.text()).contains("3 links (more than 2)", "links 3 > 2", "held for moderation",
                    "signs: a link, a link to a little-known site, a website given");
        } finally {
            site.site().settings.update(Map.of("locale", "it"));
        }
    }

    @Test
    void approveThenSpamThenTrashThenDeleteEachRedirectBackToTheSameTabAndPage() {
        CommentRecord c = held("Un commento da approvare, con calma.");
        StaffClient m = moderator();

        HttpResponse<String> r = act(m, "pending", "approve", c.id());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/comments?status=pending&done=approve&n=1");
        assertThat(stored(c.id()).status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(stored(c.id()).learned()).isEqualTo("ham");
        within(2000, "approved comment public", () -> poster.get(DEMO_PATH).body().contains("Un commento da approvare, con calma."));
        assertThat(m.page("/admin/comments?status=pending&done=approve&n=1").select(".notice").text()).isEqualTo("Commento approvato.");

        r = act(m, "approved", "spam", c.id());
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/comments?status=approved&done=spam&n=1");
        assertThat(stored(c.id()).status()).isEqualTo(CommentStatus.SPAM);
        assertThat(stored(c.id()).learned()).isEqualTo("spam");
        within(2000, "spam comment gone from the page", () -> !poster.get(DEMO_PATH).body().contains("Un commento da approvare"));

        r = act(m, "spam", "trash", c.id());
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/comments?status=spam&done=trash&n=1");
        assertThat(stored(c.id()).status()).isEqualTo(CommentStatus.TRASH);

        r = act(m, "trash", "delete", c.id());
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/comments?status=trash&done=delete&n=1");
        assertThat(stored(c.id())).isNull();

        // the page's place is kept; nonsense is answered with the first page of the pending tab
        m.page("/admin/comments?status=trash");
        HttpResponse<String> paged = m.postRaw("/admin/comments", "csrf=" + m.csrf + "&status=trash&before=1765000000000-42&action=delete&id=" + c.id());
        assertThat(paged.headers().firstValue("Location")).hasValue("/admin/comments?status=trash&before=1765000000000-42&done=delete&n=0");
        HttpResponse<String> none = m.postRaw("/admin/comments", "csrf=" + m.csrf + "&status=bogus&action=explode&id=1");
        assertThat(none.headers().firstValue("Location")).hasValue("/admin/comments?status=pending&done=none");
    }

    @Test
    void bulkActionsApplyToEveryCheckedComment() {
        CommentRecord a = held("Primo commento della serie per il cestino.");
        CommentRecord b = held("Secondo commento della serie per il cestino.");
        CommentRecord keep = held("Terzo commento, che resta in attesa.");
        StaffClient m = moderator();
        Document d = m.page("/admin/comments");
        Element bulk = d.selectFirst("form#bulk");
        assertThat(bulk.select("select[name=action] option").eachAttr("value")).containsExactly("approve", "spam", "trash");
        assertThat(d.select("input[type=checkbox][form=bulk][name=id]").eachAttr("value"))
                .contains(String.valueOf(a.id()), String.valueOf(b.id()), String.valueOf(keep.id()));

        HttpResponse<String> r = act(m, "pending", "trash", a.id(), b.id());
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/comments?status=pending&done=trash&n=2");
        assertThat(stored(a.id()).status()).isEqualTo(CommentStatus.TRASH);
        assertThat(stored(b.id()).status()).isEqualTo(CommentStatus.TRASH);
        assertThat(stored(keep.id()).status()).isEqualTo(CommentStatus.PENDING);
        assertThat(m.page("/admin/comments?status=pending&done=trash&n=2").select(".notice").text()).isEqualTo("2 commenti cestinati.");

        r = act(m, "trash", "approve", a.id(), b.id());
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/comments?status=trash&done=approve&n=2");
        assertThat(stored(a.id()).status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(stored(b.id()).status()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void editingChangesTheTextOnThePublicPageAndABadEditIsRefusedWithTheValuesKept() {
        CommentRecord c = held("Testo con un refuso: sabto.");
        StaffClient m = moderator();
        act(m, "pending", "approve", c.id());
        Document form = m.page("/admin/comments/" + c.id());
        assertThat(form.select("textarea[name=comment]").text()).isEqualTo("Testo con un refuso: sabto.");

        assertThat(form.select("form.actions button[name=action]").eachAttr("value")).containsExactly("spam", "trash");
        HttpResponse<String> bad = m.postForm("/admin/comments/" + c.id() + "/edit",
                Map.of("author", "Nome corretto", "url", "ftp://nope", "comment", ""));
        assertThat(bad.statusCode()).isEqualTo(422);
        Document again = Jsoup.parse(bad.body());
        assertThat(again.select("input[name=author]").val()).isEqualTo("Nome corretto");
        assertThat(again.select("input[name=url]").val()).isEqualTo("ftp://nope");
        assertThat(again.select("#url-error").text()).contains("http://");
        assertThat(again.select("#comment-error").text()).isEqualTo("Scrivi il tuo commento.");
        assertThat(again.select("textarea[name=comment]").attr("aria-describedby")).isEqualTo("comment-error");
        assertThat(stored(c.id()).bodyRaw()).isEqualTo("Testo con un refuso: sabto.");

        HttpResponse<String> ok = m.postForm("/admin/comments/" + c.id() + "/edit",
                Map.of("author", "Nome corretto", "url", "https://corretto.example/", "comment", "Testo corretto: sabato."));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/admin/comments/" + c.id() + "?done=edited");
        assertThat(stored(c.id()).authorName()).isEqualTo("Nome corretto");
        within(2000, "edited text public", () -> {
            String page = poster.get(DEMO_PATH).body();
            return page.contains("Testo corretto: sabato.") && !page.contains("sabto") && page.contains("https://corretto.example/");
        });
    }

    @Test
    void aReplyIsPublishedAtOnceUnderTheCommentSignedByTheMemberOfStaffAndApprovesAPendingOne() {
        CommentRecord c = held("Quando apre lo sportello?");
        StaffClient m = moderator();
        HttpResponse<String> r = m.postForm("/admin/comments/" + c.id() + "/reply", Map.of("reply", "Dal lunedì al venerdì, 9-13."));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/admin/comments/" + c.id() + "?done=replied&reply=");
        assertThat(stored(c.id()).status()).isEqualTo(CommentStatus.APPROVED);
        CommentRecord reply = site.site().commentService.list(null, DEMO_SLUG).getFirst();
        assertThat(reply.parentId()).isEqualTo(c.id());
        assertThat(reply.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(reply.authorName()).isEqualTo("Mara Conti");
        within(2000, "reply public, nested", () -> {
            Document page = Jsoup.parse(poster.get(DEMO_PATH).body());
            Element under = page.selectFirst("#comment-" + c.id() + " > ol.children > #comment-" + reply.id());
            return under != null && under.text().contains("Dal lunedì al venerdì, 9-13.") && under.text().contains("Mara Conti");
        });
        assertThat(poster.get(DEMO_PATH).body()).doesNotContain("mara@example.org");

        HttpResponse<String> empty = m.postForm("/admin/comments/" + c.id() + "/reply", Map.of("reply", "  "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(empty.body()).select("#reply-error").text()).isEqualTo("Scrivi il tuo commento.");
    }

    @Test
    void banningAnEmailADomainOrANetworkSendsTheNextCommentFromThereToSpamWithTheReason() {
        StaffClient m = moderator();
        CommentRecord byEmail = posted(poster.form(articleId).author("Spammer Uno").email("uno@spam-uno.example")
                .from("192.0.2.10").text("Offerta imperdibile numero uno."));
        HttpResponse<String> r = m.postForm("/admin/comments/" + byEmail.id() + "/ban", Map.of("what", "email"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/comments/" + byEmail.id()
                + "?done=banned-email&entry=uno%40spam-uno.example");
        assertThat(m.page("/admin/comments/" + byEmail.id() + "?done=banned-email&entry=uno%40spam-uno.example")
                .select(".notice").text()).isEqualTo("L'email uno@spam-uno.example è bloccata.");
        assertThat(site.site().settings.current().spam().blockedEmails()).contains("uno@spam-uno.example");
        CommentRecord next = posted(poster.form(articleId).author("Spammer Uno").email("uno@spam-uno.example")
                .from("192.0.2.11").text("Un altro messaggio, del tutto diverso."));
        assertThat(next.status()).isEqualTo(CommentStatus.SPAM);
        assertThat(next.reasons()).contains("blocked-email");

        CommentRecord byDomain = posted(poster.form(articleId).author("Spammer Due").email("due@spam-due.example")
                .from("192.0.2.20").text("Offerta imperdibile numero due."));
        m.postForm("/admin/comments/" + byDomain.id() + "/ban", Map.of("what", "domain"));
        CommentRecord fromDomain = posted(poster.form(articleId).author("Altro").email("altro@spam-due.example")
                .from("192.0.2.21").text("Scrivo da un altro indirizzo dello stesso dominio."));
        assertThat(fromDomain.status()).isEqualTo(CommentStatus.SPAM);
        assertThat(fromDomain.reasons()).contains("blocked-email-domain spam-due.example");

        CommentRecord byNet = posted(poster.form(articleId).author("Spammer Tre").email("tre@esempio.it")
                .from("198.18.5.9").text("Offerta imperdibile numero tre."));
        m.postForm("/admin/comments/" + byNet.id() + "/ban", Map.of("what", "network"));
        CommentRecord fromNet = posted(poster.form(articleId).author("Vicino").email("vicino@esempio.it")
                .from("198.18.5.200").text("Scrivo dalla stessa rete, con un'altra email."));
        assertThat(fromNet.status()).isEqualTo(CommentStatus.SPAM);
        assertThat(fromNet.reasons()).contains("blocked-network 198.18.5.0/24");
        assertThat(m.page("/admin/comments?status=spam").selectFirst("#comment-" + fromNet.id()).text())
                .contains("rete bloccata: 198.18.5.0/24");

        // banning again adds nothing twice, and the lists are kept one entry a line
        m.postForm("/admin/comments/" + byEmail.id() + "/ban", Map.of("what", "email"));
        assertThat(site.site().settings.rows().get("spam.blocked_emails")).isEqualTo("uno@spam-uno.example");
        assertThat(m.postForm("/admin/comments/999999/ban", Map.of("what", "email")).statusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardCountsArticlesAndCommentsListsTheLatestWaitingAndTheDiscards() {
        CommentRecord c = held("Il commento più recente in attesa sulla bacheca.");
        HttpResponse<String> bot = poster.form(articleId).email("bot@esempio.it").from("192.0.2.99").honeypot("x").post();
        assertThat(bot.statusCode()).isEqualTo(303);
        Document d = moderator().page("/admin/");
        Map<CommentStatus, Integer> counts = site.site().commentService.counts();
        assertThat(d.select("#comments-title + dl").text())
                .contains("In attesa " + counts.get(CommentStatus.PENDING)).contains("Spam " + counts.get(CommentStatus.SPAM));
        assertThat(d.select("#articles-title + dl dt").eachText()).containsExactly("Bozze", "Programmati", "Pubblicati");
        assertThat(d.select("#articles-title + dl").text()).containsPattern("Pubblicati [1-9][0-9]*");
        assertThat(d.select(".waiting li").first().text()).contains("Il commento più recente in attesa");
        assertThat(d.select(".waiting a").first().attr("href")).isEqualTo("/admin/comments?status=pending#comment-" + c.id());
        assertThat(d.select("#discards-title + dl").text()).containsPattern("campo trappola compilato \\(un programma automatico\\) [1-9]");
    }

    @Test
    void authorsMayNotModerateEditorsMayButNotSettingsOrUsers() {
        CommentRecord c = held("Un commento che l'autore non può toccare.");
        StaffClient author = StaffClient.signedIn(site, "alba@example.org", PASSWORD);
        assertThat(author.get("/admin/comments").statusCode()).isEqualTo(403);
        assertThat(author.get("/admin/comments/" + c.id()).statusCode()).isEqualTo(403);
        assertThat(author.postRaw("/admin/comments", "csrf=" + author.csrf + "&action=approve&id=" + c.id()).statusCode()).isEqualTo(403);
        assertThat(author.postForm("/admin/comments/" + c.id() + "/ban", Map.of("what", "email")).statusCode()).isEqualTo(403);
        assertThat(stored(c.id()).status()).isEqualTo(CommentStatus.PENDING);
        assertThat(author.page("/admin/").select(".admin-nav a").eachText()).doesNotContain("Commenti");

        StaffClient editor = StaffClient.signedIn(site, "ettore@example.org", PASSWORD);
        assertThat(editor.get("/admin/comments").statusCode()).isEqualTo(200);
        assertThat(editor.get("/admin/settings").statusCode()).isEqualTo(403);
        assertThat(editor.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(editor.page("/admin/").select(".admin-nav a").eachText()).contains("Commenti").doesNotContain("Impostazioni", "Utenti");
    }

    @Test
    void anActionWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        CommentRecord c = held("Un commento che un sito estraneo vorrebbe approvare.");
        StaffClient m = moderator();
        assertThat(m.post("/admin/comments", Map.of("action", "approve", "id", String.valueOf(c.id()))).statusCode()).isEqualTo(403);
        assertThat(m.post("/admin/comments", Map.of("action", "approve", "id", String.valueOf(c.id()), "csrf", "forged"))
                .statusCode()).isEqualTo(403);
        assertThat(m.post("/admin/comments/" + c.id() + "/edit", Map.of("author", "x", "comment", "y")).statusCode()).isEqualTo(403);
        assertThat(m.post("/admin/comments/" + c.id() + "/reply", Map.of("reply", "y")).statusCode()).isEqualTo(403);
        assertThat(m.post("/admin/comments/" + c.id() + "/ban", Map.of("what", "network")).statusCode()).isEqualTo(403);
        assertThat(stored(c.id()).status()).isEqualTo(CommentStatus.PENDING);
        assertThat(stored(c.id()).bodyRaw()).isEqualTo("Un commento che un sito estraneo vorrebbe approvare.");
        // every form of the queue and of a comment's page carries the token
        for (String path : List.of("/admin/comments", "/admin/comments/" + c.id())) {
            Document d = m.page(path);
            assertThat(d.select("form[method=post]")).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.select("input[name=csrf]").val()).isEqualTo(m.csrf));
        }
    }

    // --- spam3 ---
    @Test
    void theQueueNamesThePatternsOfCommentSpamInWords() {
        site.site().settings.update(Map.of("spam.discard_at", "1")); // keep it, to read it
        try {
            CommentRecord c = held("Complimenti! Iscrivetevi al mio canale, faccio sub4sub con tutti");
            assertThat(c.reasons()).as(c.reasons().toString()).contains("patterns subscribe-me");
            String tab = c.status() == CommentStatus.SPAM ? "spam" : "pending";
            Element item = moderator().page("/admin/comments?status=" + tab).selectFirst("#comment-" + c.id());
            assertThat(item).isNotNull();
            assertThat(item.text()).contains("modi di scrivere tipici dei commenti spam: chiede ai lettori di iscriversi o di seguirlo");
            site.site().settings.update(Map.of("locale", "en"));
            Element en = moderator().page("/admin/comments?status=" + tab).selectFirst("#comment-" + c.id());
            assertThat(en.text()).contains("patterns of comment spam: asks readers to subscribe to or follow them");
        } finally {
            site.site().settings.update(Map.of("locale", "it", "spam.discard_at", "0.98"));
        }
    }
}
