package io.harbinger.predict.train;

import io.harbinger.core.TestData;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelHolder;
import io.harbinger.predict.offline.BackblazeDays;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproducibility: training on the real data set again with the defaults (what
 * {@code harbinger train --data ../shared/data/backblaze-st4000dm000-2018-h1 --out models/default-model.json}
 * does) gives the shipped model: the same version, which hashes its trees, thresholds, alarm and
 * calibrations. A change to training, features or the model's meaning must come with the retrained file.
 */
class ShippedModelIT {
    @Test
    void retrainingTheData_givesTheShippedModel() {
        Path data = TestData.resolve("backblaze-st4000dm000-2018-h1");
        Periods periods = Periods.lastDaysForTest(BackblazeDays.firstDay(data), BackblazeDays.lastDay(data), 91);
        Training.Result result = Training.run(data, periods, TrainingParams.defaults());
        try (FailureModel shipped = ModelHolder.bundled().get()) {
            assertThat(result.model().version()).isEqualTo(shipped.version());
            assertThat(result.model().info().training()).isEqualTo(shipped.info().training());
        } finally {
            result.model().close();
        }
    }
}
