package it.testata.front;

/** Reading time at 200 words a minute (a common figure for news prose), at least one minute. */
public final class ReadingTime {
    public static final int WORDS_PER_MINUTE = 200;

    private ReadingTime() {}

    public static int words(String text) {
        if (text == null || text.isBlank()) return 0;
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) n++;
            inWord = letter;
        }
        return n;
    }

    public static int minutes(int words) {
        return Math.max(1, (words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE);
    }
}
