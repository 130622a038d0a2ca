package it.testata.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's progress line: share of the file read, items and comments per second, time left. */
class ProgressBarTest {

    @Test
    void showsRatesAndTheTimeLeft() {
        ProgressBar bar = ProgressBar.onTerminal(1000);
        // a quarter of the file in 10 s: 30 s left
        assertThat(bar.line(250, 500, 4000, 10)).isEqualTo(
                "[######                  ]  25%  500 items (50/s)  4000 comments (400/s)  ETA 0:30 ");
        assertThat(bar.line(0, 0, 0, 0)).endsWith("ETA --:-- ");
        assertThat(bar.line(1000, 7, 7, 90)).startsWith("[########################] 100%").endsWith("ETA 0:00 ");
    }
}
