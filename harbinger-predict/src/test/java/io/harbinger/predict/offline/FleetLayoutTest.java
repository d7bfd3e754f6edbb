package io.harbinger.predict.offline;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetLayoutTest {
    @Test
    void place_dependsOnTheSerialAlone_andNamesTheHostAfterItsRegion() {
        FleetLayout.Place a = FleetLayout.DEFAULT.of("Z305B2QN");
        assertThat(FleetLayout.DEFAULT.of("Z305B2QN")).isEqualTo(a);
        assertThat(new FleetLayout(FleetLayout.DEFAULT.regions(), 150).of("Z305B2QN")).isEqualTo(a);
        assertThat(FleetLayout.DEFAULT.regions()).contains(a.region());
        assertThat(a.host()).matches(a.region() + "-pod-([0-9]|[1-9][0-9]|1[0-4][0-9])");
    }

    @Test
    void drives_spreadOverEveryRegionAndHost_roughlyEvenly() {
        Map<String, Integer> perRegion = new HashMap<>();
        Map<FleetLayout.Place, Integer> perHost = new HashMap<>();
        for (int i = 0; i < 60_000; i++) {
            FleetLayout.Place p = FleetLayout.DEFAULT.of("S" + i);
            perRegion.merge(p.region(), 1, Integer::sum);
            perHost.merge(p, 1, Integer::sum);
        }
        assertThat(perRegion).hasSize(4).allSatisfy((r, n) -> assertThat(n).isBetween(14_000, 16_000));
        assertThat(perHost).hasSize(600).allSatisfy((h, n) -> assertThat(n).isBetween(50, 150));
    }

    @Test
    void layoutWithoutRegionsOrHosts_isRefused() {
        assertThatThrownBy(() -> new FleetLayout(List.of(), 3)).hasMessageContaining("region");
        assertThatThrownBy(() -> new FleetLayout(List.of("r"), 0)).hasMessageContaining("hostsPerRegion");
    }
}
