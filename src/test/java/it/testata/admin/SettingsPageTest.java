package it.testata.admin;

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings page: every setting shown with its value, saved in one go, or refused with 422 and nothing lost. */
class SettingsPageTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, PASSWORD.toCharArray());
        site.site().accounts.add("ettore@example.org", "Ettore Sala", Role.EDITOR, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** The form as the page serves it: every field's name and value. */
    static Map<String, String> formOf(Document d) {
        Map<String, String> fields = new LinkedHashMap<>();
        Element form = d.selectFirst("form.settings");
        for (Element e : form.select("input[name], textarea[name], select[name]")) {
            String v = e.tagName().equals("select") ? e.select("option[selected]").val()
                    : e.tagName().equals("textarea") ? e.wholeText() : e.val();
            fields.put(e.attr("name"), v);
        }
        return fields;
    }

    @Test
    void everySettingIsShownWithALabelAndSavingRedirectsWithANoticeAndChangesTheSite() {
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        Document d = ada.page("/admin/settings");
        Map<String, String> fields = formOf(d);
        assertThat(fields).containsKeys("site_name", "tagline", "locale", "timezone", "base_url", "social.facebook",
                "social.mastodon", "comments.moderation", "comments.close_after_days", "comments.thread_depth",
                "comments.max_text", "comments.flood_seconds", "spam.hold_at", "spam.spam_at", "spam.discard_at",
                "spam.max_links", "spam.disallowed_words", "spam.disallowed_domains", "spam.blocked_emails",
                "spam.blocked_email_domains", "spam.blocked_networks");
        assertThat(fields.get("timezone")).isEqualTo("Europe/Rome");
        assertThat(fields.get("comments.moderation")).isEqualTo("first");
        assertThat(fields.get("spam.max_links")).isEqualTo("2");
        for (Element input : d.select("form.settings input:not([type=hidden]), form.settings textarea, form.settings select")) {
            assertThat(d.select("label[for=" + input.id() + "]")).as(input.attr("name")).hasSize(1);
        }

        fields.put("site_name", "La Gazzetta del Borgo");
        fields.put("tagline", "Notizie dal paese");
        fields.put("comments.thread_depth", "3");
        fields.put("spam.max_links", "4");
        fields.put("spam.blocked_networks", "203.0.113.0/24\r\n2001:db8::/48");
        fields.put("social.mastodon", "https://mastodon.example/@borgo");
        HttpResponse<String> r = ada.postForm("/admin/settings", fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/settings?saved=1");
        assertThat(ada.page("/admin/settings?saved=1").select(".notice").text()).isEqualTo("Impostazioni salvate.");
        var now = site.site().settings.current();
        assertThat(now.siteName()).isEqualTo("La Gazzetta del Borgo");
        assertThat(now.comments().threadDepth()).isEqualTo(3);
        assertThat(now.spam().maxLinks()).isEqualTo(4);
        assertThat(now.spam().blockedNetworks()).containsExactly("203.0.113.0/24", "2001:db8::/48");
        assertThat(site.get("/").body()).contains("La Gazzetta del Borgo").contains("https://mastodon.example/@borgo");
        assertThat(formOf(ada.page("/admin/settings")).get("spam.blocked_networks")).isEqualTo("203.0.113.0/24\n2001:db8::/48");
    }

    @Test
    void badValuesAreRefusedWith422EveryValueKeptAndAMessageBesideEachWrongField() {
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        String before = site.site().settings.current().siteName();
        Map<String, String> fields = formOf(ada.page("/admin/settings"));
        fields.put("site_name", "Un nome nuovo che non deve essere salvato");
        fields.put("timezone", "Europa/Roma");
        fields.put("base_url", "www.esempio.it");
        fields.put("comments.thread_depth", "tre");
        fields.put("spam.hold_at", "1.5");
        fields.put("comments.max_text", "0");
        fields.put("spam.blocked_networks", "203.0.113.0/24\nnon-una-rete");
        fields.put("locale", "fr");
        HttpResponse<String> r = ada.postForm("/admin/settings", fields);
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("[role=alert]").text()).contains("Alcuni campi non vanno bene");
        Map<String, String> kept = formOf(d);
        assertThat(kept.get("site_name")).isEqualTo("Un nome nuovo che non deve essere salvato");
        assertThat(kept.get("timezone")).isEqualTo("Europa/Roma");
        assertThat(kept.get("comments.thread_depth")).isEqualTo("tre");
        assertThat(kept.get("spam.blocked_networks")).isEqualTo("203.0.113.0/24\nnon-una-rete");
        assertThat(error(d, "timezone")).isEqualTo("Non è un fuso orario: scrivilo come Europe/Rome.");
        assertThat(error(d, "base_url")).contains("http://");
        assertThat(error(d, "comments.thread_depth")).isEqualTo("Scrivi un numero intero.");
        assertThat(error(d, "spam.hold_at")).contains("fra 0 e 1");
        assertThat(error(d, "spam.blocked_networks")).contains("«non-una-rete»");
        assertThat(error(d, "locale")).isEqualTo("Scegli italiano o inglese.");
        assertThat(error(d, "comments.max_text")).isEqualTo("Scrivi un numero intero fra 1 e 100000.");
        assertThat(d.select(".field-error")).hasSize(7);
        assertThat(d.selectFirst("select[name=timezone]").attr("aria-invalid")).isEqualTo("true");
        assertThat(site.site().settings.current().siteName()).isEqualTo(before);

        Map<String, String> order = formOf(ada.page("/admin/settings"));
        order.put("spam.hold_at", "0.8");
        order.put("spam.spam_at", "0.6");
        HttpResponse<String> unordered = ada.postForm("/admin/settings", order);
        assertThat(unordered.statusCode()).isEqualTo(422);
        assertThat(error(Jsoup.parse(unordered.body()), "spam.spam_at")).contains("in ordine");
    }

    @Test
    void onlyAdministratorsReachTheSettingsAndAFormWithoutTheTokenIsRefused() {
        StaffClient editor = StaffClient.signedIn(site, "ettore@example.org", PASSWORD);
        assertThat(editor.get("/admin/settings").statusCode()).isEqualTo(403);
        assertThat(editor.postForm("/admin/settings", Map.of("site_name", "Preso")).statusCode()).isEqualTo(403);
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        assertThat(ada.post("/admin/settings", Map.of("site_name", "Preso")).statusCode()).isEqualTo(403);
        assertThat(site.site().settings.current().siteName()).isNotEqualTo("Preso");
        assertThat(new StaffClient(site).get("/admin/settings").statusCode()).isEqualTo(303);
    }

    private static String error(Document d, String field) {
        Element input = d.selectFirst("[name=\"" + field + "\"]");
        return d.select("#" + input.id() + "-error").text();
    }
}
