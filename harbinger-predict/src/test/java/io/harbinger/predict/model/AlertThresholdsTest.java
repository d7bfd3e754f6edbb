package io.harbinger.predict.model;

import io.harbinger.schema.prediction.Bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertThresholdsTest {
    private final AlertThresholds t = new AlertThresholds(0.6, 0.3, 7);

    @Test
    void bucket_atOrAboveAlert_isBad_evenWithShortHistory() {
        assertThat(t.bucket(0.6, 30)).isEqualTo(Bucket.BAD);
        assertThat(t.bucket(0.99, 0)).isEqualTo(Bucket.BAD);
    }

    @Test
    void bucket_atOrAboveWarning_isWarning_belowIsGood() {
        assertThat(t.bucket(0.3, 7)).isEqualTo(Bucket.WARNING);
        assertThat(t.bucket(Math.nextDown(0.6), 7)).isEqualTo(Bucket.WARNING);
        assertThat(t.bucket(Math.nextDown(0.3), 7)).isEqualTo(Bucket.GOOD);
        assertThat(t.bucket(0, 100)).isEqualTo(Bucket.GOOD);
    }

    @Test
    void bucket_withLessThanMinHistory_andNotBad_isUnknown() {
        assertThat(t.bucket(0.5, 6)).isEqualTo(Bucket.UNKNOWN);
        assertThat(t.bucket(0.0, 6)).isEqualTo(Bucket.UNKNOWN);
        assertThat(t.bucket(0.0, 7)).isEqualTo(Bucket.GOOD);
    }

    @Test
    void constructor_refusesThresholdsOutOfRangeOrOutOfOrder_namingThem() {
        assertThatThrownBy(() -> new AlertThresholds(0, 0, 1)).hasMessageContaining("alert threshold must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new AlertThresholds(1.5, 0.5, 1)).hasMessageContaining("was 1.5");
        assertThatThrownBy(() -> new AlertThresholds(Double.NaN, 0.5, 1)).hasMessageContaining("was NaN");
        assertThatThrownBy(() -> new AlertThresholds(0.5, 0.6, 1)).hasMessageContaining("warning threshold must be in (0, alert threshold 0.5], was 0.6");
        assertThatThrownBy(() -> new AlertThresholds(0.5, 0.5, -1)).hasMessageContaining("minHistoryDays must be >= 0, was -1");
        assertThat(new AlertThresholds(1, 1, 0).bucket(1, 0)).isEqualTo(Bucket.BAD);
    }

    @Test
    void bucketLabels_roundTrip_andUnknownLabelsAreRefused() {
        for (Bucket b : Bucket.values()) assertThat(Bucket.ofLabel(b.label())).isEqualTo(b);
        assertThatThrownBy(() -> Bucket.ofLabel("BAD")).hasMessageContaining("unknown bucket 'BAD'");
    }
}
