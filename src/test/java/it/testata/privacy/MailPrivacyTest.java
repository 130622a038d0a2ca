package it.testata.privacy;

import it.testata.contact.ContactForm;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy tools reach what the mail feature keeps about an address: its newsletter subscription (with the proof
 * of consent) and the messages it sent through the contact form, matched ignoring case; erasure removes both and
 * leaves other readers' data alone.
 */
class MailPrivacyTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void exportAndEraseCoverSubscriptionsAndContactMessages() {
        var s = site.site();
        s.newsletter.importLines(List.of("Lettrice.Forte@Example.org,Lettrice", "altro@example.org,Altro"), true, "198.51.100.0");
        s.contact.submit(new ContactForm("Lettrice", "lettrice.forte@example.org", "Una domanda", "Quando esce il numero?", "", ""),
                s.settings.current(), "203.0.113.0/24", "http://localhost/admin/");
        s.contact.submit(new ContactForm("Altro", "altro@example.org", "Altro", "Un altro messaggio.", "", ""),
                s.settings.current(), "203.0.114.0/24", "http://localhost/admin/");

        Map<String, Integer> counts = s.privacy.counts("LETTRICE.forte@example.org");
        assertThat(counts).containsEntry("newsletter", 1).containsEntry("messages", 1);

        Map<String, Object> export = s.privacy.export("lettrice.forte@example.org", PrivacyService.Actor.CLI);
        assertThat(export.get("newsletter").toString()).contains("198.51.100.0").containsIgnoringCase("lettrice.forte@example.org");
        assertThat(export.get("messages").toString()).contains("Quando esce il numero?");

        s.privacy.erase("lettrice.forte@example.org", false, PrivacyService.Actor.CLI);
        assertThat(s.privacy.counts("lettrice.forte@example.org")).containsEntry("newsletter", 0).containsEntry("messages", 0);
        assertThat(s.privacy.counts("altro@example.org")).containsEntry("newsletter", 1).containsEntry("messages", 1);
    }
}
