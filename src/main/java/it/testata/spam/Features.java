package it.testata.spam;

import java.util.List;

/** The distinct feature names of one comment, as the {@link Tokenizer} made them; the model scores presence. */
public record Features(List<String> names) {
    public Features {
        names = List.copyOf(names);
    }

    public int size() {
        return names.size();
    }
}
