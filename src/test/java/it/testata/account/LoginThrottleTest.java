package it.testata.account;

import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After 5 failed logins for one account from one network within 15 minutes, that account is refused from that
 * network for 15 minutes, even with the right password; other networks and other accounts are not affected.
 */
class LoginThrottleTest {
    static final String PASSWORD = "correct horse battery";

    TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.startEmpty().trustLoopbackProxy(); // the test plays the proxy: X-Forwarded-* count
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.AUTHOR, PASSWORD.toCharArray());
        site.site().accounts.add("bruno@example.org", "Bruno Neri", Role.AUTHOR, PASSWORD.toCharArray());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    HttpResponse<String> login(String email, String password, String address) {
        return new StaffClient(site).login(email, password, "X-Forwarded-For", address);
    }

    @Test
    void theSixthAttemptIsRefusedEvenWithTheRightPasswordButOnlyForThatAccountAndNetwork() {
        for (int i = 1; i <= 4; i++) {
            assertThat(login("ada@example.org", "wrong " + i, "10.20.30." + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> fifth = login("ADA@example.org", "wrong 5", "10.20.30.99"); // same /24, same account
        assertThat(fifth.statusCode()).isEqualTo(429);

        HttpResponse<String> right = login("ada@example.org", PASSWORD, "10.20.30.7");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(Jsoup.parse(right.body()).select("[role=alert]").text())
                .isEqualTo("Troppi tentativi falliti per questo account dalla tua rete: riprova fra 15 minuti.");
        assertThat(right.headers().allValues("Set-Cookie")).noneMatch(v -> v.startsWith(Access.SESSION_COOKIE + "="));

        assertThat(login("ada@example.org", PASSWORD, "10.20.31.7").statusCode()).isEqualTo(303); // another network
        assertThat(login("bruno@example.org", PASSWORD, "10.20.30.7").statusCode()).isEqualTo(303); // another account
        assertThat(login("ada@example.org", PASSWORD, "10.20.30.8").statusCode()).isEqualTo(429); // still locked
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) assertThat(login("ada@example.org", "wrong", "10.1.1.1").statusCode()).isEqualTo(401);
        assertThat(login("ada@example.org", PASSWORD, "10.1.1.1").statusCode()).isEqualTo(303);
        for (int i = 0; i < 4; i++) assertThat(login("ada@example.org", "wrong", "10.1.1.1").statusCode()).isEqualTo(401);
        assertThat(login("ada@example.org", PASSWORD, "10.1.1.1").statusCode()).isEqualTo(303);
    }

    @Test
    void theLockStartsAtTheFifthFailureWithinFifteenMinutesAndLastsFifteenMinutes() {
        long min = 60_000;
        Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
        long base = t0.toEpochMilli();
        List<Long> five = List.of(base, base + min, base + 2 * min, base + 3 * min, base + 4 * min);
        assertThat(AccountService.lockedUntil(five, t0.plusSeconds(4 * 60)))
                .hasValue(t0.plusSeconds(19 * 60));
        // still locked 16 minutes after the first failure, when only four of them are within the last 15
        assertThat(AccountService.lockedUntil(five, t0.plusSeconds(16 * 60))).isPresent();
        assertThat(AccountService.lockedUntil(five, t0.plusSeconds(19 * 60))).isEmpty();
        // five failures spread over more than 15 minutes lock nothing
        List<Long> spread = List.of(base, base + 4 * min, base + 8 * min, base + 12 * min, base + 16 * min);
        assertThat(AccountService.lockedUntil(spread, t0.plusSeconds(16 * 60))).isEmpty();
        assertThat(AccountService.lockedUntil(five.subList(0, 4), t0.plusSeconds(4 * 60))).isEmpty();
    }

    @Test
    void failuresForAnAccountThatDoesNotExistCountToo() {
        for (int i = 0; i < 5; i++) login("nobody@example.org", "guess " + i, "10.5.5.5");
        assertThat(login("nobody@example.org", "guess 6", "10.5.5.5").statusCode()).isEqualTo(429);
    }
}
