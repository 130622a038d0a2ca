package it.testata.admin;

import it.testata.account.Role;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static it.testata.admin.SettingsPageTest.formOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings page in words: the time zone chosen from a list grouped by region, and the spam filter's strictness
 * as prudente / equilibrata / severa setting the three thresholds, whose numbers stay editable in an advanced
 * section ("personalizzata" when they match no level).
 */
class SettingsInWordsTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theTimeZoneIsChosenFromAListGroupedByRegion() {
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        Document d = ada.page("/admin/settings");
        assertThat(d.select("select[name=timezone] optgroup").eachAttr("label")).contains("Europe", "America", "Asia");
        assertThat(d.selectFirst("select[name=timezone] option[selected]").val()).isEqualTo("Europe/Rome");
        assertThat(d.selectFirst("select[name=timezone] optgroup[label=America] option[value=America/New_York]").text())
                .isEqualTo("New York");
        Map<String, String> fields = formOf(d);
        fields.put("timezone", "America/New_York");
        assertThat(ada.postForm("/admin/settings", fields).statusCode()).isEqualTo(303);
        assertThat(site.site().settings.current().zone()).isEqualTo(ZoneId.of("America/New_York"));
        fields.put("timezone", "Europe/Rome");
        assertThat(ada.postForm("/admin/settings", fields).statusCode()).isEqualTo(303);
    }

    @Test
    void aStrictnessInWordsSetsTheThresholdsAndTheNumbersStayEditable() {
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        Document d = ada.page("/admin/settings");
        assertThat(d.selectFirst("select[name='spam.strictness'] option[selected]").val()).isEqualTo("equilibrata");
        assertThat(d.selectFirst("details.advanced").hasAttr("open")).isFalse();
        assertThat(d.select("details.advanced input").eachAttr("name")).containsExactly("spam.hold_at", "spam.spam_at", "spam.discard_at");

        Map<String, String> fields = formOf(d);
        fields.put("spam.strictness", "severa");
        assertThat(ada.postForm("/admin/settings", fields).statusCode()).isEqualTo(303);
        var spam = site.site().settings.current().spam();
        assertThat(new double[] {spam.holdAt(), spam.spamAt(), spam.discardAt()}).containsExactly(0.35, 0.75, 0.9);
        assertThat(ada.page("/admin/settings").selectFirst("select[name='spam.strictness'] option[selected]").val())
                .isEqualTo("severa");

        // the numbers typed in the advanced section, the level left as it was: they count, and the level reads "custom"
        fields = formOf(ada.page("/admin/settings"));
        fields.put("spam.hold_at", "0.45");
        assertThat(ada.postForm("/admin/settings", fields).statusCode()).isEqualTo(303);
        assertThat(site.site().settings.current().spam().holdAt()).isEqualTo(0.45);
        Document custom = ada.page("/admin/settings");
        assertThat(custom.selectFirst("select[name='spam.strictness'] option[selected]").val()).isEqualTo("custom");
        assertThat(custom.selectFirst("details.advanced").hasAttr("open")).isTrue();

        fields = formOf(custom);
        fields.put("spam.strictness", "equilibrata");
        assertThat(ada.postForm("/admin/settings", fields).statusCode()).isEqualTo(303);
        spam = site.site().settings.current().spam();
        assertThat(new double[] {spam.holdAt(), spam.spamAt(), spam.discardAt()}).containsExactly(0.5, 0.9, 0.98);
    }
}
