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
                "in tema con l'articolo, senza contatti né inviti e al più con un semplice link: il classificatore da solo lo trattiene, non lo manda mai nello spam",
                "nessun link, contatto o sollecitazione, e il filtro ha imparato da 12 commenti su 2000: il classificatore da solo lo trattiene",
                "3 commenti approvati da questo indirizzo email o sito web",
                "2 commenti nello spam da questo indirizzo email o sito web",
                "indizi: some-future-sign");
        assertThat(ReasonText.of(LINES, Messages.of(Locale.ENGLISH)).stream().map(ReasonText::text)).containsExactly(
                "signs: a link shortener, a phone number, an invitation (check out, subscribe, contact me), on the article's topic",
                "on the article's topic, with no contact nor solicitation and at most a plain link: the classifier alone holds it, never sends it to Spam",
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

    // --- spam5 ---
    @Test
    void thePitchRuleAndTheNewPatternsReadAsSentences() {
        reads(List.of("words-only", "signals keyword", "patterns opt-out,premium-rate"), List.of(
                "nessun link, contatto o invito: le sole parole del sito non bastano a mandarlo nello Spam, quindi è trattenuto",
                "indizi: una parola da rimandare indietro («rispondi VINCI», «manda SI al 48800»)",
                "modi di scrivere tipici dei commenti spam: come fermare un messaggio di massa («rispondi STOP»), una tariffa a pagamento per rispondere («1,50 € a messaggio»)"), List.of(
                "no link, contact or solicitation: the site's words alone are not sure enough to send it to Spam, so it is held",
                "signs: a keyword to send back (\"reply WIN\", \"text YES to 80086\")",
                "patterns of comment spam: how to stop a bulk message (\"reply STOP to end\"), a premium rate for answering (\"150p/msg\")"));
        reads(List.of("pitch 0.60", "patterns ask-subscribe,return-testimony,call-number,prize-claim"), List.of(
                "una proposta che va oltre un semplice link (una sollecitazione, un contatto, un link nascosto o accorciato, uno schema tipico dello spam nei commenti): va nello Spam da probabilità 0.60",
                "modi di scrivere tipici dei commenti spam: chiede ai lettori di iscriversi («per favore iscrivetevi»), una testimonianza di guadagni da un investimento o ottenuti con qualcuno («ho investito 1.000 $ e ne ho ricevuti 10.400»), un numero da chiamare o a cui scrivere («manda VINCI al 48800»), dice al lettore che ha vinto un premio da riscuotere"), List.of(
                "a pitch beyond a plain link (a solicitation, a contact, a hidden or shortened link, a pattern of comment spam): sent to Spam from probability 0.60",
                "patterns of comment spam: asks readers to subscribe (\"please subscribe\"), a testimony of an investment's return or of money made with someone (\"I invested $1,000 and got $10,400\"), a number to call or text (\"text WIN to 80086\"), tells the reader they have won a prize to claim"));
    }

    // --- spam6 ---
    @Test
    void theSignedTestimonyReadsAsASentence() {
        reads(List.of("patterns signed-testimony"), List.of(
                "modi di scrivere tipici dei commenti spam: una testimonianza che finisce col nome di un account da contattare («mi ha aiutato a guadagnare il doppio, grazie #trader_fx»)"), List.of(
                "patterns of comment spam: a testimony that ends by naming an account to contact (\"she helped me double my savings, thank you @trader_fx\")"));
    }

    /** The lines read as the Italian sentences and as the English ones. */
    static void reads(List<String> lines, List<String> italian, List<String> english) {
        assertThat(ReasonText.of(lines, Messages.of(Locale.ITALIAN)).stream().map(ReasonText::text)).containsExactlyElementsOf(italian);
        assertThat(ReasonText.of(lines, Messages.of(Locale.ENGLISH)).stream().map(ReasonText::text)).containsExactlyElementsOf(english);
    }
}
