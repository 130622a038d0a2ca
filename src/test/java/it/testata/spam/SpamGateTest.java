package it.testata.spam;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate between the classifier's probability and its verdict: a link-free, contact-free comment is never
 * discarded by the classifier alone, however much the site has learned; on a new site such a comment is held only
 * when the classifier would have blocked it.
 */
class SpamGateTest {
    static final String[] TOWN = "piazza mercato sindaco fontana ponte scuola estate festa teatro biblioteca autobus".split(" ");
    static final String[] WORDS = "zorblax quintor velmar drovik ostrana plenix".split(" ");

    static String sentence(Random r, String[] words, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(words[r.nextInt(words.length)]).append(' ');
        return sb.toString().strip();
    }

    @Test
    void aTrainedSiteSendsToSpamButNeverDiscardsACommentWithoutEvidenceOfAPitch() {
        // a site past SpamGate.TAUGHT whose moderators marked word-only spam: its words alone reach the discard threshold
        SpamModel site = new SpamModel();
        Random r = new Random(7);
        for (int i = 0; i < 1500; i++) site.learn(new SpamInput("Lettore " + i, "", "", sentence(r, TOWN, 12), "").features(), false);
        for (int i = 0; i < 1000; i++) site.learn(new SpamInput("", "", "", sentence(r, WORDS, 8), "").features(), true);
        long learned = site.spamLearned() + site.hamLearned();
        assertThat(learned).isGreaterThanOrEqualTo(SpamGate.TAUGHT);
        SpamClassifier classifier = new SpamClassifier(StarterModel.shipped(), site);

        SpamInput words = new SpamInput("Anna", "", "", "zorblax quintor velmar drovik ostrana", "");
        Signals plain = words.signals();
        double p = classifier.score(words.features(), plain);
        assertThat(p).isGreaterThanOrEqualTo(Verdict.DISCARD_AT);
        assertThat(plain.strong()).isFalse();
        assertThat(SpamGate.lowered(Verdict.DISCARD, plain, learned)).isEqualTo("no-discard");
        assertThat(SpamGate.verdict(p, plain, learned)).isEqualTo(Verdict.SPAM);

        // with a link the classifier's verdict stands
        SpamInput link = new SpamInput("Anna", "", "", "zorblax quintor velmar https://zorblax.example.biz/x", "");
        Signals pitch = link.signals();
        assertThat(pitch.strong()).isTrue();
        assertThat(SpamGate.verdict(classifier.score(link.features(), pitch), pitch, learned)).isEqualTo(Verdict.DISCARD);
    }

    @Test
    void aNewSiteHoldsACommentWithoutEvidenceOnlyWhenTheClassifierWouldHaveBlockedIt() {
        Signals plain = new SpamInput("Anna", "", "", "Bella partita ieri sera, peccato per il rigore.", "").signals();
        Signals link = new SpamInput("Anna", "", "", "Bella partita ieri sera: https://example.org/tabellino", "").signals();
        assertThat(SpamGate.verdict(0.7, plain, 10)).isEqualTo(Verdict.APPROVE);
        assertThat(SpamGate.verdict(0.7, link, 10)).isEqualTo(Verdict.HOLD);
        assertThat(SpamGate.verdict(0.95, plain, 10)).isEqualTo(Verdict.HOLD);
        assertThat(SpamGate.lowered(Verdict.SPAM, plain, 10)).isEqualTo("no-evidence");
        // a trained site holds from spam.hold_at as before
        assertThat(SpamGate.verdict(0.7, plain, SpamGate.TAUGHT)).isEqualTo(Verdict.HOLD);
    }

