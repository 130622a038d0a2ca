package it.testata.wordpress;

import it.testata.article.Markdown;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's stored HTML made into clean, sanitized HTML that reads as it did on WordPress: block-editor
 * comments dropped, the [caption] shortcode made a figure with its caption, embedded frames made links (the
 * site's security policy allows no frames), classic content's blank-line paragraphs and single line breaks
 * turned into paragraphs and breaks as WordPress's wpautop does, then the article sanitizer.
 * <p>
 * The result has no blank line, so the same text given to {@link Markdown#toSafeHtml} is one HTML block that
 * comes out unchanged: an article stores it as its body_md and body_html alike (see docs/WORDPRESS.md).
 */
public final class WordPressHtml {
    /** Block-level elements, as wpautop knows them: paragraphs are never made around or inside their tags. */
    private static final String BLOCKS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
            + "|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup"
            + "|header|footer|nav|figure|figcaption|details|menu|summary|iframe)";
    private static final Pattern OPEN_BLOCK = Pattern.compile("(<" + BLOCKS + "[\\s/>])", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSE_BLOCK = Pattern.compile("(</" + BLOCKS + ">)", Pattern.CASE_INSENSITIVE);
    private static final Pattern P_AROUND_BLOCK = Pattern.compile("<p>\\s*(</?" + BLOCKS + "[^>]*>)\\s*</p>", Pattern.CASE_INSENSITIVE);
    private static final Pattern P_BEFORE_BLOCK = Pattern.compile("<p>\\s*(</?" + BLOCKS + "[^>]*>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern P_AFTER_BLOCK = Pattern.compile("(</?" + BLOCKS + "[^>]*>)\\s*</p>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BR_AFTER_BLOCK = Pattern.compile("(</?" + BLOCKS + "[^>]*>)\\s*<br />", Pattern.CASE_INSENSITIVE);
    private static final Pattern BR_BEFORE_BLOCK = Pattern.compile("<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern CAPTION = Pattern.compile("\\[caption([^\\]]*)\\](.*?)\\[/caption\\]", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION_MEDIA = Pattern.compile("^\\s*((?:<a [^>]*>\\s*)?<img [^>]*>(?:\\s*</a>)?)(.*)$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPTION_ATTR = Pattern.compile("caption=\"([^\"]*)\"");
    private static final Pattern IFRAME = Pattern.compile("<iframe([^>]*)>.*?</iframe>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\ssrc=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("\\stitle=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    /** rel attributes go before sanitizing: the sanitizer sets its own, in an order that then never changes. */
    private static final Pattern REL = Pattern.compile("\\srel\\s*=\\s*(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\n");
    private static final Pattern PRE = Pattern.compile("<pre[\\s>].*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private static final PolicyFactory COMMENT_POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "b", "i", "u", "s", "del", "code", "blockquote", "q", "cite", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private WordPressHtml() {}

    /** A post's or page's content as the article body. */
    public static String article(String content) {
        String html = content == null ? "" : content.replace("\r\n", "\n").replace('\r', '\n');
        boolean blocks = html.contains("<!-- wp:");
        if (html.contains("<!--")) html = HTML_COMMENT.matcher(html).replaceAll("");
        if (html.contains("[caption") || html.contains("[CAPTION")) html = captions(html);
        if (html.contains("<iframe") || html.contains("<IFRAME")) html = frames(html);
        // the block editor writes its own paragraphs; WordPress only runs wpautop on classic content
        if (!blocks && typed(html)) html = autop(html);
        return withoutBlankLines(sortRels(Markdown.sanitize(withoutRels(html))));
    }

    /** A comment's content: WordPress's few allowed tags, links marked nofollow ugc. */
    public static String comment(String content) {
        String html = content == null ? "" : content.replace("\r\n", "\n").replace('\r', '\n');
        html = withoutRels(html);
        return withoutBlankLines(sortRels(COMMENT_POLICY.sanitize(typed(html) ? autop(html) : html)));
    }

    /** The excerpt as a plain-text standfirst. */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) return "";
        String text = HTML_COMMENT.matcher(html).replaceAll("").replaceAll("<[^>]*>", " ");
        return org.owasp.html.Encoding.decodeHtml(text, false).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /**
     * True for text a person typed, paragraphs as blank lines: it has a blank line, or no block tag at all.
     * HTML a program wrote (Testata's own export, say) has its block tags and no blank line: it is kept as it is.
     */
    static boolean typed(String html) {
        return html.indexOf('<') < 0 || BLANK_LINE.matcher(html).find() || !OPEN_BLOCK.matcher(html).find();
    }

    /**
     * Paragraphs from blank lines, line breaks from single newlines, never around or inside block tags: the
     * rules of WordPress's wpautop, in short.
     */
    static String autop(String text) {
        if (text.isBlank()) return "";
        // <pre> keeps its lines: set aside, put back after
        java.util.List<String> pres = new java.util.ArrayList<>();
        Matcher pm = PRE.matcher(text);
        StringBuilder held = new StringBuilder();
        while (pm.find()) {
            pres.add(pm.group());
            pm.appendReplacement(held, Matcher.quoteReplacement("<pre wp-pre-tag-" + (pres.size() - 1) + "></pre>"));
        }
        pm.appendTail(held);
        String t = held + "\n";
        boolean tags = t.indexOf('<') >= 0; // plain text (most comments) needs none of the tag rules
        if (tags) {
            t = t.replaceAll("<br\\s*/?>\\s*<br\\s*/?>", "\n\n");
            t = OPEN_BLOCK.matcher(t).replaceAll("\n\n$1");
            t = CLOSE_BLOCK.matcher(t).replaceAll("$1\n\n");
        }
        StringBuilder out = new StringBuilder();
        for (String chunk : t.split("\n\\s*\n")) {
            String c = chunk.strip();
            // single newlines inside a paragraph are line breaks (those beside block tags go again below)
            if (c.isEmpty()) continue;
            out.append("<p>").append(c.indexOf('\n') < 0 ? c : c.replaceAll("\\s*\\n\\s*", "<br />\n")).append("</p>\n");
        }
        String p = out.toString();
        if (!tags) return p;
        p = p.replaceAll("<p>\\s*</p>", "");
        p = p.replaceAll("(?i)<p>\\s*<blockquote([^>]*)>", "<blockquote$1><p>");
        p = p.replaceAll("(?i)</blockquote>\\s*</p>", "</p></blockquote>");
        p = P_AROUND_BLOCK.matcher(p).replaceAll("$1");
        p = P_BEFORE_BLOCK.matcher(p).replaceAll("$1");
        p = P_AFTER_BLOCK.matcher(p).replaceAll("$1");
        p = BR_AFTER_BLOCK.matcher(p).replaceAll("$1");
        p = BR_BEFORE_BLOCK.matcher(p).replaceAll("$1");
        for (int i = 0; i < pres.size(); i++) {
            p = p.replace("<pre wp-pre-tag-" + i + "></pre>", pres.get(i));
        }
        return p;
    }

    /** [caption id=".." align=".." width=".."]<img ...> The caption[/caption] as figure and figcaption. */
    static String captions(String html) {
        Matcher m = CAPTION.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String attrs = m.group(1);
            String inner = m.group(2);
            Matcher media = CAPTION_MEDIA.matcher(inner);
            String img = inner;
            String caption = "";
            if (media.matches()) {
                img = media.group(1);
                caption = media.group(2).strip();
            }
            Matcher old = CAPTION_ATTR.matcher(attrs);
            if (caption.isEmpty() && old.find()) caption = old.group(1);
            String figure = "<figure>" + img + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
            m.appendReplacement(out, Matcher.quoteReplacement(figure));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An embedded frame (a video, a map) becomes a link to what it showed. */
    static String frames(String html) {
        Matcher m = IFRAME.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Matcher src = SRC.matcher(m.group(1));
            String link = "";
            if (src.find()) {
                Matcher title = TITLE.matcher(m.group(1));
                String url = src.group(1);
                String text = title.find() ? title.group(1) : url.replaceAll("^https?://", "").replaceAll("[?#].*$", "");
                link = "<p><a href=\"" + url + "\">" + text + "</a></p>";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(link));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The sanitizer's rel values in one order, so that cleaning cleaned HTML again gives the same bytes. */
    static String sortRels(String html) {
        if (!html.contains(" rel=")) return html;
        Matcher m = REL.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).substring(1, m.group(1).length() - 1).strip();
            String sorted = String.join(" ", new java.util.TreeSet<>(java.util.List.of(value.split("\\s+"))));
            m.appendReplacement(out, Matcher.quoteReplacement(" rel=\"" + sorted + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** rel attributes taken out, for the sanitizer to set its own. */
    private static String withoutRels(String html) {
        return html.contains("rel") || html.contains("REL") ? REL.matcher(html).replaceAll("") : html;
    }

    /**
     * Blank lines removed (a blank line would end the HTML block if the body is read as Markdown): lines of
     * nothing but spaces and tabs go, and so does the white space at both ends.
     */
    static String withoutBlankLines(String html) {
        String s = html.strip();
        StringBuilder out = new StringBuilder(s.length());
        int line = 0;
        while (line <= s.length()) {
            int end = s.indexOf('\n', line);
            if (end < 0) end = s.length();
            boolean blank = true;
            for (int i = line; i < end && blank; i++) blank = s.charAt(i) == ' ' || s.charAt(i) == '\t';
            if (!blank) {
                if (!out.isEmpty()) out.append('\n');
                out.append(s, line, end);
            }
            line = end + 1;
        }
        return out.toString();
    }
}
