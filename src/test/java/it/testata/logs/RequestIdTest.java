package it.testata.logs;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The request id made for a request without a usable one: 32 hex digits, new every time; a sane one is kept. */
class RequestIdTest {
    @Test
    void aMadeIdIsTwoSixteenDigitHalvesAndNewEveryTime() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = Requests.idFor(null);
            assertThat(id).matches("[89a-f][0-9a-f]{15}[89a-f][0-9a-f]{15}");
            seen.add(id);
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void aSaneIncomingIdIsKeptAndAnOddOneReplaced() {
        assertThat(Requests.idFor("abc-123.x")).isEqualTo("abc-123.x");
        assertThat(Requests.idFor("bad id with spaces")).matches("[0-9a-f]{32}");
    }
}
