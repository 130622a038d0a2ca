package it.testata.spam;

/** What the filter looks at in a comment: the fields the reader typed and the network it came from. */
public record SpamInput(String author, String email, String url, String text, String ipNet) {
    public SpamInput {
        author = author == null ? "" : author;
        email = email == null ? "" : email;
        url = url == null ? "" : url;
        text = text == null ? "" : text;
        ipNet = ipNet == null ? "" : ipNet;
    }

    public Features features() {
        return Tokenizer.features(author, email, url, text);
    }
}