    // --- spam5 ---
    @Test
    void aPitchBeyondAPlainLinkGoesToSpamFromALowerThreshold() {
        it.testata.settings.SpamSettings shipped = it.testata.settings.SpamSettings.defaults();
        assertThat(SpamGate.pitchAt(shipped)).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-9));
        Signals solicit = new SpamInput("Anna", "", "", "Bel video, passate dal mio canale e iscrivetevi!", "").signals();
        Signals link = new SpamInput("Anna", "", "", "Bella partita ieri sera: https://tabellini.example.net/partita", "").signals();
        assertThat(solicit.pitch()).isTrue();
        assertThat(link.strong()).isTrue();
        assertThat(link.pitch()).isFalse();
        assertThat(SpamGate.verdict(0.7, solicit, 10)).isEqualTo(Verdict.SPAM);
        assertThat(SpamGate.verdict(0.55, solicit, 10)).isEqualTo(Verdict.HOLD);
        assertThat(SpamGate.verdict(0.7, link, 10)).isEqualTo(Verdict.HOLD);
        // a phone number alone is evidence, not a pitch: a reader may quote the town hall's
        Signals phone = new SpamInput("Anna", "", "", "Vergogna! Ho chiamato il comune allo 0761 123456 e nessuno risponde!", "").signals();
        assertThat(phone.strong()).isTrue();
        assertThat(phone.pitch()).isFalse();
        assertThat(SpamGate.verdict(0.7, phone, 10)).isEqualTo(Verdict.HOLD);
        // the same step in log-odds below a stricter or a more lenient spam.spam_at, never below spam.hold_at
        it.testata.settings.SpamSettings lenient = it.testata.settings.SpamSettings.fromRows(java.util.Map.of("spam.spam_at", "0.99"));
        assertThat(SpamGate.pitchAt(lenient)).isBetween(0.94, 0.95);
        it.testata.settings.SpamSettings strict = it.testata.settings.SpamSettings.fromRows(java.util.Map.of("spam.hold_at", "0.7"));
        assertThat(SpamGate.pitchAt(strict)).isEqualTo(0.7);
    }

    @Test
    void aLinkToAnEverydaySiteIsNoEvidence() {
        Signals everyday = new SpamInput("Anna", "", "", "La voce su Galileo: https://it.wikipedia.org/wiki/Galileo_Galilei", "").signals();
        assertThat(everyday.everydayLinkOnly()).isTrue();
        // so is a newspaper's, or a public institution's (a town hall, a ministry)
        for (String url : new String[] {"https://www.ilpost.it/2026/12/01/bilancio/", "https://albo.comune.example.it/atti/delibera.pdf",
                "https://www.interno.gov.it/it/notizie"}) {
            assertThat(new SpamInput("Anna", "", "", "Ecco: " + url, "").signals().everydayLinkOnly()).as(url).isTrue();
        }
        assertThat(new SpamInput("Anna", "", "", "Ecco: https://offerte.example.biz/sconti", "").signals().everydayLinkOnly()).isFalse();
        assertThat(SpamGate.lowered(Verdict.SPAM, everyday, 10)).isEqualTo("no-evidence");
        // on a trained site (since spam6) it weighs as the words alone: held below WORDS_AT, Spam only when all but certain
        assertThat(SpamGate.lowered(Verdict.SPAM, everyday, 0.99, SpamGate.TAUGHT)).isEqualTo("words-only");
        assertThat(SpamGate.verdict(0.95, everyday, SpamGate.TAUGHT)).isEqualTo(Verdict.HOLD);
        assertThat(SpamGate.verdict(0.9995, everyday, SpamGate.TAUGHT)).isEqualTo(Verdict.SPAM);
        // a link to another host is evidence: the trained site's verdict stands
        Signals other = new SpamInput("Anna", "", "", "Ecco: https://offerte.example.biz/sconti", "").signals();
        assertThat(SpamGate.verdict(0.95, other, SpamGate.TAUGHT)).isEqualTo(Verdict.SPAM);
    }

    @Test
    void aTrainedSitesWordsAloneSendToSpamOnlyWhenAllButCertain() {
        Signals plain = new SpamInput("Anna", "", "", "Bella partita ieri sera, peccato per il rigore.", "").signals();
        long trained = SpamGate.TAUGHT;
        // sure enough to block by the thresholds, not all but certain: held, reason words-only
        assertThat(SpamGate.lowered(Verdict.SPAM, plain, 0.95, trained)).isEqualTo("words-only");
        assertThat(SpamGate.verdict(0.95, plain, trained)).isEqualTo(Verdict.HOLD);
        assertThat(SpamGate.verdict(0.995, plain, trained)).isEqualTo(Verdict.HOLD);
        // all but certain: Spam (never discarded without evidence)
        assertThat(SpamGate.verdict(0.9995, plain, trained)).isEqualTo(Verdict.SPAM);
        // with a pitch the classifier's verdict stands
        Signals pitch = new SpamInput("Anna", "", "", "Bella partita, scrivetemi su WhatsApp per i pronostici.", "").signals();
        assertThat(SpamGate.verdict(0.95, pitch, trained)).isEqualTo(Verdict.SPAM);
    }
}
