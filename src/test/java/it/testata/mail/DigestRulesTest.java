package it.testata.mail;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When a newsletter digest is due: the latest daily or weekly slot at or before a moment, in the site's zone. */
class DigestRulesTest {
    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private static Instant rome(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), ROME).toInstant();
    }

    @Test
    void theLatestSlotAtOrBeforeNowInTheSitesZone() {
        DigestRules daily = DigestRules.fromRows(Map.of("newsletter.mode", "daily", "newsletter.digest_time", "07:30"));
        assertThat(daily.lastSlot(rome("2026-12-07T07:29"), ROME)).isEqualTo(rome("2026-12-06T07:30"));
        assertThat(daily.lastSlot(rome("2026-12-07T07:30"), ROME)).isEqualTo(rome("2026-12-07T07:30"));
        assertThat(daily.lastSlot(rome("2026-12-07T23:59"), ROME)).isEqualTo(rome("2026-12-07T07:30"));

        DigestRules weekly = DigestRules.fromRows(Map.of("newsletter.mode", "weekly", "newsletter.digest_day", "friday"));
        // 2026-12-07 is a Monday; the default time is 08:00
        assertThat(weekly.lastSlot(rome("2026-12-07T12:00"), ROME)).isEqualTo(rome("2026-12-04T08:00"));
        assertThat(weekly.lastSlot(rome("2026-12-11T07:59"), ROME)).isEqualTo(rome("2026-12-04T08:00"));
        assertThat(weekly.lastSlot(rome("2026-12-11T08:00"), ROME)).isEqualTo(rome("2026-12-11T08:00"));

        assertThat(DigestRules.fromRows(Map.of()).mode()).isEqualTo(DigestRules.Mode.ARTICLE);
        assertThat(DigestRules.fromRows(Map.of()).lastSlot(Instant.now(), ROME)).isNull();
    }

    @Test
    void valuesAreCheckedAndEmptyMeansTheDefault() {
        assertThat(DigestRules.check("newsletter.mode", "monthly")).isPresent();
        assertThat(DigestRules.check("newsletter.digest_time", "8:00")).isPresent();
        assertThat(DigestRules.check("newsletter.digest_time", "24:00")).isPresent();
        assertThat(DigestRules.check("newsletter.digest_day", "lunedì")).isPresent();
        assertThat(DigestRules.check("newsletter.digest_time", "23:59")).isEmpty();
        assertThat(DigestRules.check("newsletter.mode", "")).isEmpty();
        assertThat(DigestRules.fromRows(Map.of("newsletter.digest_time", "")).at()).isEqualTo(java.time.LocalTime.of(8, 0));
    }
}
