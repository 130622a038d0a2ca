package it.testata.spam;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The SMS target on the shared labelled corpora (not in the repository): 10-fold MCC >= 0.93, ham blocked <= 0.3 %. */
class SpamCorporaTest {
    static final Path DATA = Path.of("..", "shared", "data", "spam");

    @Test
    void smsTenFold() throws Exception {
        Path sms = DATA.resolve("sms_spam_collection.tsv");
        assumeTrue(Files.isRegularFile(sms), "skipped: the labelled corpora are not at " + DATA.toAbsolutePath().normalize()
                + " (see docs/SPAM.md)");
        List<SpamMetrics.Scored> scored = SpamEvaluation.folds(LabelledFile.read(sms), 10, 1, null);
        SpamMetrics m = SpamMetrics.at(scored, Verdict.SPAM_AT);
        System.out.println("SMS 10-fold: " + m.line());
        assertTrue(m.mcc() >= 0.93, m.line());
        assertTrue(m.hamBlocked() <= 0.003, m.line());
    }
}
