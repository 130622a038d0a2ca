package it.testata.spam;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpamTokenizerTest {
    private static List<String> names(String text) {
        return Tokenizer.features(text).names();
    }

    @Test
    void zeroWidthAndBomAreRemoved() {
        List<String> t = names("\uFEFFfr\u200Bee mo\u200Cn\u200Dey\u2060 now\uFEFF");
        assertTrue(t.contains("free"), t.toString());
        assertTrue(t.contains("money"), t.toString());
        assertTrue(t.contains("now"), t.toString());
        for (String s : t) assertFalse(s.matches(".*[\uFEFF\u200B-\u200D\u2060].*"), s);
    }

    @Test
    void entitiesAreDecodedAndTagsStripped() {
        assertEquals("a & b < c > \" ' é € A Z &bogus;",
                Tokenizer.decodeEntities("a &amp; b &lt; c &gt; &quot; &#39; &eacute; &euro; &#65; &#x5A; &bogus;"));
        List<String> t = names("<b>Caf&eacute;</b> &amp; <i>cr&#232;me</i>");
        assertTrue(t.contains("café"), t.toString());
        assertTrue(t.contains("crème"), t.toString());
        assertFalse(t.contains("b") || t.contains("i"), t.toString());
    }

    @Test
    void nfkcAndLowercase() {
        // Full-width letters, the "fi" ligature and circled digits fold to plain ones.
        List<String> t = names("ＦＲＥＥ ﬁnance Ⅸ");
        assertTrue(t.contains("free"), t.toString());
        assertTrue(t.contains("finance"), t.toString());
        assertTrue(t.contains("ix"), t.toString());
        // Locale.ROOT: a dotted capital I is not turned into a Turkish dotless i.
        assertTrue(names("PRICE").contains("price"));
    }

    @Test
    void urlsBecomeDomainTokens() {
        List<String> t = names("Visit https://www.Example.com/path?x=1 and shop.example.co.uk/deal or <a href=\"http://spam.test.net/x\">here</a>");
        assertTrue(t.contains("url:example.com"), t.toString());
        assertTrue(t.contains("link:example.com"), t.toString());
        assertTrue(t.contains("url:shop.example.co.uk"), t.toString());
        assertTrue(t.contains("link:example.co.uk"), t.toString());
        assertTrue(t.contains("url:spam.test.net"), t.toString());
        assertTrue(t.contains("link:test.net"), t.toString());
        assertTrue(t.contains("links:3+"), t.toString());
        assertFalse(t.contains("path"), "the path of a link is not words: " + t);
        assertTrue(names("no links here").contains("links:0"));
    }

    @Test
    void languagesWithoutSpacesGetCharacterGrams() {
        List<String> ja = names("今すぐ無料でお金を稼ぐ");
        assertTrue(ja.contains("g:無料"), ja.toString());
        assertTrue(ja.contains("g:お金"), ja.toString());
        assertTrue(ja.contains("g:稼"), ja.toString());
        List<String> zh = names("点击这里免费领取");
        assertTrue(zh.contains("g:免费"), zh.toString());
        assertTrue(zh.contains("g:领取"), zh.toString());
    }

    @Test
    void spacedWordsGetGramsWithEdges() {
        List<String> t = names("viagra");
        assertTrue(t.contains("g:^vi"), t.toString());
        assertTrue(t.contains("g:agra$"), t.toString());
        assertTrue(t.contains("g:iagra"), t.toString());
    }

    @Test
    void authorSiteAndMailNamespaces() {
        List<String> t = Tokenizer.features("Cheap Pills <Sales@Pharma.example.com>", null, "https://www.pills.example.org/buy", "hello").names();
        assertTrue(t.contains("a:cheap"), t.toString());
        assertTrue(t.contains("a:pills"), t.toString());
        assertTrue(t.contains("mail:pharma.example.com"), t.toString());
        assertTrue(t.contains("site:pills.example.org"), t.toString());
        assertTrue(Tokenizer.features("Anna", "anna@posta.it", null, "").names().contains("mail:posta.it"));
    }

    @Test
    void digitShapes() {
        List<String> t = names("Call 09061701461 now");
        assertTrue(t.stream().anyMatch(s -> s.startsWith("d:")), t.toString());
    }
}
