package io.harbinger.store.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    @Test
    void nextNanos_doublesPerFailure_upToTheCap_andResetStartsOver() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(backoff.nextNanos()).isEqualTo(100_000_000L);
        assertThat(backoff.nextNanos()).isEqualTo(200_000_000L);
        assertThat(backoff.nextNanos()).isEqualTo(400_000_000L);
        assertThat(backoff.nextNanos()).isEqualTo(500_000_000L);
        for (int i = 0; i < 100; i++) backoff.nextNanos();
        assertThat(backoff.nextNanos()).isEqualTo(500_000_000L);

        backoff.reset();
        assertThat(backoff.nextNanos()).isEqualTo(100_000_000L);
    }

    @Test
    void config_rejectsACapBelowTheInitialWait_namingBoth() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoaderConfig.defaults("127.0.0.1:9092", io.harbinger.schema.topic.Topics.DEFAULT)
                        .withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoffMax (PT1S) must be >= backoffInitial (PT2S)");
    }
}
