package it.testata.mail;

import java.util.List;

/**
 * What one message says, for both bodies (templates mail/text.jte and mail/html.jte): the language, a heading,
 * paragraphs of plain text, an optional quoted excerpt, an optional button (label and address), and the footer's
 * lines and links (unsubscribe links among them).
 */
public record MailContent(String lang, String siteName, String heading, List<String> paragraphs, String quote,
                          Link action, List<Link> footerLinks, String footer) {

    /** A link with its text. */
    public record Link(String label, String url) {}
}
