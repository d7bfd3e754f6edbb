package io.harbinger.alert.rule;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.ScoredSample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnnotationsTest {
    @Test
    void aHealthLogAssessment_saysItsReasonsAndTheRule_notAProbability() {
        ScoredSample s = new ScoredSample("eu", "h1", "S466", 0, Prediction.ofRule(Assessor.NVME_HEALTH_LOG, "nvme-health-v1", Bucket.BAD,
                List.of("NVMe critical warning 0x04: reliability degraded", "media and data integrity errors 7 -> 9 in 1 day")));

        assertThat(Annotations.of(s))
                .containsEntry("summary", "Drive S466 on eu/h1 predicted to fail (bad, judged by its NVMe health log)")
                .containsEntry("description", "NVMe critical warning 0x04: reliability degraded; media and data integrity errors 7 -> 9 "
                        + "in 1 day (nvme-health-log rule nvme-health-v1).");
    }

    @Test
    void aModelPrediction_tellsItsFacts_thenTheContributionsNoFactTells() {
        Prediction p = new Prediction("xgb-1", 0.83, Bucket.BAD, List.of(new Contribution("smart_197_raw", 1.2, 24),
                new Contribution("temperature", 0.4, 52), new Contribution("smart_197_change_7d", 0.3, 24), new Contribution("smart_5_raw", 0.2, 8)))
                .withFacts(List.of("SMART 197 current pending sectors 0 -> 24 in 3 days"));

        assertThat(Annotations.of(new ScoredSample("eu", "h1", "ZA1", 0, p)))
                .containsEntry("summary", "Drive ZA1 on eu/h1 predicted to fail (p=0.83, bad)")
                .containsEntry("description", "SMART 197 current pending sectors 0 -> 24 in 3 days; temperature 52 °C; "
                        + "SMART 5 reallocated sectors at 8 (model xgb-1).");
    }

    @Test
    void aModelPredictionWithoutFacts_tellsItsContributions() {
        Prediction p = new Prediction("xgb-1", 0.83, Bucket.BAD, List.of(new Contribution("smart_197_raw", 1.2, 24)));

        assertThat(Annotations.of(new ScoredSample("eu", "h1", "ZA1", 0, p)))
                .containsEntry("description", "SMART 197 current pending sectors at 24 (model xgb-1).");
    }
}
