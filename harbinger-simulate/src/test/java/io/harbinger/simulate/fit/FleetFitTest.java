package io.harbinger.simulate.fit;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.simulate.fleet.FleetParameters;
import io.harbinger.simulate.fleet.ParametersFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FleetFitTest {
    private static final long DAY0 = 17_532; // 2018-01-01

    private static DriveDay row(String serial, long day, boolean failure, long reallocated, long pending, long poh) {
        double[] v = new double[SmartAttribute.ALL.size()];
        Arrays.fill(v, 0);
        v[SmartAttribute.REALLOCATED_SECTORS.slot()] = reallocated;
        v[SmartAttribute.CURRENT_PENDING_SECTORS.slot()] = pending;
        v[SmartAttribute.OFFLINE_UNCORRECTABLE.slot()] = pending;
        v[SmartAttribute.POWER_ON_HOURS.slot()] = poh;
        v[SmartAttribute.TEMPERATURE.slot()] = 25;
        v[SmartAttribute.LOAD_CYCLE_COUNT.slot()] = poh / 10;
        return new DriveDay(serial, DAY0 + day, failure, v);
    }

    /** 40 days of 10 healthy drives (one with 8 reallocated sectors throughout, one with 4 pending and 4 offline uncorrectable) and one that fails on day 39 after its counters rose. */
    private static List<List<DriveDay>> fleet() {
        List<List<DriveDay>> days = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            List<DriveDay> rows = new ArrayList<>();
            for (int h = 0; h < 10; h++) rows.add(row("H" + h, d, false, h == 0 ? 8 : 0, h == 1 ? 4 : 0, 1000 + 24L * d));
            rows.add(row("F", d, d == 39, d >= 30 ? 16 + d : 0, d >= 35 ? 24 : 0, 5000 + 24L * d));
            days.add(rows);
        }
        return days;
    }

    private static FleetParameters fit(List<List<DriveDay>> days) {
        FleetFit f = new FleetFit();
        days.forEach(f::add);
        return f.result("test", "TEST");
    }

    @Test
    void hazard_isFailuresPerDriveDay() {
        assertThat(fit(fleet()).failureHazard()).isEqualTo(1.0 / 440);
    }

    @Test
    void aFailedDrive_becomesATrajectory_ofItsLastThirtyDays_withoutItsSerialOrDates() {
        FleetParameters p = fit(fleet());
        assertThat(p.trajectories()).hasSize(1);
        FleetParameters.Trajectory t = p.trajectories().getFirst();
        assertThat(t.days()).isEqualTo(30);
        assertThat(t.start()).containsExactly(0, 0, 0, 0, 0); // day 10: before the counters rose
        assertThat(t.changes().getFirst()).containsExactly(20, 0, 46); // day 30 = trajectory day 20: 16 + 30 reallocated
        assertThat(new String(ParametersFile.bytes(p))).doesNotContain("\"F\"");
        assertThat(p.observed().failedGrewLast14d()).isEqualTo(1.0);
    }

    @Test
    void healthyDrives_giveFirstDayShares_andMirroredCounters() {
        FleetParameters p = fit(fleet());
        assertThat(p.healthy().errorPatterns()[0]).isCloseTo(0.8, within(1e-12)); // 8 of 10 healthy drives clean
        assertThat(p.healthy().errorPatterns()[1]).isCloseTo(0.1, within(1e-12)); // bit 0: SMART 5 only
        assertThat(p.healthy().errorPatterns()[8 + 16]).isCloseTo(0.1, within(1e-12)); // bits 3 and 4: SMART 197 and 198
        assertThat(p.observed().healthyNonZero().get(5)).isCloseTo(0.1, within(1e-12));
        assertThat(p.healthy().powerOnHoursPerDay().median()).isEqualTo(24);
        assertThat(p.healthy().mirrors()).containsEntry(198, 197);
    }

    @Test
    void fittingTwice_givesTheSameBytes() {
        assertThat(ParametersFile.bytes(fit(fleet()))).isEqualTo(ParametersFile.bytes(fit(fleet())));
    }

    @Test
    void daysOutOfOrder_areRefused() {
        FleetFit f = new FleetFit();
        f.add(row("A", 5, false, 0, 0, 1));
        assertThatThrownBy(() -> f.add(row("A", 4, false, 0, 0, 1))).hasMessageContaining("feed days in order");
    }

    @Test
    void dataWithoutAFailure_isRefused() {
        FleetFit f = new FleetFit();
        f.add(row("A", 0, false, 0, 0, 1));
        assertThatThrownBy(() -> f.result("t", "m")).hasMessageContaining("no failed drive");
    }
}
