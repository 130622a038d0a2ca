package it.testata.spam;

import it.testata.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamEvalCommandTest {
    static final Path FIXTURES = SpamModelTest.FIXTURES;

    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Run run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void fixtureGivesKnownFigures() {
        // Test set: 3 ham, 3 spam. Trained as a site is (each comment learned once), every ham scores below 0.001,
        // two spams above 0.9999, and the third (no word in common with training) 0.515: held, not blocked. So at
        // every threshold from 0.7 to 0.99 TP=2 FN=1 FP=0 TN=3: precision 1, recall 2/3, F1 = 4/5,
        // MCC = (2*3 - 0)/sqrt(2*3*3*4) = 6/sqrt(72) = 0.7071; at 0.5 all three spams are caught.
        Run r = run("spam-eval", "--train", FIXTURES.resolve("train.tsv").toString(),
                "--test", FIXTURES.resolve("test.tsv").toString(), "--no-starter", "--threshold-report");
        assertEquals(0, r.code(), r.err());
        String expected = "precision=1.0000 recall=0.6667 f1=0.8000 mcc=0.7071 ham_blocked=0.0000 spam_caught=0.6667 n=6";
        assertEquals(expected, r.lastLine());
        assertEquals(9, r.out().strip().split("\n").length, r.out());
        assertTrue(r.out().contains("threshold=0.70 " + expected), r.out());
        assertTrue(r.out().contains("threshold=0.50 precision=1.0000 recall=1.0000 f1=1.0000 mcc=1.0000 ham_blocked=0.0000 "
                + "spam_caught=1.0000 n=6"), r.out());
        assertTrue(!r.err().contains("starter"), r.err());
    }

    @Test
    void aStarterBuiltFromTheTrainingFileAloneGivesTheSameVerdicts(@TempDir Path dir) {
        // spam-starter writes what a model trained on train.tsv knows; starting from it and learning train.tsv
        // again scores the same test comments on the same side of every threshold (the known figures above).
        Path starter = dir.resolve("starter.bin.gz");
        Run built = run("spam-starter", "--min-count", "1", "--out", starter.toString(), FIXTURES.resolve("train.tsv").toString());
        assertEquals(0, built.code(), built.err());
        assertTrue(built.out().contains("10 comments learned"), built.out());
        Run r = run("spam-eval", "--train", FIXTURES.resolve("train.tsv").toString(),
                "--test", FIXTURES.resolve("test.tsv").toString(), "--starter", starter.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("precision=1.0000 recall=0.6667 f1=0.8000 mcc=0.7071 ham_blocked=0.0000 spam_caught=0.6667 n=6", r.lastLine());
    }

    @Test
    void theShippedStarterTakesPartUnlessNoStarter() {
        Run r = run("spam-eval", "--train", FIXTURES.resolve("train.tsv").toString(),
                "--test", FIXTURES.resolve("test.tsv").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.err().contains("no starter"), r.err());
        assertTrue(StarterModel.shipped() != null && StarterModel.shipped().size() > 10_000, "the jar ships a starter model");
        Run both = run("spam-eval", "--starter", "x", "--no-starter", "--folds", "2", FIXTURES.resolve("train.tsv").toString());
        assertEquals(2, both.code());
    }

    @Test
    void foldsOnTheTrainingFixture() {
        Run r = run("spam-eval", "--folds", "2", FIXTURES.resolve("train.tsv").toString(), "--no-starter", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.lastLine().matches("precision=\\d\\.\\d{4} recall=\\d\\.\\d{4} f1=\\d\\.\\d{4} mcc=-?\\d\\.\\d{4} "
                + "ham_blocked=\\d\\.\\d{4} spam_caught=\\d\\.\\d{4} n=10"), r.lastLine());
    }

    @Test
    void badFileNamesFileAndLine() {
        Path bad = FIXTURES.resolve("bad-label.tsv");
        Run r = run("spam-eval", "--train", FIXTURES.resolve("train.tsv").toString(), "--test", bad.toString(), "--no-starter");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ":3:"), r.err());
    }

    @Test
    void missingColumnsAndHeader(@TempDir Path dir) throws Exception {
        Path noHeader = Files.writeString(dir.resolve("a.tsv"), "spam\t\tbuy now\n");
        Run r = run("spam-eval", "--folds", "2", noHeader.toString(), "--no-starter");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(noHeader + ":1:"), r.err());
        Path short_ = Files.writeString(dir.resolve("b.tsv"), "label\tauthor\ttext\nham\tAnna\tok\nspam only two\n");
        r = run("spam-eval", "--folds", "2", short_.toString(), "--no-starter");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(short_ + ":3:"), r.err());
        r = run("spam-eval", "--folds", "2", dir.resolve("missing.tsv").toString(), "--no-starter");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing.tsv"), r.err());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("spam-eval", "--no-starter").code());
        assertEquals(2, run("spam-eval", "--train", FIXTURES.resolve("train.tsv").toString(), "--no-starter").code());
        assertEquals(2, run("spam-eval", "--folds", "1", FIXTURES.resolve("train.tsv").toString(), "--no-starter").code());
        assertEquals(2, run("spam-eval", "--folds", "x", FIXTURES.resolve("train.tsv").toString()).code());
    }

    @Test
    void leaveOneGroupOutGivesALineForEachGroupAndChecksTheGroupFile(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("c.tsv"), groups = dir.resolve("c.groups");
        StringBuilder c = new StringBuilder("label\tauthor\ttext\n"), g = new StringBuilder();
        for (String video : new String[] {"uno", "due"}) {
            for (int i = 0; i < 4; i++) {
                c.append("spam\t\tcheck out my channel ").append(video).append(i).append(" and subscribe to me\n");
                c.append("ham\t\tgreat song about the ").append(video).append(" video, number ").append(i).append("\n");
                g.append(video).append("\n").append(video).append("\n");
            }
        }
        java.nio.file.Files.writeString(corpus, c);
        java.nio.file.Files.writeString(groups, g);
        Run r = run("spam-eval", "--groups", groups.toString(), corpus.toString(), "--no-starter");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("group uno: spam_caught="), r.out());
        assertTrue(r.out().contains("group due: spam_caught="), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("verdicts: ") && l.endsWith("spam=8 ham=8")), r.out());
        assertTrue(r.lastLine().endsWith("n=16"), r.out());

        java.nio.file.Files.writeString(groups, "uno\ndue\n");
        Run wrong = run("spam-eval", "--groups", groups.toString(), corpus.toString(), "--no-starter");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("2 groups for the 16 comments"), wrong.err());
        assertEquals(2, run("spam-eval", "--groups", groups.toString(), "--folds", "2", corpus.toString()).code());
    }
}
