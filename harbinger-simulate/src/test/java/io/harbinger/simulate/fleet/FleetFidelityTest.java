package io.harbinger.simulate.fleet;

import io.harbinger.schema.disk.SmartAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The shipped parameters, simulated (failure boost 1, 20,000 drives over the data's 181 days: about as many
 * drive-days as 2018-H1's ST4000DM000 fleet), against the data's own figures they carry
 * ({@link FleetParameters.Observed}; {@code ShippedParametersIT} pins that file to the data).
 * Tolerances, stated once here:
 * <ul>
 *   <li>failures per drive-day: within 25% (relative; ~100 failures expected, so Poisson noise alone is ~10%);</li>
 *   <li>per error counter, share of healthy drive-days above 0: within 25% relative, or 0.2 points;</li>
 *   <li>per error counter, share of healthy day pairs on which it rose: within 50% relative (rare events: ~1e-4/day);</li>
 *   <li>share of failed drives some counter of which rose in their last 14 days: within 12 points; with some counter
 *       above 0 on the failure day: within 12 points;</li>
 *   <li>healthy power-on hours: 10th, 50th and 90th percentile within 10%; mean temperature within 1 degree.</li>
 * </ul>
 */
class FleetFidelityTest {
    private static final int DAYS = 181;
    private static FleetParameters params;
    private static FleetStats sim;

    @BeforeAll
    static void simulate() {
        params = ParametersFile.loadDefault();
        FleetGenerator g = new FleetGenerator(params, new FleetShape(1000, 4, 20), 7, 1, LocalDate.of(2018, 1, 1));
        sim = new FleetStats();
        for (int d = 0; d < DAYS; d++) sim.add(g.next());
        System.out.println(report());
    }

    /** The figures side by side, for the build log (and BENCHMARKS-style reporting). */
    static String report() {
        StringBuilder r = new StringBuilder("fleet fidelity (simulated vs data):\n");
        r.append(String.format("  failures per drive-day %.3g vs %.3g (%d failures in %d drive-days)%n", sim.failureRate(), params.failureHazard(),
                sim.failures(), sim.driveDays()));
        for (int i = 0; i < SmartAttribute.RULE_COUNTERS.size(); i++) {
            int id = SmartAttribute.RULE_COUNTERS.get(i).id();
            r.append(String.format("  SMART %d healthy non-zero %.4f vs %.4f, daily rise %.3g vs %.3g%n", id, sim.healthyNonZero(i),
                    params.observed().healthyNonZero().get(id), sim.healthyGrowth(i), params.observed().healthyGrowth().get(id)));
        }
        r.append(String.format("  failed: rose in last 14 days %.3f vs %.3f, non-zero at failure %.3f vs %.3f%n", sim.failedGrewLast14d(),
                params.observed().failedGrewLast14d(), sim.failedNonZeroAtEnd(), params.observed().failedNonZeroAtEnd()));
        Quantiles s = sim.healthyPowerOnHours();
        Quantiles d = params.observed().healthyPowerOnHours();
        r.append(String.format("  power-on hours p10/p50/p90 %.0f/%.0f/%.0f vs %.0f/%.0f/%.0f; temperature mean %.2f vs %.2f%n", s.sample(0.1), s.sample(0.5),
                s.sample(0.9), d.sample(0.1), d.sample(0.5), d.sample(0.9), sim.healthyTemperatureMean(), params.observed().healthyTemperatureMean()));
        return r.toString();
    }

    @Test
    void failureRatePerDriveDay_matchesTheData() {
        assertThat(sim.failureRate()).as("failures per drive-day (%d failures in %d drive-days)", sim.failures(), sim.driveDays())
                .isCloseTo(params.failureHazard(), withinPercentage(25));
    }

    @Test
    void healthyDrivesShareWithNonZeroCounters_matchesTheData() {
        for (int i = 0; i < SmartAttribute.RULE_COUNTERS.size(); i++) {
            int id = SmartAttribute.RULE_COUNTERS.get(i).id();
            double data = params.observed().healthyNonZero().get(id);
            assertThat(sim.healthyNonZero(i)).as("SMART %d: share of healthy drive-days above 0", id)
                    .isCloseTo(data, within(Math.max(0.25 * data, 0.002)));
        }
    }

    @Test
    void healthyDrivesDailyGrowth_matchesTheData() {
        for (int i = 0; i < SmartAttribute.RULE_COUNTERS.size(); i++) {
            int id = SmartAttribute.RULE_COUNTERS.get(i).id();
            assertThat(sim.healthyGrowth(i)).as("SMART %d: share of healthy day pairs on which it rose", id)
                    .isCloseTo(params.observed().healthyGrowth().get(id), withinPercentage(50));
        }
    }

    @Test
    void failedDrivesCounters_matchTheData() {
        assertThat(sim.failedGrewLast14d()).as("failed drives with a counter rising in their last 14 days")
                .isCloseTo(params.observed().failedGrewLast14d(), within(0.12));
        assertThat(sim.failedNonZeroAtEnd()).as("failed drives with a counter above 0 on their failure day")
                .isCloseTo(params.observed().failedNonZeroAtEnd(), within(0.12));
    }

    @Test
    void healthyPowerOnHoursAndTemperature_matchTheData() {
        Quantiles data = params.observed().healthyPowerOnHours();
        Quantiles s = sim.healthyPowerOnHours();
        for (double p : new double[]{0.1, 0.5, 0.9}) {
            assertThat(s.sample(p)).as("power-on hours, quantile %s", p).isCloseTo(data.sample(p), withinPercentage(10));
        }
        assertThat(sim.healthyTemperatureMean()).isCloseTo(params.observed().healthyTemperatureMean(), within(1.0));
    }
}
