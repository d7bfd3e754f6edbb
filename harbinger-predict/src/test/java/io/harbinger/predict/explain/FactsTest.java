package io.harbinger.predict.explain;

import io.harbinger.predict.feature.DriveHistory;
import io.harbinger.predict.feature.DriveReading;
import io.harbinger.schema.disk.SmartAttribute;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.harbinger.schema.disk.SmartAttribute.CURRENT_PENDING_SECTORS;
import static io.harbinger.schema.disk.SmartAttribute.REALLOCATED_SECTORS;
import static io.harbinger.schema.disk.SmartAttribute.REPORTED_UNCORRECTABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactsTest {
    private static final long DAY0 = 19_000;

    @Test
    void aCounterThatGrew_isToldFromItsLastReadingAtTheFirstValue_andOneUnchanged_overTheWindowsReadings() {
        DriveHistory h = new DriveHistory();
        for (int d = 0; d <= 6; d++) h.add(reading(d, 8, 0));
        h.add(reading(7, 8, 6));
        h.add(reading(8, 8, 10));
        h.add(reading(10, 8, 24)); // no reading on day 9

        assertThat(Facts.of(h, DAY0 + 10, List.of("smart_197_change_7d", "smart_197_raw", "smart_5_raw")))
                .containsExactly("SMART 197 current pending sectors 0 -> 24 in 4 days", "SMART 5 reallocated sectors unchanged at 8 over 10 days");
    }

    @Test
    void counterDynamicsFeatures_areAboutTheirCounter_andTheTransferFeature_aboutPendingThenReallocated() {
        DriveHistory h = new DriveHistory();
        h.add(reading(0, 0, 16));
        h.add(reading(5, 14, 2));

        assertThat(Facts.of(h, DAY0 + 5, List.of("smart_5_days_since_increase", "smart_5_increases_30d")))
                .containsExactly("SMART 5 reallocated sectors 0 -> 14 in 5 days");
        assertThat(Facts.of(h, DAY0 + 5, List.of("pending_to_reallocated_30d", "error_counters_nonzero")))
                .containsExactly("SMART 197 current pending sectors 16 -> 2 in 5 days", "SMART 5 reallocated sectors 0 -> 14 in 5 days");
    }

    @Test
    void theWindowIsTheThirtyDaysUpToTheScoredDay() {
        DriveHistory h = new DriveHistory();
        for (int d = 0; d <= 40; d++) h.add(reading(d, 8, d));

        assertThat(Facts.of(h, DAY0 + 40, List.of("smart_197_change_30d")))
                .containsExactly("SMART 197 current pending sectors 10 -> 40 in 30 days");
    }

    @Test
    void aLateReading_isToldFromTheReadingsUpToItsDayOnly() {
        DriveHistory h = new DriveHistory();
        h.add(reading(0, 8, 0));
        h.add(reading(5, 8, 24));
        h.add(reading(3, 8, 10));

        assertThat(Facts.of(h, DAY0 + 3, List.of("smart_197_raw"))).containsExactly("SMART 197 current pending sectors 0 -> 10 in 3 days");
        assertThat(Facts.of(h, DAY0 + 5, List.of("smart_197_raw"))).containsExactly("SMART 197 current pending sectors 0 -> 24 in 5 days");
    }

    @Test
    void theOnlyReading_saysSo_andAFallIsToldToo() {
        DriveHistory first = new DriveHistory();
        first.add(new DriveReading(nanos(0), values(REPORTED_UNCORRECTABLE, 3), false));
        DriveHistory fell = new DriveHistory();
        fell.add(reading(0, 8, 0));
        fell.add(reading(1, 6, 0));

        assertThat(Facts.of(first, DAY0, List.of("smart_187_change_1d")))
                .containsExactly("SMART 187 reported uncorrectable errors at 3 (no earlier reading in 30 days)");
        assertThat(Facts.of(fell, DAY0 + 1, List.of("smart_5_change_1d"))).containsExactly("SMART 5 reallocated sectors 8 -> 6 in 1 day");
    }

    @Test
    void featuresAboutAnythingButTheErrorCounters_orACounterTheReadingLacks_giveNoFact() {
        DriveHistory h = new DriveHistory();
        h.add(reading(0, 8, 0));
        h.add(new DriveReading(nanos(1), values(CURRENT_PENDING_SECTORS, 2), false)); // no SMART 5 on the day scored

        assertThat(Facts.of(h, DAY0 + 1, List.of("temperature_max_30d", "power_on_hours", "days_since_first_error", "smart_5_raw"))).isEmpty();
        assertThat(Facts.of(h, DAY0 + 1, List.of())).isEmpty();
        assertThat(Facts.of(h, DAY0 + 1, List.of("smart_197_change_1d", "smart_197_change_7d")))
                .as("one fact per counter").containsExactly("SMART 197 current pending sectors 0 -> 2 in 1 day");
    }

    @Test
    void aDayWithoutAReading_isRefused() {
        DriveHistory h = new DriveHistory();
        h.add(reading(0, 8, 0));

        assertThatThrownBy(() -> Facts.of(h, DAY0 + 1, List.of("smart_5_raw"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A reading on {@code DAY0 + day} with SMART 5 at {@code reallocated} and 197 at {@code pending}. */
    private static DriveReading reading(int day, double reallocated, double pending) {
        double[] v = values(REALLOCATED_SECTORS, reallocated);
        v[CURRENT_PENDING_SECTORS.slot()] = pending;
        return new DriveReading(nanos(day), v, false);
    }

    private static double[] values(SmartAttribute a, double value) {
        double[] v = new double[DriveReading.ATTRIBUTES.length];
        Arrays.fill(v, Double.NaN);
        v[a.slot()] = value;
        return v;
    }

    private static long nanos(int day) {
        return (DAY0 + day) * DriveReading.NANOS_PER_DAY + 3_600_000_000_000L;
    }
}
