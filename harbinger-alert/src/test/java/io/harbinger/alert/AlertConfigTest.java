package io.harbinger.alert;

import io.harbinger.alert.notify.GroupBy;
import io.harbinger.alert.notify.Receiver;
import io.harbinger.alert.rule.Hold;
import io.harbinger.core.config.InvalidSettingsException;
import io.harbinger.core.config.Settings;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.topic.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertConfigTest {
    private static AlertConfig read(Map<String, String> given) {
        return AlertConfig.from(Settings.read(AlertConfig.SETTINGS, given, Map.of()), "127.0.0.1:9092", Topics.DEFAULT);
    }

    @Test
    void defaults_badForOneSample_keepFiringAnHour_byHost_noReceivers() {
        AlertConfig c = AlertConfig.defaults("127.0.0.1:9092", Topics.DEFAULT);
        assertThat(c.rule().threshold()).isEqualTo(Bucket.BAD);
        assertThat(c.rule().hold()).isEqualTo(new Hold.Samples(1));
        assertThat(c.rule().keepFiringFor()).isEqualTo(Duration.ofHours(1));
        assertThat(c.groupBy()).isEqualTo(GroupBy.HOST);
        assertThat(c.receivers()).isEmpty();
        assertThat(c.group()).isEqualTo("harbinger.alerting");
        assertThat(c.topic()).isEqualTo("harbinger.predictions");
    }

    @Test
    void givenValues_makeTheRuleAndTheReceivers() {
        AlertConfig c = read(Map.of("alert-bucket", "warning", "alert-for", "10m", "alert-group-by", "region",
                "alert-webhook", "http://127.0.0.1:9000/hook", "alertmanager", "http://127.0.0.1:9093"));
        assertThat(c.rule().name()).isEqualTo("drive-warning");
        assertThat(c.rule().hold()).isEqualTo(new Hold.Lasting(Duration.ofMinutes(10)));
        assertThat(c.groupBy()).isEqualTo(GroupBy.REGION);
        assertThat(c.receivers()).extracting(Receiver::name).containsExactly("webhook", "alertmanager");
        assertThat(c.receivers().get(1).target()).hasToString("http://127.0.0.1:9093/api/v2/alerts");
    }

    @Test
    void badValues_areRefusedNamingTheSetting() {
        assertThatThrownBy(() -> read(Map.of("alert-for", "soon"))).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("--alert-for");
        assertThatThrownBy(() -> read(Map.of("alert-webhook", "ftp://x/y"))).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("--alert-webhook");
        assertThatThrownBy(() -> read(Map.of("alert-bucket", "unknown"))).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("--alert-bucket");
        assertThatThrownBy(() -> read(Map.of("alert-rate", "0"))).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("--alert-rate");
        assertThatThrownBy(() -> read(Map.of("alert-backoff-initial", "10s", "alert-backoff-max", "1s")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("--alert-backoff-max (1s) must be at least --alert-backoff-initial (10s)");
    }
}
