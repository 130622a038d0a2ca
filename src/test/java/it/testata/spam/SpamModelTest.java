package it.testata.spam;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamModelTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "spam");

    @Test
    void learnsTheFixture() throws Exception {
        SpamModel model = SpamEvaluation.train(LabelledFile.read(FIXTURES.resolve("train.tsv")), 1, SpamEvaluation.STARTER_EPOCHS);
        List<Labelled> test = LabelledFile.read(FIXTURES.resolve("test.tsv"));
        // The hams share their words with the training hams, two spams share words and domains with the training
        // spams; the third spam shares nothing but "links:0", which only hams had, so it passes as ham.
        double[] p = new double[test.size()];
        for (int i = 0; i < p.length; i++) p[i] = model.score(test.get(i).features());
        for (int i = 0; i < 3; i++) assertTrue(p[i] < 0.2, "ham " + i + ": " + p[i]);
        assertTrue(p[3] >= 0.99, "spam 3: " + p[3]);
        assertTrue(p[4] >= 0.99, "spam 4: " + p[4]);
        assertTrue(p[5] < 0.5, "unseen spam: " + p[5]);
        assertEquals(4, model.spamLearned());
        assertEquals(6, model.hamLearned());
    }

    @Test
    void oneLearningStepMovesTheScore() {
        SpamModel model = new SpamModel();
        Features f = Tokenizer.features("win a free prize at http://prize.example.com");
        assertEquals(0.5, model.score(f), 1e-12);
        model.learn(f, true);
        double after = model.score(f);
        assertTrue(after > 0.5, "after one spam step: " + after);
        model.learn(f, false);
        model.learn(f, false);
        assertTrue(model.score(f) < after);
    }

    @Test
    void theStartersWordsMoveItsMarginByAtMostTheCap() throws Exception {
        List<Labelled> corpus = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            corpus.add(new Labelled(true, "", "zorblax wonder pills tonight " + i));
            corpus.add(new Labelled(false, "", "the council budget vote was fair " + i));
        }
        Features f = Tokenizer.features("zorblax wonder pills tonight");
        SpamModel site = SpamEvaluation.train(corpus, 1, SpamEvaluation.STARTER_EPOCHS);
        SpamModel.Parts uncapped = site.parts(f);
        assertTrue(uncapped.words() > SpamModel.WORD_CAP, "a site's own words are not capped: " + uncapped.words());
        assertEquals(uncapped.total(false), site.margin(f), 1e-9);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StarterModel.write(SpamEvaluation.trainStarter(corpus, 1), 1, bytes);
        StarterModel starter = StarterModel.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        SpamModel.Parts parts = starter.parts(f);
        assertTrue(parts.words() > SpamModel.WORD_CAP, "the words say spam: " + parts.words());
        assertEquals(parts.other() + SpamModel.WORD_CAP, starter.margin(f), 1e-6);
        // on a new site, with no other evidence, the starter's words alone do not reach Spam
        double p = new SpamClassifier(starter, new SpamModel()).score(Tokenizer.features("zorblax wonder pills"));
        assertTrue(p < Verdict.SPAM_AT, "words alone: " + p);
    }

    @Test
    void learnsALanguageWithoutSpaces() {
        SpamModel model = new SpamModel();
        String[] spam = {"今すぐ無料でお金を稼ぐ方法はこちら", "無料で稼ぐ副業、今すぐ登録", "簡単にお金を稼ぐ、無料登録はこちら"};
        String[] ham = {"記事を読みました。市議会の予算について分かりやすいです", "市長へのインタビューは公平でした",
                "路面電車の新しい路線の説明をありがとうございます"};
        for (int pass = 0; pass < 6; pass++) {
            for (String t : spam) model.learn(Tokenizer.features(t), true);
            for (String t : ham) model.learn(Tokenizer.features(t), false);
        }
        double p = model.score(Tokenizer.features("無料でお金を稼ぐならこちら"));
        double q = model.score(Tokenizer.features("市議会の予算の記事、分かりやすかったです"));
        assertTrue(p > 0.5 && q < 0.5, "spam " + p + ", ham " + q);
    }

    @Test
    void verdicts() {
        assertEquals(Verdict.DISCARD, Verdict.of(0.99));
        assertEquals(Verdict.SPAM, Verdict.of(0.9));
        assertEquals(Verdict.HOLD, Verdict.of(0.5));
        assertEquals(Verdict.APPROVE, Verdict.of(0.49));
        assertTrue(Verdict.SPAM.blocks() && Verdict.DISCARD.blocks() && !Verdict.HOLD.blocks());
    }

    @Test
    void metricsByHand() {
        // 2 spam caught, 1 missed, 1 ham blocked, 4 ham passed.
        List<SpamMetrics.Scored> s = List.of(new SpamMetrics.Scored(true, 0.95), new SpamMetrics.Scored(true, 0.99),
                new SpamMetrics.Scored(true, 0.6), new SpamMetrics.Scored(false, 0.91), new SpamMetrics.Scored(false, 0.1),
                new SpamMetrics.Scored(false, 0.2), new SpamMetrics.Scored(false, 0.3), new SpamMetrics.Scored(false, 0.89));
        // mcc = (2*4 - 1*1) / sqrt(3*3*5*5) = 7/15
        assertEquals("precision=0.6667 recall=0.6667 f1=0.6667 mcc=0.4667 ham_blocked=0.2000 spam_caught=0.6667 n=8",
                SpamMetrics.at(s, Verdict.SPAM_AT).line());
    }
}
