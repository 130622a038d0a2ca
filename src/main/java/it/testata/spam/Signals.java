package it.testata.spam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Signs of spam that travel from one site to another, because they are patterns of how spam is written rather than
 * words of a topic: links and how they are hidden (shorteners, links broken by spaces or written as "dot com",
 * referral parameters, punycode and lookalike hosts, hosts nobody reads, a website given), contact and money
 * patterns (phone numbers, messenger handles, prices, "guaranteed"), solicitation ("check out my", "subscribe"),
 * a script other than the site's, repetition and shouting; and, when the article is known, how much the comment
 * shares the article's words. Each code is also a model feature ({@code x:code}) so that moderators' lessons weigh
 * it; the {@link #strong} ones are the evidence the classifier needs before it may send a comment to Spam alone.
 */
public record Signals(List<String> codes, double relevance, boolean articleKnown, SpamPatterns.Hits patterns) {
    /** Codes that are evidence of a pitch: a way to be reached (money talk alone is not: a finance site's readers talk money). */
    static final Set<String> STRONG = Set.of("link", "shortener", "broken-link", "dot-com", "referral", "punycode",
            "name-link", "phone", "messenger", "email", "solicit", "keyword");
    /**
     * Signs that are evidence but not, alone, a pitch for {@link #pitch}: a link, and a phone number (a reader may
     * quote the town hall's; a number to call or text is the call-number pattern).
     */
    private static final Set<String> PLAIN = Set.of("link", "phone");
    /** A comment sharing at least this share of its content words with the article is on topic. */
    public static final double ON_TOPIC = 0.2;
    /** Measurement switch (spam-eval ablation only): -Dtestata.spam.ablate=code,code turns signals off. */
    private static final Set<String> ABLATE = Set.of(System.getProperty("testata.spam.ablate", "").split(","));

    private static final Set<String> SHORTENERS = Set.of("bit.ly", "goo.gl", "tinyurl.com", "t.co", "ow.ly", "adf.ly",
            "is.gd", "buff.ly", "shorturl.at", "cutt.ly", "rebrand.ly", "tiny.cc", "shhort.com", "rb.gy", "t.ly",
            "lnkd.in", "bit.do", "v.gd", "soo.gd", "s.id", "qr.ae", "tr.im", "x.co", "j.mp", "linktr.ee", "bl.ink");
    /** Hosts whose links are everyday reading, not a pitch (a link to them is still a link). */
    private static final Set<String> KNOWN = Set.of("youtube.com", "youtu.be", "wikipedia.org", "google.com",
            "twitter.com", "x.com", "facebook.com", "instagram.com", "github.com", "reddit.com", "imdb.com",
            "bbc.co.uk", "bbc.com", "nytimes.com", "theguardian.com", "reuters.com", "apnews.com", "washingtonpost.com",
            "repubblica.it", "corriere.it", "ansa.it", "ilpost.it", "ilsole24ore.com", "lastampa.it", "rai.it",
            "rainews.it", "ilfattoquotidiano.it", "avvenire.it", "ilmessaggero.it", "internazionale.it", "treccani.it",
            "gov.uk", "europa.eu", "istat.it", "governo.it", "camera.it", "senato.it", "gazzettaufficiale.it",
            "apple.com", "microsoft.com", "amazon.com", "archive.org", "openstreetmap.org");

    /** Public institutions' hosts by their ending (a town hall's "comune.X.it" pages, ministries, universities). */
    static boolean institutional(String host) {
        return host.endsWith(".gov") || host.endsWith(".gov.it") || host.endsWith(".edu") || host.endsWith(".gov.uk")
                || host.endsWith(".europa.eu") || host.startsWith("comune.") || host.contains(".comune.")
                || host.startsWith("regione.") || host.contains(".regione.");
    }
    private static final String TLD = "com|net|org|info|biz|ru|io|co|xyz|top|online|site|club|shop|ly|me|tk|ml|gl|to|cc|ws|us|uk|it|de|tv|in";
    // BROKEN, DOT_COM and EMAIL start only where a run of their characters starts (a look-behind, not \b, which also
    // holds after each "-" or "."): tried from every position, "a-a-a-…" made them quadratic (docs/SPAM.md, spam6)
    private static final Pattern BROKEN = Pattern.compile(
            "(?<![a-z0-9-])[a-z0-9-]{2,}+\\s+\\.\\s*(?:" + TLD + ")\\b(?!['’])|(?<![a-z0-9-])[a-z0-9-]{2,}+\\.\\s+(?:" + TLD + ")\\b(?!\\s+[a-z]|['’])"
                    + "|(?<![a-z0-9-])[a-z0-9-]{2,}+\\.(?:" + TLD + ")(?:\\s*\\\\\\s*|/\\s+)[a-z0-9]{4,}\\b|(?<![a-z0-9-])[a-z0-9-]{2,}+\\.(?:" + TLD + ")\\s+/\\w");
    /** A scheme written with spaces ("h t t p : / /", "http: //") or a note to take the spaces out: a link hidden from filters. */
    private static final Pattern SPACED = Pattern.compile("\\bh\\s*t\\s*t\\s*p\\s*s?\\s*:\\s*/\\s*/"
            + "|\\b(?:remove|without|delete|take out) (?:the |all )?spaces\\b|\\b(?:togli\\w*|senza|rimuov\\w*) (?:gli |tutti gli )?spazi\\b");
    private static final Pattern DOT_COM = Pattern.compile("[\\(\\[\\{]\\s*dot\\s*[\\)\\]\\}]|\\bdot\\s+(?:com|net|org|ru|info)\\b|\\b(?:punto)\\s+(?:com|it|net)\\b"
            + "|(?<![a-z0-9-])[a-z0-9-]{3,}(?:dot|\\*|\\(\\.\\)|\\[\\.\\])(?:com|net|org|ru|info)\\b");
    private static final Pattern REFERRAL = Pattern.compile("[?&](?:ref|r|aff|affid|affiliate|referral|referrer|invite|promo|promocode|coupon|utm_source)=|\\b(?:referral|invite|promo) (?:link|code)\\b|\\bref(?:erral)? ?link\\b");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.])(?:\\+|00)?\\d[\\d\\s().-]{8,16}\\d(?!\\w|\\.\\w)");
    private static final Pattern MESSENGER = Pattern.compile("\\b(?:whats ?app|telegram|viber|wechat|skype|kik|snapchat|signal app|line id)\\b|\\bt\\.me/|\\bwa\\.me/");
    /** An @handle after a contact word ("write to", "dm", "with the help of"…): a way to be reached. */
    private static final Pattern CONTACT_HANDLE = Pattern.compile("\\b(?:contact|message|dm|reach|follow|text|write(?: to)?|help of|thanks to|via|add|chat with|inbox|scriv\\w*(?: a)?|contatt\\w*)\\W+(?:\\w+\\W+){0,3}@[a-z0-9_.]{3,}");
    /** An @handle anywhere but in front of a contact word: a reply or a mention, not a way to be reached. */
    private static final Pattern MENTION = Pattern.compile("(?:^|\\s)@[a-z0-9_.]{3,}");
    private static final Pattern EMAIL = Pattern.compile("(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");
    private static final Pattern MONEY = Pattern.compile("[$€£₹₦]\\s?\\d|\\d\\s?(?:[$€£₹]|usd|eur|dollars?|euros?|bitcoins?|btc|usdt|eth)\\b"
            + "|\\b(?:guarantee(?:d)?|garantit[oaie]|profits?|invest(?:ing|ment|ments|or)?|investiment[oi]|guadagn\\w*|earn(?:ing|ings|ed)?"
            + "|income|crypto\\w*|bitcoin|forex|trading|loan|casino|cash ?back|payouts?|withdraw\\w*|passive)\\b");
    private static final Pattern SOLICIT = Pattern.compile("\\b(?:check (?:out )?(?:my|our|this)|(?:please|pls|plz|pleas) (?:sub|subscribe)|subscribe (?:to (?:my|our|me)|me|back)|sub to (?:me|my)|sub ?(?:4|for) ?sub|sub back"
            + "|visit (?:my|our|this)|my (?:channel|page|blog|website|site|profile)|our (?:channel|page|website)|click (?:here|the link|this)"
            + "|follow (?:me|us)|dm (?:me|us|him|her)|message (?:me|him|her)|contact (?:me|him|her|us)|reach(?<!\\bi will reach|\\bi'll reach|\\bwe will reach|\\bwe'll reach|\\bi would reach|\\bi'd reach) (?:me|him|her|out to)"
            + "|join (?:my|our|us)|go to my|look at my|i need \\d+ (?:people|subs)|give (?:me|us) a shout|iscriviti|visita il mio|contattami|scrivimi"
            + "|for (?:more )?(?:info|details)|text (?:me|him|her)"
            // someone promoting their own channel: "my new channel", "a small youtuber", "help me reach 500 subs"
            + "|(?:my|our) (?:first|new|latest|own) (?:video|videos|vid|vids|channel|song|songs|music|blog)|i (?:upload|make|post) (?:\\w+ )?(?:videos|vids|covers|music)"
            + "|(?:new|small|little|growing) (?:youtube )?(?:channel|youtuber)|(?:reach|get|hit|to) \\d+ (?:subs|subscribers|followers)"
            + "|il mio (?:nuovo )?canale|i miei (?:video|brani))\\b");
    /** "subscribe" as a request: opening a sentence, with "and" or "!", "don't forget to subscribe", "subbed to me". */
    private static final Pattern SUBSCRIBE_REQUEST = Pattern.compile("(?:^|[.!?;:)>]\\s*)(?:pls |plz |please )?(?:subscribe|sub)\\b(?![-'’]|\\s*(?:\\?|for\\b))|\\b(?:and|&) (?:subscribe|sub)\\b\\s*(?:!|$)"
            + "|\\b(?:don'?t|do not) forget to (?:\\w+ (?:and|&) )?(?:subscribe|sub)\\b|\\b(?:remember|make sure) (?:to|you) (?:\\w+ (?:and|&) )?(?:subscribe|sub)\\b"
            + "|\\bsub(?:bed|scribed)? to me\\b|\\bcheck us out\\b|\\bcome check\\b|\\badd me\\b");
    private static final Pattern REPEAT = Pattern.compile("([^\\s\\d.])\\1{5,}");
    private static final Set<String> STOP = Set.of("this", "that", "with", "have", "from", "they", "what", "your", "about",
            "just", "like", "will", "would", "there", "their", "been", "were", "when", "which", "more", "some", "very",
            "really", "only", "also", "than", "then", "them", "these", "those", "here", "into", "does", "dont", "don't",
            "it's", "i'm", "you're", "questo", "quello", "della", "delle", "degli", "sono", "come", "anche", "perché",
            "però", "molto", "tutto", "tutti", "nella", "nelle", "sulla", "dopo", "prima", "ancora", "solo", "essere");

    /** The comment's signals; {@code article} is the title and text of the article it is posted under, or null. */
    public static Signals of(SpamInput in, String article) {
        return of(in, article, null);
    }

    /**
     * The same, with the codes read from the comment's features (the tokenizer found them already, as its x:
     * features) instead of looked for again; {@code f} null looks for them.
     */
    public static Signals of(SpamInput in, String article, Features f) {
        Tokenizer.LinkScan links = Tokenizer.scanLinks(in.text());
        List<String> codes;
        if (f == null) {
            codes = codes(in.author(), in.url(), links);
        } else {
            codes = new ArrayList<>(6);
            for (String name : f.names()) if (name.startsWith("x:")) codes.add(name.substring(2));
        }
        double relevance = article == null || article.isBlank() ? -1 : relevance(links.rest(), article);
        if (relevance >= 0 && !off("topic")) {
            int content = contentWords(links.rest()).size();
            if (relevance >= ON_TOPIC) codes.add("on-topic");
            else if (content >= 3 && relevance == 0) codes.add("off-topic");
        }
        SpamPatterns.Hits patterns = SpamPatterns.of(cut(links.text()), codes, Tokenizer.words(links.rest()).size());
        return new Signals(List.copyOf(codes), relevance, relevance >= 0, patterns);
    }

    /** The travelling codes of a comment's name, website and text (the model's x: features). */
    static List<String> codes(String author, String website, Tokenizer.LinkScan links) {
        List<String> out = new ArrayList<>(6);
        String t = cut(links.text());
        if (links.count() > 0) {
            add(out, "link");
            boolean unknown = false, shortener = false, puny = false;
            for (String h : links.hosts()) {
                String base = Tokenizer.baseDomain(h);
                if (SHORTENERS.contains(h) || SHORTENERS.contains(base)) shortener = true;
                else if (!KNOWN.contains(base) && !institutional(h)) unknown = true;
                if (h.contains("xn--") || !h.chars().allMatch(c -> c < 128)) puny = true;
            }
            if (unknown) add(out, "unknown-domain");
            if (shortener) add(out, "shortener");
            if (puny) add(out, "punycode");
        }
        if (BROKEN.matcher(t).find() || spaced(t)) add(out, "broken-link");
        if ((t.contains("dot") || t.contains("*") || t.contains("(.)") || t.contains("[.]") || t.contains("punto"))
                && DOT_COM.matcher(t).find()) {
            add(out, "dot-com");
        }
        if (REFERRAL.matcher(t).find()) add(out, "referral");
        if (website != null && !website.isBlank()) add(out, "website");
        if (author != null && !author.isBlank() && Tokenizer.scanLinks(author).count() > 0) add(out, "name-link");
        String rest = cut(links.rest());
        if (PHONE.matcher(rest).find()) add(out, "phone");
        boolean at = t.indexOf('@') >= 0;
        if (MESSENGER.matcher(t).find() || at && CONTACT_HANDLE.matcher(t).find()) add(out, "messenger");
        else if (at && MENTION.matcher(t).find()) add(out, "mention");
        if (t.indexOf('@') >= 0 && EMAIL.matcher(t).find()) add(out, "email");
        if (MONEY.matcher(t).find()) add(out, "money");
        if (SOLICIT.matcher(t).find() || (t.contains("sub") || t.contains("check") || t.contains("add me"))
                && SUBSCRIBE_REQUEST.matcher(t).find()) {
            add(out, "solicit");
        }
        if (links.keyword()) add(out, "keyword");
        if (links.letters() >= 12 && links.upper() * 10 >= links.letters() * 7) add(out, "shout");
        List<String> words = Tokenizer.words(rest);
        if (REPEAT.matcher(t).find() || repeatedWords(words)) add(out, "repeat");
        if (otherScript(rest)) add(out, "script");
        else if (otherLanguage(words)) add(out, "language");
        return out;
    }

    /** A link written with spaces in its scheme, or a note to remove the spaces. */
    static boolean spaced(String t) {
        if (t.indexOf("spa") < 0 && t.indexOf('/') < 0) return false;
        java.util.regex.Matcher m = SPACED.matcher(t);
        while (m.find()) if (m.group().charAt(0) != 'h' || m.group().chars().anyMatch(Character::isWhitespace)) return true;
        return false;
    }

    /** Signals are looked for in the first {@link #SCAN} characters (a comment is at most 5,000 by default). */
    static final int SCAN = 5000;

    private static String cut(String s) {
        return s.length() <= SCAN ? s : s.substring(0, SCAN);
    }

    private static void add(List<String> out, String code) {
        if (!off(code)) out.add(code);
    }

    private static boolean off(String code) {
        return ABLATE.contains(code);
    }

    /**
     * Evidence of a pitch (a link, a contact, a solicitation or a {@link SpamPatterns} hit): the classifier may then
     * send to Spam alone.
     */
    public boolean strong() {
        if (patterns.any()) return true;
        for (String c : codes) if (STRONG.contains(c)) return true;
        return false;
    }

    /**
     * A pitch beyond a plain link: a solicitation, a messenger, an e-mail address, a hidden or shortened link, a
     * referral, a keyword to send back, or a pattern other than a short comment with a link.
     */
    public boolean pitch() {
        for (String p : patterns.codes()) if (!p.equals("link-short")) return true;
        for (String c : codes) if (STRONG.contains(c) && !PLAIN.contains(c)) return true;
        return false;
    }

    /** Links only to everyday hosts, and no other sign of a pitch (nor a pattern). */
    public boolean everydayLinkOnly() {
        if (patterns.any() || !codes.contains("link") || codes.contains("unknown-domain")) return false;
        for (String c : codes) if (STRONG.contains(c) && !c.equals("link")) return false;
        return true;
    }

    public boolean onTopic() {
        return codes.contains("on-topic");
    }

    /** Most letters in a script other than Latin (the script of the site's languages, Italian and English). */
    static boolean otherScript(String text) {
        int latin = 0, other = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) continue;
            if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF)) latin++;
            else other++;
        }
        return other > latin && other >= 4;
    }

    /**
     * The common short words of the site's languages, Italian and English: a sentence in either has some of them, a
     * sentence in another language written in Latin letters (Portuguese, Indonesian, Turkish, Polish…) seldom does.
     */
    private static final Set<String> SITE_WORDS = Set.of("the", "and", "you", "is", "are", "was", "this", "that", "with",
            "for", "have", "it", "my", "i", "of", "to", "in", "on", "be", "but", "not", "so", "your", "we", "they", "what",
            "just", "like", "can", "me", "all", "do", "if", "an", "at", "he", "she", "his", "her", "our", "will", "am",
            "il", "lo", "la", "le", "gli", "di", "del", "della", "che", "non", "per", "una", "un", "è", "ma", "con", "mi",
            "ti", "si", "ci", "sono", "ho", "ha", "anche", "come", "più", "da", "al", "io", "tu", "noi", "nel", "alla",
            "dei", "questo", "questa", "ed", "ne", "se", "chi", "tutti", "molto", "grazie");

    /**
     * A text of at least eight words in Latin letters none of which is a common word of Italian or English: another
     * language than the site's (a language mismatch beyond the script).
     */
    static boolean otherLanguage(List<String> words) {
        int letters = 0;
        for (String w : words) {
            if (SITE_WORDS.contains(w)) return false;
            if (Character.isLetter(w.codePointAt(0))) letters++;
        }
        return letters >= 8;
    }

    /** One word making up at least a third of a text of eight words or more. */
    static boolean repeatedWords(List<String> words) {
        if (words.size() < 8) return false;
        java.util.Map<String, Integer> n = new java.util.HashMap<>();
        for (String w : words) if (n.merge(w, 1, Integer::sum) * 3 >= words.size()) return true;
        return false;
    }

    /** The share of the comment's content words (four letters or more, not a common word) found in the article. */
    /** The stems of recently commented articles' texts: every comment on an article compares with the same set. */
    private static final com.github.benmanes.caffeine.cache.Cache<String, Set<String>> ARTICLE_STEMS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(64).build();

    static double relevance(String comment, String article) {
        Set<String> mine = contentWords(comment);
        if (mine.isEmpty()) return 0;
        Set<String> theirs = ARTICLE_STEMS.get(article, a -> Set.copyOf(stems(Tokenizer.words(Tokenizer.clean(a)))));
        int shared = 0;
        for (String w : mine) if (theirs.contains(stem(w))) shared++;
        return (double) shared / mine.size();
    }

    private static Set<String> contentWords(String text) {
        Set<String> out = new HashSet<>();
        for (String w : Tokenizer.words(text)) if (w.length() >= 4 && !STOP.contains(w)) out.add(w);
        return out;
    }

    private static Set<String> stems(List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) if (w.length() >= 4) out.add(stem(w));
        return out;
    }

    /** A crude stem for both languages: the first five letters (so "elezioni" meets "elezione", "votes" "voted"). */
    private static String stem(String w) {
        return w.length() <= 5 ? w : w.substring(0, 5).toLowerCase(Locale.ROOT);
    }
}
