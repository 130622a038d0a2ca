package it.testata.spam;

/** One line of a labelled corpus: spam or ham, the author (may be empty), the text. */
public record Labelled(boolean spam, String author, String text) {
    public Features features() {
        return Tokenizer.features(author, null, null, text);
    }
}
