package it.testata.mail;

import java.util.List;

/**
 * What one message says, for both bodies (templates mail/text.jte and mail/html.jte): the language, a heading,
 * paragraphs of plain text, an optional quoted excerpt, an optional button (label and address), the footer's
 * lines and links (unsubscribe links among them), and a list of items (a digest's entries: text, link and an
 * optional excerpt), empty for most messages.
 */
public record MailContent(String lang, String siteName, String heading, List<String> paragraphs, String quote,
                          Link action, List<Link> footerLinks, String footer, List<Item> items) {

    /** A message without a list of items. */
    public MailContent(String lang, String siteName, String heading, List<String> paragraphs, String quote, Link action,
                       List<Link> footerLinks, String footer) {
        this(lang, siteName, heading, paragraphs, quote, action, footerLinks, footer, List.of());
    }

    /** One entry of a digest: its title line, its address, and an optional excerpt (may be null). */
    public record Item(String title, String url, String excerpt) {}

    /** A link with its text. */
    public record Link(String label, String url) {}
}
