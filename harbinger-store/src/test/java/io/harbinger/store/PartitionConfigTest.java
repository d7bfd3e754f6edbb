package io.harbinger.store;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionConfigTest {
    @Test
    void defaults_keepRawDataThirtyDaysAndPredictionsFourHundred() {
        PartitionConfig config = PartitionConfig.defaults();

        assertThat(config.policy(PartitionedTable.DISK_SAMPLES)).isEqualTo(new TablePolicy(Granularity.DAY, 30));
        assertThat(config.policy(PartitionedTable.PREDICTIONS)).isEqualTo(new TablePolicy(Granularity.DAY, 400));
    }

    @Test
    void missingTablePolicy_isRefusedNamingTheTable() {
        Map<PartitionedTable, TablePolicy> policies = new EnumMap<>(PartitionConfig.defaults().policies());
        policies.remove(PartitionedTable.ALERTS);

        assertThatThrownBy(() -> new PartitionConfig(policies, 3, 2)).hasMessageContaining("alerts");
    }

    @Test
    void badNumbers_areRefusedWithTheValue() {
        Map<PartitionedTable, TablePolicy> policies = PartitionConfig.defaults().policies();

        assertThatThrownBy(() -> new PartitionConfig(policies, 0, 2)).hasMessage("daysAhead must be in [1, 366], was 0");
        assertThatThrownBy(() -> new PartitionConfig(policies, 3, -1)).hasMessage("daysBack must be >= 0, was -1");
        assertThatThrownBy(() -> new TablePolicy(Granularity.DAY, 0)).hasMessage("retentionDays must be >= 1, was 0");
    }
}
