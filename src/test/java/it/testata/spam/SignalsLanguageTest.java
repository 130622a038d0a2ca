package it.testata.spam;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language signal: Latin letters, but none of the common words of the site's Italian and English. */
class SignalsLanguageTest {
    @Test
    void anotherLanguageInLatinLettersIsNoticed() {
        assertTrue(Signals.otherLanguage(Tokenizer.words("Muito obrigado pela informação, vou compartilhar com meus amigos hoje")));
        assertTrue(Signals.otherLanguage(Tokenizer.words("Bu kampanya sadece bugün geçerli, hemen başvurun ve kazanın arkadaşlar")));
    }

    @Test
    void theSitesLanguagesAndShortTextsAreNot() {
        assertFalse(Signals.otherLanguage(Tokenizer.words("Lo sportello riapre giovedì mattina nell'ex municipio della valle")));
        assertFalse(Signals.otherLanguage(Tokenizer.words("I went to the new office on Thursday and they were very helpful")));
        assertFalse(Signals.otherLanguage(Tokenizer.words("Ottimo lavoro, bravissimi")));
    }
}
