package it.testata.spam;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict figures spam-eval prints: shares by verdict, and the operating curve of the probability alone. */
class OperatingReportTest {
    @Test
    void countsVerdictsAndReadsTheCurveAtTheAllowedHam() {
        List<SpamMetrics.Scored> s = new ArrayList<>();
        // 1,000 ham: one at 0.99 (sent to Spam), four held, the rest low
        s.add(new SpamMetrics.Scored(false, 0.99, Verdict.SPAM));
        for (int i = 0; i < 4; i++) s.add(new SpamMetrics.Scored(false, 0.95, Verdict.HOLD)); // held by the gate
        for (int i = 0; i < 995; i++) s.add(new SpamMetrics.Scored(false, 0.01 + i * 1e-5));
        // 10 spam at 0.999, 0.985, 0.975 ... 0.905: all sent to Spam at 0.9
        for (int i = 0; i < 10; i++) s.add(new SpamMetrics.Scored(true, i == 0 ? 0.999 : 0.995 - i * 0.01));
        OperatingReport r = OperatingReport.of(s);
        assertThat(r.spam()).isEqualTo(10);
        assertThat(r.ham()).isEqualTo(1000);
        assertThat(r.spamCaught()).isEqualTo(10);
        assertThat(r.hamToSpam()).isEqualTo(1);
        assertThat(r.hamHeld()).isEqualTo(4);
        // at 0.1 % one ham may be blocked: threshold just above the second-highest ham (0.95): 5 spam above it
        assertThat(r.curve()[0]).isEqualTo(0.5);
        // at 0.5 % five ham may be blocked: just above 0.01994..., every spam
        assertThat(r.curve()[1]).isEqualTo(1.0);
        assertThat(r.line()).startsWith("spam_caught=1.0000 ham_to_spam=0.0010 (1) ham_held=0.0040 mcc=");
    }
}
