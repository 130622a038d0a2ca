package it.testata.comment;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.Set;

/**
 * A reader's comment is plain text: paragraphs and line breaks are kept, bare links become links, and a small
 * Markdown subset works (emphasis, inline code, quotes). Any HTML typed is shown as text, and the result goes
 * through a sanitizer that allows only that much, with every link marked nofollow ugc noopener.
 */
public final class CommentText {
    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class))
            .extensions(List.of(AutolinkExtension.create()))
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .softbreak("<br>\n")
            .sanitizeUrls(true)
            .build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "blockquote", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private CommentText() {}

    public static String toSafeHtml(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        return POLICY.sanitize(RENDERER.render(PARSER.parse(normalized))).strip();
    }
}
