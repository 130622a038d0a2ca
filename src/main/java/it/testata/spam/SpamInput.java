package it.testata.spam;

/**
 * What the filter looks at in a comment: the fields the reader typed, the network it came from, and the title and
 * text of the article it is posted under (empty when unknown), for its relevance.
 */
public record SpamInput(String author, String email, String url, String text, String ipNet, String article) {
    public SpamInput {
        author = author == null ? "" : author;
        email = email == null ? "" : email;
        url = url == null ? "" : url;
        text = text == null ? "" : text;
        ipNet = ipNet == null ? "" : ipNet;
        article = article == null ? "" : article;
    }

    /** A comment whose article is not known. */
    public SpamInput(String author, String email, String url, String text, String ipNet) {
        this(author, email, url, text, ipNet, "");
    }

    public Features features() {
        return Tokenizer.features(author, email, url, text);
    }

    /** The travelling signals, relevance to the article included when it is known. */
    public Signals signals() {
        return Signals.of(this, article.isBlank() ? null : article);
    }

    /** The same, with the codes read from these features of this comment (not looked for twice). */
    public Signals signals(Features f) {
        return Signals.of(this, article.isBlank() ? null : article, f);
    }
}
