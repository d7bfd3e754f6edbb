package io.harbinger.store.load;

import io.harbinger.schema.cache.ChangedKey;
import io.harbinger.store.rows.AlertRow;
import io.harbinger.store.rows.DiskSampleRow;
import io.harbinger.store.rows.HostMetricRow;
import io.harbinger.store.rows.PredictionRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a committed batch tells the {@link CommitListener}: each drive and host its rows are about, once. */
class CommitListenerTest {
    @Test
    void changedKeys_areTheDrivesOfPredictionAlertAndSampleRows_andTheHostsOfMetricRows() {
        ShardBatch batch = new ShardBatch();
        batch.add(new PredictionRow("eu-1", "h1", "d1", 1, "m", 0.9, "bad", "[]"));
        batch.add(new PredictionRow("eu-1", "h1", "d1", 2, "m", 0.9, "bad", "[]"));
        batch.add(new AlertRow("eu-1", "h1", "d2", 1, "m", 0.9, "bad", "[]"));
        batch.add(new DiskSampleRow("us-2", "h7", "d9", 1, "ST4000DM000", new long[1 + io.harbinger.schema.disk.SmartAttribute.ALL.size()], 0, 0f, false, false, "{}"));
        batch.add(new HostMetricRow("us-2", "h8", "cpu", "{}", 1, "{}"));
        assertThat(LoadLoop.changedKeys(batch)).containsExactlyInAnyOrder(new ChangedKey("eu-1", "h1", "d1"), new ChangedKey("eu-1", "h1", "d2"),
                new ChangedKey("us-2", "h7", "d9"), ChangedKey.host("us-2", "h8"));
    }
}
