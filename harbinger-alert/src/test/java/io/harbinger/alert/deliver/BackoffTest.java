package io.harbinger.alert.deliver;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private static final Duration INITIAL = Duration.ofMillis(100), MAX = Duration.ofSeconds(10);

    @Test
    void ceiling_doublesPerFailure_upToTheMax() {
        Backoff b = new Backoff(INITIAL, MAX, () -> 0.5);
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.ceiling(5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(b.ceiling(8)).isEqualTo(MAX);
        assertThat(b.ceiling(1_000)).isEqualTo(MAX);
    }

    @Test
    void jitter_staysWithinHalfAndAllOfTheCeiling_andSpreads() {
        Random random = new Random(42);
        Backoff b = new Backoff(INITIAL, MAX, random::nextDouble);
        for (int failures = 1; failures <= 12; failures++) {
            Duration ceiling = b.ceiling(failures);
            java.util.Set<Duration> seen = new java.util.HashSet<>();
            for (int i = 0; i < 200; i++) {
                Duration d = b.delay(failures);
                assertThat(d).isBetween(ceiling.dividedBy(2), ceiling);
                seen.add(d);
            }
            assertThat(seen).as("jitter spreads the waits").hasSizeGreaterThan(100);
        }
        assertThat(new Backoff(INITIAL, MAX, () -> 0.0).delay(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(new Backoff(INITIAL, MAX, () -> 0.999999).delay(3)).isLessThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void retryAfter_isHonouredWhenLongerThanTheBackoff() {
        Backoff b = new Backoff(INITIAL, MAX, () -> 0.0);
        assertThat(b.delay(1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(b.delay(1, Optional.of(Duration.ofMillis(1)))).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void outcome_classifiesStatuses_andReadsRetryAfterAsSecondsOrDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
        HttpHeaders none = HttpHeaders.of(Map.of(), (a, b) -> true);
        HttpHeaders seconds = HttpHeaders.of(Map.of("Retry-After", List.of("7")), (a, b) -> true);
        HttpHeaders date = HttpHeaders.of(Map.of("Retry-After", List.of("Wed, 02 Dec 2026 12:00:30 GMT")), (a, b) -> true);
        assertThat(Outcome.ofStatus(200, none, "", clock)).isInstanceOf(Outcome.Delivered.class);
        assertThat(Outcome.ofStatus(500, none, "boom", clock)).isEqualTo(new Outcome.Retry("HTTP 500: boom", Optional.empty()));
        assertThat(Outcome.ofStatus(429, seconds, "", clock)).isEqualTo(new Outcome.Retry("HTTP 429", Optional.of(Duration.ofSeconds(7))));
        assertThat(Outcome.ofStatus(503, date, "", clock)).isEqualTo(new Outcome.Retry("HTTP 503", Optional.of(Duration.ofSeconds(30))));
        assertThat(Outcome.ofStatus(400, none, "bad", clock)).isInstanceOf(Outcome.Rejected.class);
        assertThat(Outcome.retryAfter("999999", clock.instant())).contains(Outcome.MAX_RETRY_AFTER);
        assertThat(Outcome.retryAfter("soon", clock.instant())).isEmpty();
    }
}
