package it.testata.article;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Article bodies: Markdown to HTML, then through a sanitizer that keeps the structure an article needs
 * (paragraphs, headings, quotes, lists, links, images, tables, code) and drops scripts, event handlers,
 * styles and any URL that is not http(s), mailto or relative.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
                    "strong", "em", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "abbr",
                    "cite", "q", "code", "pre", "kbd", "figure", "figcaption", "table", "thead", "tbody", "tfoot",
                    "tr", "th", "td", "caption", "dl", "dt", "dd", "a", "img", "span", "div")
            // An article has one h1, the title; a heading 1 in the body becomes a heading 2.
            .allowElements((name, attrs) -> "h2", "h1")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title", "width", "height").onElements("img")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("start").onElements("ol")
            .allowAttributes("colspan", "rowspan").onElements("td", "th")
            .allowAttributes("class").matching(true, "language-[a-z0-9+#-]{1,20}").onElements("code")
            .requireRelsOnLinks("noopener")
            .toFactory();

    private Markdown() {}

    public static String toSafeHtml(String markdown) {
        return sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }

    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
