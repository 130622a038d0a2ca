package it.testata.spam;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A solicitation is addressed to the reader: "reach out to him" asks, "I will reach out to him" tells. */
class SignalsSolicitTest {
    static java.util.List<String> codes(String text) {
        return Signals.codes(null, null, Tokenizer.scanLinks(text));
    }

    @Test
    void anInvitationToReachSomeoneIsASolicitation() {
        assertThat(codes("If you need help with your savings, reach out to him, he answers everyone")).contains("solicit");
    }

    @Test
    void aReaderSayingTheyWillReachOutIsNot() {
        assertThat(codes("Without any doubt, I will reach out to him after the council meeting")).doesNotContain("solicit");
        assertThat(codes("Thanks, we'll reach out to her office on Monday")).doesNotContain("solicit");
    }
}
