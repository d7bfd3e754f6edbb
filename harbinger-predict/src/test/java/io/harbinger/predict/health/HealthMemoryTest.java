package io.harbinger.predict.health;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthMemoryTest {
    @Test
    void decode_ofEncoded_isEqual_missingCountersIncluded() {
        int n = HealthField.COUNTERS.length;
        double[] counters = new double[n];
        Arrays.fill(counters, Double.NaN);
        counters[0] = 7;
        counters[3] = 1e12;
        long[] rise = new long[n];
        Arrays.fill(rise, HealthMemory.NONE);
        rise[0] = 19_120;
        double[] from = new double[n];
        Arrays.fill(from, Double.NaN);
        from[0] = 3;
        long[] fromDay = rise.clone();
        fromDay[0] = 19_118;
        HealthMemory m = new HealthMemory(1_652_220_188_000_000_000L, counters, rise, from, fromDay, 19_000);

        assertThat(HealthMemory.decode(m.encode())).isEqualTo(m);
        assertThat(HealthMemory.decode(HealthMemory.EMPTY.encode())).isEqualTo(HealthMemory.EMPTY);
    }

    @Test
    void decode_refusesWhatIsNotAMemory_sayingWhy() {
        assertThatThrownBy(() -> HealthMemory.decode(new byte[3])).hasMessageContaining("a health memory is").hasMessageContaining("got 3");
        byte[] bytes = HealthMemory.EMPTY.encode();
        bytes[0] = 9;
        assertThatThrownBy(() -> HealthMemory.decode(bytes)).hasMessage("unknown health memory version 9 (this reader knows 1)");
    }
}
