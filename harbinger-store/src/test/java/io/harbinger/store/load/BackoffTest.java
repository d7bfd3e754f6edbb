package io.harbinger.store.load;

import io.harbinger.core.config.Settings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.builder(LoaderConfig.SETTINGS)
                        .set(LoaderConfig.BACKOFF_INITIAL, Duration.ofSeconds(2)).set(LoaderConfig.BACKOFF_MAX, Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--loader-backoff-max (1s) must be at least --loader-backoff-initial (2s)");
        LoaderConfig d = LoaderConfig.defaults("127.0.0.1:9092", io.harbinger.schema.topic.Topics.DEFAULT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LoaderConfig(d.bootstrapServers(), d.topics(), d.feed(), d.maxBatchRows(),
                        d.maxBatchLatency(), d.maxPollRecords(), Duration.ofSeconds(2), Duration.ofSeconds(1), d.lagInterval(), d.format(), d.mode(), Map.of()))
                .hasMessage("--loader-backoff-max (1s) must be at least --loader-backoff-initial (2s)");
    }
}
