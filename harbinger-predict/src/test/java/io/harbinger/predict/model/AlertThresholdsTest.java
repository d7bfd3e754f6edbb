package io.harbinger.predict.model;

import io.harbinger.schema.prediction.Bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertThresholdsTest {
    private final AlertThresholds t = new AlertThresholds(0.6, 0.3, 7);

    @Test
    void bucket_riskAtOrAboveAlert_isBad_evenWithShortHistory_whateverTheWarningRisk() {
        assertThat(t.bucket(0.6, 0, 30)).isEqualTo(Bucket.BAD);
        assertThat(t.bucket(0.99, 0.1, 0)).isEqualTo(Bucket.BAD);
    }

    @Test
    void bucket_belowAlert_warningRiskAtOrAboveWarning_isWarning_belowIsGood() {
        assertThat(t.bucket(0, 0.3, 7)).isEqualTo(Bucket.WARNING);
        assertThat(t.bucket(Math.nextDown(0.6), 0.9, 7)).isEqualTo(Bucket.WARNING);
        assertThat(t.bucket(0.5, Math.nextDown(0.3), 7)).as("the horizon's risk does not make a warning").isEqualTo(Bucket.GOOD);
        assertThat(t.bucket(0, 0, 100)).isEqualTo(Bucket.GOOD);
    }

    @Test
    void bucket_withLessThanMinHistory_andNotBad_isUnknown() {
        assertThat(t.bucket(0.5, 0.9, 6)).isEqualTo(Bucket.UNKNOWN);
        assertThat(t.bucket(0.0, 0.0, 6)).isEqualTo(Bucket.UNKNOWN);
        assertThat(t.bucket(0.0, 0.0, 7)).isEqualTo(Bucket.GOOD);
    }

    @Test
    void constructor_refusesThresholdsOutOfRange_namingThem_butNotAWarningAboveTheAlert() {
        assertThatThrownBy(() -> new AlertThresholds(0, 0.5, 1)).hasMessageContaining("alert threshold must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new AlertThresholds(1.5, 0.5, 1)).hasMessageContaining("was 1.5");
        assertThatThrownBy(() -> new AlertThresholds(Double.NaN, 0.5, 1)).hasMessageContaining("was NaN");
        assertThatThrownBy(() -> new AlertThresholds(0.5, 0, 1)).hasMessageContaining("warning threshold must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new AlertThresholds(0.5, 1.01, 1)).hasMessageContaining("warning threshold must be in (0, 1], was 1.01");
        assertThatThrownBy(() -> new AlertThresholds(0.5, 0.5, -1)).hasMessageContaining("minHistoryDays must be >= 0, was -1");
        assertThat(new AlertThresholds(0.2, 0.4, 0).warning()).as("two different risks: a warning threshold above the alert's is fine").isEqualTo(0.4);
        assertThat(new AlertThresholds(1, 1, 0).bucket(1, 0, 0)).isEqualTo(Bucket.BAD);
    }

    @Test
    void bucketLabels_roundTrip_andUnknownLabelsAreRefused() {
        for (Bucket b : Bucket.values()) assertThat(Bucket.ofLabel(b.label())).isEqualTo(b);
        assertThatThrownBy(() -> Bucket.ofLabel("BAD")).hasMessageContaining("unknown bucket 'BAD'");
    }
}
