package it.testata.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hand-written patterns of comment spam, general knowledge of how it is written on any site (as SpamAssassin's rules
 * are for e-mail): self-promotion ("check out my channel", "visitate il mio sito"), asking for subscribers, a link
 * to an unknown site in a short comment, a testimony naming a handle or a contact ("thanks to @x", "contact him on
 * WhatsApp"), money with a contact or a guarantee, earnings per day or week, free followers or gift cards. Each has a
 * hand-set log-odds weight, chosen by reasoning (docs/SPAM.md, "After spam3"), that is added to the classifier's
 * log-odds after the starter and the site model are mixed: it does not fade as a site learns and no moderator's
 * lesson changes it, so it counts on a site's first day and on a trained site alike. A hit is also evidence of a
 * pitch for {@link SpamGate}.
 */
public final class SpamPatterns {
    private SpamPatterns() {}

    /**
     * A pattern: its code (the reason's word, admin.pattern.CODE), its log-odds, what it looks for, and the strings
     * one of which any match contains (a cheap test first: most comments skip the expression).
     */
    record Rule(String code, double weight, Pattern pattern, String... needles) {
        boolean find(String text) {
            for (String n : needles) if (text.contains(n)) return pattern.matcher(text).find();
            return false;
        }
    }

    /** The patterns a comment matched and the log-odds they add (at most {@link #CAP}). */
    public record Hits(List<String> codes, double logOdds) {
        public static final Hits NONE = new Hits(List.of(), 0);

        public boolean any() {
            return !codes.isEmpty();
        }
    }

    /** The most all the patterns of one comment add together. */
    static final double CAP = 5;
    /** Measurement switch (spam-eval ablation only): -Dtestata.spam.patterns=0 turns the layer off, 0.5 halves it. */
    private static final double SCALE = Double.parseDouble(System.getProperty("testata.spam.patterns", "1"));
    /** Measurement switch (spam-eval ablation only): -Dtestata.spam.patterns_off=code,code turns those patterns off. */
    private static final java.util.Set<String> OFF = java.util.Set.of(System.getProperty("testata.spam.patterns_off", "").split(","));
    /** A short comment: at most this many words besides its links. */
    static final int SHORT = 20;

    private static final String PROMO_EN = "channel|videos?|vids?|page|blog|website|site|music|songs?|covers?|tracks?|account"
            + "|profile|store|shop|vlogs?|stream|playlist|podcast|instagram|insta|tiktok|soundcloud|spotify|mixtape|album|beats?";
    private static final String PROMO_IT = "canale|video|pagina|blog|sito|profilo|negozio|musica|canzon[ei]|brani?|album"
            + "|instagram|account|podcast";

    /**
     * An amount of money: a currency sign or word with a number ("$1,000", "5k usd", "0.8 btc", "500 euro"). A number
     * is looked for only where it starts (the look-behind): from every digit of "1.1.1.…" it was quadratic.
     */
    private static final String MONEY = "(?:[$€£₹₦]\\s?\\d[\\d,.]*k?|(?<![\\d,.])\\d[\\d,.]*\\s?k?\\s?(?:[$€£₹]|(?:usd|eur|euro|dollars?|euros?|btc|usdt|eth|bitcoins?)\\b))";

    private static final List<Rule> RULES = List.of(
            // someone pointing readers at their own channel, page or site
            new Rule("self-promo", 3.5, Pattern.compile(
                    "\\b(?:check(?:ing)?|checkout|visit|see|watch|view|listen to|look at|take a look at|have a look at|go to"
                            + "|come to|stop by|drop by|head over to|hop over to|swing by|support)\\s+(?:out\\s+)?(?:my|our)\\s+"
                            + "(?:[\\w']+\\s+){0,2}?(?:" + PROMO_EN + ")\\b"
                            + "|\\b(?:guarda(?:te)?|visita(?:te)?|segui(?:te)?|ascolta(?:te)?|passa(?:te)? (?:da|dal|dalla|su|sul|sulla)|da(?:te|i) un'?\\s?occhiata a"
                            + "|fa(?:te|i) un salto (?:su|sul|sulla)|sostenete|supportate)\\s+(?:(?:il|la|i|le|al|alla|ai|alle)\\s+)?"
                            + "(?:mio|mia|miei|mie|nostro|nostra|nostri|nostre)\\s+(?:[\\w']+\\s+){0,2}?(?:" + PROMO_IT + ")\\b"), "my", "our", "mio", "mia", "mie", "nostr"),
            // asking readers to subscribe to or follow the commenter
            new Rule("subscribe-me", 3.5, Pattern.compile(
                    "\\b(?:subscribe|sub|subs)\\s+(?:to\\s+)?(?:me|my|our)\\b|\\bsub\\s?(?:4|for)\\s?sub\\b|\\b(?:subscribe|sub) back\\b"
                            + "|\\bi need \\d+ (?:more )?(?:subs|subscribers|followers)\\b|\\bfollow me (?:on|at)\\b"
                            + "|\\biscriv(?:iti|etevi)\\s+(?:al|alla|ai)\\s+(?:mio|mia|miei|nostro|nostra|nostri)\\b|\\bseguitemi (?:su|a)\\b"), "sub", "follow", "iscriv", "seguitemi"),
            // a testimony or advice that names a handle or a way to be reached
            new Rule("contact-testimony", 2, Pattern.compile(
                    "\\b(?:thanks? to|credits? to|shout ?out to|recommend(?:ed)?|contact|reach(?: out to)?|write to"
                            + "|grazie a|ringrazio|contatta(?:te)?|scriv(?:ete|i) a)\\b[^.!?\\n]{0,40}?"
                            + "(?:@[a-z0-9_.]{3,}|\\b(?:on|via|su) (?:whats ?app|telegram|signal|wechat|instagram|ig)\\b"
                            + "|\\+?\\d[\\d\\s().-]{8,}\\d)"), "@", "whats", "telegram", "signal", "wechat", "instagram", " ig", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            // a number to call or text: a contact written out for the reader ("text WIN to 80086", "call 0906...")
            new Rule("call-number", 2, Pattern.compile(
                    "\\b(?:call|calls|text|txt|ring|sms|send|reply|rply|chiama(?:te)?|telefona(?:te)?|invia(?:te)?|manda(?:te)?)\\b[^.!?\\n]{0,25}?"
                            + "(?<![.,\\d])\\d{4,}(?!\\d|[.,]\\d)"), "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            // a prize the reader is told they have won, to claim
            new Rule("prize-claim", 1.5, Pattern.compile(
                    "\\b(?:you(?:'ve| have| has)?(?: just| already)? won\\b|you (?:are|r) (?:a |the |our )?(?:lucky )?winner"
                            + "|(?:to )?claim (?:your|ur|a|the|now|it)\\b|hai vinto|sei (?:il|la|tra i) (?:fortunat[oa] )?vincitor\\w*)"), "won", "winner", "claim", "vint", "vincitor"),
            // money with a way to be reached or a guarantee (checked with the signals below)
            new Rule("money-contact", 2.5, Pattern.compile(
                    "[$€£₹₦]\\s?\\d|(?<![\\d,.])\\d[\\d,.]*\\s?k?\\s?(?:[$€£₹]|(?:usd|eur|dollars?|euros?|btc|usdt|bitcoins?)\\b)"), "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            // earnings promised by the day, the week or the month
            new Rule("earn-rate", 3, Pattern.compile(
                    "\\b(?:earn\\w*|make|made|making|guadagn\\w*|profit\\w*|income)\\b[^.!?\\n]{0,30}?\\d[^.!?\\n]{0,20}?"
                            + "\\b(?:per|a|every|each|al|alla|ogni|in)\\s+(?:\\d+\\s+)?(?:day|days|week|weeks|hour|hours|month|months"
                            + "|giorno|giorni|settimana|settimane|mese|mesi|ora|ore)\\b"), "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            // asking readers to subscribe, without saying to whom ("please subscribe", "can you guys sub")
            new Rule("ask-subscribe", 2.5, Pattern.compile(
                    "\\b(?:please|pls|plz|pleas[e]*)\\W+(?:\\w+\\W+){0,2}?(?:sub|subs|subscribe|subcribe)\\b"
                            + "|\\b(?:sub|subscribe|subcribe)\\b[^.!?\\n]{0,30}?\\b(?:please|pls|plz)\\b"
                            + "|\\b(?:can|could|would|will) (?:you|u|someone|anyone)\\W+(?:\\w+\\W+){0,3}?(?:sub|subscribe|subcribe)\\b"
                            + "|\\biscrivetevi\\b|\\bper favore\\W+iscriv\\w*"), "sub", "iscriv"),
            // a testimony of an investment's return ("I invested $1000 and got $10,400 in 5 days"), or of money made
            // with someone named by a handle ("I made $70k with @trader"): the bait of investment scams on any site
            new Rule("return-testimony", 3, Pattern.compile(
                    "\\b(?:invest\\w*|deposit\\w*|start\\w* with|put in|investit\\w*|depositat\\w*)\\b[^.!?\\n]{0,40}?" + MONEY
                            + "[^!?\\n]{0,80}?\\b(?:got|get|received?|receiving|returns?|profits?|made|earned|withdr\\w*"
                            + "|ricevut\\w*|guadagnat\\w*|ottenut\\w*|ritirat\\w*)\\b[^!?\\n]{0,40}?" + MONEY
                            + "|" + MONEY + "[^.!?\\n]{0,60}?\\b(?:with|through|via|thanks to|from|con|grazie a)\\s+[@#][a-z0-9_.]{4,}"),
                    "$", "€", "£", "₹", "₦", "usd", "eur", "dollar", "btc", "usdt", "eth", "bitcoin"),
            // the marks of a bulk commercial message: how to stop it ("reply STOP to end", "to opt out text STOP")
            new Rule("opt-out", 2, Pattern.compile(
                    "\\b(?:reply|rply|text|txt|send|sms|invia|manda|rispondi)\\s+(?:with\\s+|back\\s+)?[\"']?stop\\b"
                            + "|\\bstop\\s*(?:2|to)\\s*(?:end|stop|cancel|opt|unsub|quit)|\\bto (?:opt[- ]?out|unsubscribe|stop (?:receiving|these|this)\\w*)\\W+(?:\\w+\\W+){0,2}?(?:reply|text|txt|send|sms|call)\\b"),
                    "stop", "opt", "unsub"),
            // a premium rate ("150p/msg", "£1.50 per msg", "10p/min"): a charge for answering
            new Rule("premium-rate", 2.5, Pattern.compile(
                    "\\b\\d+(?:\\.\\d+)?\\s?p{1,2}\\s?(?:/|per\\s?|a\\s)?\\s?(?:msg|msgs|min|mins|minute|txt|text|sms|message|wk|week|day|call)\\b"
                            + "|[£$€]\\s?\\d+(?:\\.\\d+)?\\s?(?:/|per\\s|a\\s)(?:msg|min|minute|txt|text|sms|message|call)\\b|\\b(?:std ?txt ?rate|prem(?:ium)? rate)\\b"
                            + "|\\bmsgs?@\\d+p\\b"), "0p", "1p", "2p", "3p", "4p", "5p", "6p", "7p", "8p", "9p", "0 p", "1 p", "2 p", "3 p", "4 p", "5 p", "6 p", "7 p", "8 p", "9 p", "£", "$", "€", "rate"),
            // free followers, views, gift cards: the bait of comment spam
            new Rule("free-offer", 3, Pattern.compile(
                    "\\bfree (?:iphones?|ipads?|gift ?cards?|followers|subscribers|subs|views|likes|robux|v-?bucks|psn codes?"
                            + "|xbox codes?|itunes codes?)\\b|\\b(?:follower|iscritti|like|visualizzazioni) gratis\\b"), "free", "gratis"));

    private static final Pattern GUARANTEE = Pattern.compile(
            "\\bguarantee\\w*|\\bgarantit\\w*|\\brisk[- ]free\\b|\\bsenza rischi\\b|\\b100 ?% (?:legit|safe|real|sicuro|garantito)");
    /**
     * A comment that ends by naming an account (an @handle, or a #hashtag written like a user name, with an underscore
     * or a digit) that it did not open with: a signature pointing readers at someone, not a reply to them.
     */
    // Atomic groups and possessive quantifiers keep it linear: a first version backtracked quadratically on one long
    // "#aaaa…" token (80 ms for 4,000 letters).
    private static final Pattern TAIL_HANDLE = Pattern.compile(
            "(?<![\\w@#])(?>@[0-9_.]*+[a-z][a-z0-9_.]{2}[a-z0-9_.]*+|#[0-9_.]*+[a-z][a-z0-9_.]*?[_\\d][a-z0-9_.]*+)[^\\w@#]*+$");
    private static final Pattern OPENS_WITH_HANDLE = Pattern.compile("^[^\\w@#]*[@#]\\w");
    /**
     * Words of a testimony: what someone did for the commenter (helped, a profit, a payment, a debt cleared, trust, a
     * recommendation), not thanks alone: a reader may well end "grazie @redazione".
     */
    private static final Pattern TESTIMONY = Pattern.compile(
            "\\b(?:helped|help of|recommend\\w*|testify|testimony|profits?|withdraw\\w*|payouts?|paid|payment|earn\\w*|invest\\w*"
                    + "|trad(?:e|es|ed|er|ing)|mentor|manager|coach|platform|my life|debt|legit|trust\\w*|reliable|honest\\w*|guidance"
                    + "|expert\\w*|consiglio|guadagn\\w*|profitt\\w*|prelie?v\\w*|affidabile|onest\\w*|la mia vita|mi ha aiutat\\w*"
                    + "|aiutato|debit\\w*)\\b");
    /** A signed testimony has at least this many words (a bare "thank you @name" is a reader's thanks). */
    static final int TESTIMONY_WORDS = 8;
    /** The weight of {@code signed-testimony}: that of {@code contact-testimony}, which it extends to a signature. */
    static final double SIGNED_WEIGHT = 2;

    /** A testimony that ends by naming the account it praises ("… I made $9,000 in a week, thank you @trader_fx"). */
    static boolean signedTestimony(String text, int words) {
        if (words < TESTIMONY_WORDS || text.indexOf('@') < 0 && text.indexOf('#') < 0) return false;
        String t = text.strip();
        int plain = 0;
        for (String w : t.split("\\s+")) if (!w.isEmpty() && w.charAt(0) != '@' && w.charAt(0) != '#' && w.chars().anyMatch(Character::isLetter)) plain++;
        if (plain < TESTIMONY_WORDS) return false;
        return TAIL_HANDLE.matcher(t).find() && !OPENS_WITH_HANDLE.matcher(t).find() && TESTIMONY.matcher(t).find();
    }

    private static final java.util.Set<String> CONTACTS = java.util.Set.of("phone", "messenger", "email", "keyword");
    // (call-number is a contact too: money-contact counts it below)

    /**
     * The patterns of a comment: {@code text} is its lower-cased, normalized text (links included), {@code codes}
     * its {@link Signals} codes, {@code words} how many words it has besides its links.
     */
    static Hits of(String text, List<String> codes, int words) {
        if (SCALE == 0) return Hits.NONE;
        List<String> hit = new ArrayList<>(2);
        double sum = 0;
        for (Rule r : RULES) {
            if (r.code().equals("money-contact") && !(codes.stream().anyMatch(CONTACTS::contains) || hit.contains("call-number")
                    || GUARANTEE.matcher(text).find())) {
                continue;
            }
            if (OFF.contains(r.code())) continue;
            if (r.code().equals("ask-subscribe") && hit.contains("subscribe-me")) continue; // one request, counted once
            if (r.find(text)) {
                hit.add(r.code());
                sum += r.weight();
            }
        }
        if (!OFF.contains("signed-testimony") && signedTestimony(text, words)) {
            hit.add("signed-testimony");
            sum += SIGNED_WEIGHT;
        }
        // a written-out link (a scheme or www.), not a bare "word.it" that a missing space after a full stop makes
        boolean written = text.contains("http") || text.contains("www.");
        if (words <= SHORT && (codes.contains("shortener") || written && codes.contains("unknown-domain"))) {
            hit.add("link-short");
            sum += 2;
        }
        return hit.isEmpty() ? Hits.NONE : new Hits(List.copyOf(hit), SCALE * Math.min(CAP, sum));
    }
}
