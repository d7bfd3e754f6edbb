package io.harbinger.simulate.fleet;

import io.harbinger.schema.disk.SmartAttribute;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetGeneratorTest {
    private static final FleetParameters PARAMS = ParametersFile.loadDefault();
    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);

    private static List<FleetGenerator.Day> run(FleetShape shape, long seed, double boost, int days) {
        FleetGenerator g = new FleetGenerator(PARAMS, shape, seed, boost, DAY0);
        List<FleetGenerator.Day> out = new ArrayList<>();
        for (int d = 0; d < days; d++) out.add(g.next());
        return out;
    }

    @Test
    void sameSeed_sameReadings_dayForDay() {
        assertThat(run(new FleetShape(10, 2, 4), 42, 50, 60)).isEqualTo(run(new FleetShape(10, 2, 4), 42, 50, 60));
    }

    @Test
    void anotherSeed_anotherFleet() {
        assertThat(run(new FleetShape(10, 2, 4), 1, 50, 5)).isNotEqualTo(run(new FleetShape(10, 2, 4), 2, 50, 5));
    }

    @Test
    void aDrivesLife_dependsOnItsSlotAndTheSeed_notOnTheRestOfTheFleet() {
        List<FleetGenerator.Day> small = run(new FleetShape(2, 1, 4), 5, 30, 40);
        List<FleetGenerator.Day> large = run(new FleetShape(50, 5, 4), 5, 30, 40);
        for (int d = 0; d < 40; d++) {
            for (int slot = 0; slot < 8; slot++) {
                SmartReading a = small.get(d).readings().get(slot);
                SmartReading b = large.get(d).readings().get(slot);
                assertThat(b.serial()).isEqualTo(a.serial());
                assertThat(b.values()).isEqualTo(a.values());
            }
        }
    }

    @Test
    void theGeneratorOfSomeHosts_givesThemTheWholeFleetsReadings() {
        FleetShape shape = new FleetShape(12, 3, 4);
        FleetGenerator whole = new FleetGenerator(PARAMS, shape, 9, 300, DAY0); // boost: failures, so fresh drives (generations) are covered
        FleetGenerator some = FleetGenerator.ofHosts(PARAMS, shape, 9, 300, DAY0, 5, 3);
        int failures = 0;
        for (int d = 0; d < 60; d++) {
            FleetGenerator.Day all = whole.next();
            FleetGenerator.Day day = some.next();
            assertThat(day.day()).isEqualTo(all.day());
            assertThat(day.readings()).isEqualTo(all.readings().subList(5 * 4, 8 * 4));
            for (SmartReading r : day.readings()) if (r.failure()) failures++;
            for (int slot = 5 * 4; slot < 8 * 4; slot++) assertThat(some.everFailing(slot)).isEqualTo(whole.everFailing(slot));
        }
        assertThat(failures).as("the range saw failures and fresh drives").isPositive();
        assertThatThrownBy(() -> FleetGenerator.ofHosts(PARAMS, shape, 9, 1, DAY0, 10, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSeeds_shareNoSerialNumber() {
        Set<String> a = new HashSet<>();
        run(new FleetShape(10, 2, 4), 1, 0, 1).getFirst().readings().forEach(r -> a.add(r.serial()));
        run(new FleetShape(10, 2, 4), 2, 0, 1).getFirst().readings().forEach(r -> assertThat(a).doesNotContain(r.serial()));
        assertThat(a).hasSize(40);
    }

    @Test
    void everySlot_reportsEveryDay_onItsHostAndRegion() {
        FleetShape shape = new FleetShape(6, 3, 2);
        List<FleetGenerator.Day> days = run(shape, 3, 1, 3);
        assertThat(days).extracting(FleetGenerator.Day::day).containsExactly(DAY0, DAY0.plusDays(1), DAY0.plusDays(2));
        List<SmartReading> first = days.getFirst().readings();
        assertThat(first).hasSize(12);
        assertThat(first.get(0).host()).isEqualTo("host-0001");
        assertThat(first.get(0).region()).isEqualTo("region-1");
        assertThat(first.get(11).host()).isEqualTo("host-0006");
        assertThat(first.get(11).region()).isEqualTo("region-3");
        assertThat(first).allSatisfy(r -> {
            assertThat(r.serial()).matches("SIM[0-9A-Z]{3}[0-9]{8}");
            assertThat(r.model()).isEqualTo("ST4000DM000");
        });
    }

    @Test
    void aFailedDrive_reportsFailureOnItsLastDay_andAFreshDriveTakesItsSlotTheNextDay() {
        List<FleetGenerator.Day> days = run(new FleetShape(20, 2, 5), 11, 300, 60);
        int failures = 0;
        for (int d = 0; d + 1 < days.size(); d++) {
            for (int slot = 0; slot < 100; slot++) {
                SmartReading today = days.get(d).readings().get(slot);
                SmartReading tomorrow = days.get(d + 1).readings().get(slot);
                if (today.failure()) {
                    failures++;
                    assertThat(tomorrow.serial()).isNotEqualTo(today.serial());
                    assertThat(tomorrow.value(SmartAttribute.POWER_ON_HOURS)).as("a fresh drive").isLessThan(48);
                    for (SmartAttribute a : SmartAttribute.RULE_COUNTERS) assertThat(tomorrow.value(a)).isZero();
                } else {
                    assertThat(tomorrow.serial()).isEqualTo(today.serial());
                    assertThat(tomorrow.value(SmartAttribute.POWER_ON_HOURS)).isGreaterThanOrEqualTo(today.value(SmartAttribute.POWER_ON_HOURS));
                }
            }
        }
        assertThat(failures).isGreaterThan(10);
    }

    @Test
    void noBoost_noFailures() {
        Set<Boolean> failure = new HashSet<>();
        for (FleetGenerator.Day d : run(new FleetShape(20, 2, 10), 4, 0, 60)) for (SmartReading r : d.readings()) failure.add(r.failure());
        assertThat(failure).containsExactly(false);
    }

    @Test
    void mirroredCounters_move_together() {
        for (FleetGenerator.Day d : run(new FleetShape(50, 2, 10), 8, 100, 60)) {
            for (SmartReading r : d.readings()) {
                assertThat(r.value(SmartAttribute.OFFLINE_UNCORRECTABLE)).isEqualTo(r.value(SmartAttribute.CURRENT_PENDING_SECTORS));
            }
        }
    }

    @Test
    void aBoostThatMakesTheHazardOne_isRefused() {
        assertThatThrownBy(() -> new FleetGenerator(PARAMS, new FleetShape(1, 1, 1), 1, 1 / PARAMS.failureHazard(), DAY0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failureBoost");
    }
}
