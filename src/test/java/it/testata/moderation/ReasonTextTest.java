package it.testata.moderation;

import it.testata.web.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The spam filter's new reasons in words, Italian and English, as the moderation queue shows them. */
class ReasonTextTest {
    static final List<String> LINES = List.of("signals shortener,phone,solicit,on-topic", "topic-only", "no-evidence 12/2000",
            "history-ham 3", "history-spam 2", "signals some-future-sign");

    @Test
    void newReasonsReadAsSentences() {
        assertThat(ReasonText.of(LINES, Messages.of(Locale.ITALIAN)).stream().map(ReasonText::text)).containsExactly(
                "indizi: un accorciatore di link, un numero di telefono, un invito (guarda, iscriviti, contattami), in tema con l'articolo",
                "in tema con l'articolo, senza link né contatti: il classificatore da solo lo trattiene, non lo manda mai nello spam",
                "nessun link, contatto o sollecitazione, e il filtro ha imparato da 12 commenti su 2000: il classificatore da solo lo trattiene",
                "3 commenti approvati da questo indirizzo email o sito web",
                "2 commenti nello spam da questo indirizzo email o sito web",
                "indizi: some-future-sign");
        assertThat(ReasonText.of(LINES, Messages.of(Locale.ENGLISH)).stream().map(ReasonText::text)).containsExactly(
                "signs: a link shortener, a phone number, an invitation (check out, subscribe, contact me), on the article's topic",
                "on the article's topic, with no link nor contact: the classifier alone holds it, never sends it to Spam",
                "no link, contact or solicitation, and the filter has learned from 12 of 2000 comments: the classifier alone holds it",
                "3 approved comments from this email address or website",
                "2 comments in Spam from this email address or website",
                "signs: some-future-sign");
    }

    @Test
    void theMentionAndTheLanguageReadAsSentences() {
        List<String> lines = List.of("signals mention,language");
        assertThat(ReasonText.of(lines, Messages.of(Locale.ITALIAN)).stream().map(ReasonText::text)).containsExactly(
                "indizi: una menzione di un altro utente (@nome), scritto in un'altra lingua da quella del sito (né italiano né inglese)");
        assertThat(ReasonText.of(lines, Messages.of(Locale.ENGLISH)).stream().map(ReasonText::text)).containsExactly(
                "signs: a mention of another user (@name), written in another language than the site's (neither Italian nor English)");
    }

    // --- spam3 ---
    @Test
    void thePatternsAndTheNoDiscardRuleReadAsSentences() {
        List<String> lines = List.of("patterns self-promo,money-contact", "no-discard");
        assertThat(ReasonText.of(lines, Messages.of(Locale.ITALIAN)).stream().map(ReasonText::text)).containsExactly(
                "modi di scrivere tipici dei commenti spam: manda i lettori al proprio canale, pagina o sito («visitate il mio canale»), soldi insieme a un contatto o a una garanzia",
                "nessun link, contatto o invito: il classificatore da solo lo manda nello Spam, non lo butta mai via");
        assertThat(ReasonText.of(lines, Messages.of(Locale.ENGLISH)).stream().map(ReasonText::text)).containsExactly(
                "patterns of comment spam: points readers at their own channel, page or site (\"check out my channel\"), money with a contact or a guarantee",
                "no link, contact or solicitation: the classifier alone sends it to Spam, never throws it away");
    }
}
