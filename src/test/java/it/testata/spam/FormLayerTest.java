package it.testata.spam;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The form layer: fitted on topic-free inputs only, shipped in the starter file, and added to the classifier's
 * log-odds so that it lowers a score freely but raises one only when the comment shows a pitch sign; and the cap on
 * how much a site's own words may clear a comment that pitches.
 */
class FormLayerTest {
    static final String[] HAM = "ottimo articolo grazie sindaco piazza mercato festa ponte teatro scuola".split(" ");

    static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(HAM[r.nextInt(HAM.length)]).append(' ');
        return sb.toString().strip();
    }

    /** Ham of town words; spam of the same words with a solicitation: only the form tells them apart. */
    static List<Labelled> corpus() {
        Random r = new Random(3);
        List<Labelled> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) out.add(new Labelled(false, "", words(r, 10)));
        for (int i = 0; i < 150; i++) out.add(new Labelled(true, "", words(r, 6) + " check out my channel"));
        return out;
    }

    @Test
    void learnsFromTheFormNotTheWordsAndTravelsInTheStarterFile() throws Exception {
        List<Labelled> corpus = corpus();
        FormLayer layer = SpamEvaluation.fitForm(corpus);
        assertThat(layer.weights().get("x:solicit")).isGreaterThan(2);
        assertThat(FormLayer.INPUTS).allMatch(name -> name.contains(":")).noneMatch(name -> name.startsWith("g:"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StarterModel.write(SpamEvaluation.trainStarter(corpus, 1), layer, 1, bytes);
        StarterModel read = StarterModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(read.form()).isNotNull();
        assertThat(read.form().bias()).isCloseTo(layer.bias(), within(1e-12));
        assertThat(read.form().weights()).isEqualTo(layer.weights());
        // a starter written without a layer (before spam4) still reads, with none
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        StarterModel.write(SpamEvaluation.trainStarter(corpus, 1), 1, old);
        assertThat(StarterModel.read(new ByteArrayInputStream(old.toByteArray())).form()).isNull();
        // the shipped starter has one, fitted on the public corpora
        assertThat(StarterModel.shipped().form()).isNotNull();
        assertThat(StarterModel.shipped().form().weights().get("x:solicit")).isGreaterThan(1);
    }

    @Test
    void theFormRaisesAScoreOnlyWithAPitchSignAndLowersItAlways() {
        SpamClassifier classifier = new SpamClassifier(StarterModel.shipped(), new SpamModel());
        FormLayer layer = StarterModel.shipped().form();
        // a shouted comment with exclamation marks and a long number: a spam-like form, but no way to be reached
        SpamInput shout = new SpamInput("", "", "", "INCREDIBILE!!! HO VINTO 1000000 ALLA LOTTERIA DEL PAESE!!!", "");
        Features f = shout.features();
        Signals s = shout.signals(f);
        assertThat(s.strong()).isFalse();
        assertThat(layer.margin(f, s)).isGreaterThan(0);
        assertThat(classifier.form(f, s)).isZero();
        // the same form with a link: it counts in full
        SpamInput pitch = new SpamInput("", "", "", "INCREDIBILE!!! HO VINTO 1000000: https://lotteria.example.biz/premio", "");
        Features pf = pitch.features();
        Signals ps = pitch.signals(pf);
        assertThat(ps.strong()).isTrue();
        assertThat(classifier.form(pf, ps)).isEqualTo(layer.margin(pf, ps));
        // a form the layer finds ham-like lowers the score with or without a pitch sign
        SpamInput quiet = new SpamInput("", "", "", "grazie per l'articolo, ci andrò con mia madre giovedì mattina?", "");
        Features qf = quiet.features();
        Signals qs = quiet.signals(qf);
        assertThat(layer.margin(qf, qs)).isLessThan(0);
        assertThat(classifier.form(qf, qs)).isEqualTo(layer.margin(qf, qs));
    }

    @Test
    void aSitesOwnWordsClearACommentThatPitchesByAtMostTheCap() {
        // a site whose moderators approved many comments of these words: alone they say ham, strongly
        SpamModel site = new SpamModel();
        Random r = new Random(5);
        for (int i = 0; i < 600; i++) site.learn(new SpamInput("", "", "", words(r, 10), "").features(), false);
        for (int i = 0; i < 60; i++) site.learn(new SpamInput("", "", "", "offerta imperdibile visita il mio sito", "").features(), true);
        SpamClassifier classifier = new SpamClassifier(null, site);
        SpamInput pitch = new SpamInput("", "", "", words(r, 10) + " https://offerte.example.biz/x", "");
        Features f = pitch.features();
        Signals s = pitch.signals(f);
        assertThat(s.strong()).isTrue();
        SpamModel.Parts parts = site.parts(f);
        assertThat(parts.words()).isLessThan(-SpamClassifier.PITCH_WORD_CAP);
        double logit = Math.log(classifier.score(f, s) / (1 - classifier.score(f, s)));
        // what lowers the score in the site's model (its words and the rest) counts down to the cap, what raises it in full
        double lowers = Math.min(0, parts.other()) + Math.min(0, parts.words());
        assertThat(lowers).isLessThan(-SpamClassifier.PITCH_WORD_CAP);
        double raises = Math.max(0, parts.other()) + Math.max(0, parts.words());
        assertThat(logit).isCloseTo(raises - SpamClassifier.PITCH_WORD_CAP + s.patterns().logOdds(), within(1e-6));
        // without a pitch sign the words count in full
        SpamInput plain = new SpamInput("", "", "", words(r, 10), "");
        Features pf = plain.features();
        Signals ps = plain.signals(pf);
        assertThat(ps.strong()).isFalse();
        assertThat(classifier.score(pf, ps)).isCloseTo(site.score(pf), within(1e-9));
    }
}
