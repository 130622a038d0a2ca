package it.testata.spam;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signed-testimony pattern: praise or results that end by naming an account, not a reply nor a short thanks. */
class SignedTestimonyTest {
    static boolean signed(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return SpamPatterns.signedTestimony(t, Tokenizer.words(t).size());
    }

    @Test
    void aTestimonyEndingWithAnAccountIsSigned() {
        assertTrue(signed("I was skeptical at first but she helped me clear my debt in two months, thank you @mentor.sara"));
        assertTrue(signed("Grazie di cuore, con lei ho recuperato i risparmi e guadagnato il doppio in un mese #giulia_trader_fx 🙏"));
    }

    @Test
    void aReplyAShortThanksOrATopicHashtagIsNot() {
        // a reply opens with the handle it answers
        assertFalse(signed("@marco grazie, hai ragione sul bilancio e sugli investimenti del comune in piazza @luca"));
        // thanks alone, however long, is a reader's, not a testimony
        assertFalse(signed("Grazie per l'articolo, molto chiaro e utile per tutti noi lettori della valle @redazione_locale"));
        // a reader's short thanks
        assertFalse(signed("Grazie mille per il pezzo @redazione"));
        // a topic hashtag is not a user name (no underscore, no digit)
        assertFalse(signed("Thanks for the report, the new budget will help the whole valley a lot #elections"));
        // a hashtag is a user name only with a letter then an underscore or a digit; a long one without is not
        assertFalse(signed("She helped me clear my debt in two months, I trust her, see #2023crypto"));
        assertTrue(signed("She helped me clear my debt in two months, I trust her, see #crypto2023"));
        assertFalse(signed("She helped me clear my debt in two months, I trust her, see #" + "a".repeat(4000) + " !"));
        // an account named mid-sentence, then more words
        assertFalse(signed("Thank you @sindaco for the answer, we will see you at the council meeting on Thursday evening"));
    }
}
