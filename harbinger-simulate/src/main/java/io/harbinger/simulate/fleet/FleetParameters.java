package io.harbinger.simulate.fleet;

import io.harbinger.schema.disk.SmartAttribute;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code harbinger fit-fleet} learns from a Backblaze data set and the {@link FleetGenerator} draws
 * from. Error counters are the classic SMART rule's ({@link SmartAttribute#RULE_COUNTERS}); lists over
 * them follow that order.
 *
 * @param failureHazard failures per drive-day in the data
 * @param healthy       how drives that did not fail in the data look and evolve
 * @param trajectories  the error counters of every failed drive over its last days, de-identified (no serial,
 *                      no date): resampled, one per simulated failing drive
 * @param observed      the data's own figures the fitted fleet is checked against (not used to generate)
 */
public record FleetParameters(int format, String source, String driveModel, LocalDate from, LocalDate to,
                              double failureHazard, Healthy healthy, List<Trajectory> trajectories, Observed observed) {
    public static final int FORMAT = 1;
    /** Days of a failed drive's life a trajectory keeps, its failure day included. */
    public static final int TRAJECTORY_DAYS = 30;
    /** A rise of some error counter within this many days before makes a drive's counters "recently risen". */
    public static final int RECENT_RISE_DAYS = 2;
    /** Rise states of one counter: 0 at 0, 1 above 0, 2 at 0 after a recent rise (of another), 3 above 0 after a recent rise. */
    public static final int RISE_STATES = 4;

    /** The rise state of a counter that is (or not) above 0, on a drive some counter of which rose (or not) within {@value #RECENT_RISE_DAYS} days. */
    public static int riseState(boolean nonZero, boolean recentRise) {
        return (nonZero ? 1 : 0) + (recentRise ? 2 : 0);
    }

    public FleetParameters {
        if (format != FORMAT) throw new IllegalArgumentException("fleet parameters format " + format + ", this build reads " + FORMAT);
        if (!(failureHazard >= 0 && failureHazard < 1)) throw new IllegalArgumentException("failureHazard must be in [0, 1), was " + failureHazard);
        if (trajectories.isEmpty()) throw new IllegalArgumentException("at least one failure trajectory is needed");
        trajectories = List.copyOf(trajectories);
    }

    /**
     * Healthy drives.
     *
     * @param errorPatterns    share of drives, on the first day, per pattern of which error counters are non-zero
     *                         (bit i = {@code RULE_COUNTERS.get(i)} &gt; 0; 2^5 entries summing to 1): keeps counters
     *                         that go together (197 and 198) together, the data's "hard negatives" included
     * @param counters         per error counter, in {@code RULE_COUNTERS} order
     * @param powerOnHours     on the first day
     * @param powerOnHoursPerDay growth of attribute 9 between consecutive days
     * @param usage            attributes 193, 241, 242 by id
     * @param mirrors          error counter id -&gt; the counter id it always equals in the data (on ST4000DM000, 198
     *                         is 197): the simulation copies it instead of drawing it
     */
    public record Healthy(double[] errorPatterns, List<ErrorCounter> counters, Quantiles powerOnHours, Quantiles powerOnHoursPerDay,
                          Map<Integer, Usage> usage, Temperature temperature, Map<Integer, Integer> mirrors) {
        public Healthy {
            if (errorPatterns.length != 1 << SmartAttribute.RULE_COUNTERS.size()) throw new IllegalArgumentException("one error pattern share per subset of the rule counters");
            if (counters.size() != SmartAttribute.RULE_COUNTERS.size()) throw new IllegalArgumentException("one error counter per rule counter");
            counters = List.copyOf(counters);
            usage = Map.copyOf(usage);
            mirrors = Map.copyOf(mirrors);
        }
    }

    /**
     * One error counter of healthy drives.
     *
     * @param initialNonZero  its value on the first day where it is above 0
     * @param rise            probability per day that it rises, by its {@link #riseState rise state}: above 0 it rises more
     *                        often than at 0, and after a recent rise far more often still (the data's rises come in
     *                        bursts on few drives)
     * @param growth          size of a rise
     * @param shrink          probability per day that it falls while above 0 (pending sectors get remapped)
     * @param shrinkFraction  the value after a fall, as a share of the value before
     */
    public record ErrorCounter(Quantiles initialNonZero, double[] rise, Quantiles growth, double shrink, Quantiles shrinkFraction) {
        public ErrorCounter {
            if (rise.length != RISE_STATES) throw new IllegalArgumentException("one rise probability per rise state (" + RISE_STATES + ")");
        }
    }

    /**
     * A usage counter (load cycles, LBAs written or read).
     *
     * @param initialPerPowerOnHour its first-day value divided by the first-day power-on hours (keeps it in step with age)
     * @param ratePerDay            a drive's own mean growth per day
     * @param dailyFactor           one day's growth divided by the drive's mean rate
     */
    public record Usage(Quantiles initialPerPowerOnHour, Quantiles ratePerDay, Quantiles dailyFactor) {
    }

    /**
     * Attribute 194.
     *
     * @param driveMean a drive's mean temperature
     * @param deviation one day's temperature minus the drive's mean
     */
    public record Temperature(Quantiles driveMean, Quantiles deviation) {
    }

    /**
     * One failed drive's error counters over its last {@code days} days, the last one its failure day.
     *
     * @param start   values on the first day, in {@code RULE_COUNTERS} order
     * @param changes {@code [day, counter index, new value]}, day 0 being the first, in day order
     */
    public record Trajectory(int days, long[] start, List<long[]> changes) {
        public Trajectory {
            if (days < 1 || days > TRAJECTORY_DAYS) throw new IllegalArgumentException("a trajectory covers 1.." + TRAJECTORY_DAYS + " days, was " + days);
            if (start.length != SmartAttribute.RULE_COUNTERS.size()) throw new IllegalArgumentException("one start value per rule counter");
            for (long[] c : changes) {
                if (c.length != 3 || c[0] < 0 || c[0] >= days || c[1] < 0 || c[1] >= start.length) {
                    throw new IllegalArgumentException("a trajectory change is [day 0.." + (days - 1) + ", counter 0.." + (start.length - 1) + ", value]");
                }
            }
            changes = List.copyOf(changes);
        }
    }

    /**
     * The data's figures, for checking a simulated fleet against.
     *
     * @param healthyNonZero     per error counter id: share of healthy drive-days on which it is above 0
     * @param healthyGrowth      per error counter id: share of healthy consecutive day pairs on which it rose
     * @param failedGrewLast14d  share of failed drives (with a reading 14 days before failing) some error counter of
     *                           which rose over their last 14 days
     * @param failedNonZeroAtEnd share of failed drives with some error counter above 0 on their failure day
     * @param healthyPowerOnHours over healthy drive-days
     */
    public record Observed(long driveDays, int drives, int failures, Map<Integer, Double> healthyNonZero,
                           Map<Integer, Double> healthyGrowth, double failedGrewLast14d, double failedNonZeroAtEnd,
                           Quantiles healthyPowerOnHours, double healthyTemperatureMean) {
        public Observed {
            healthyNonZero = Map.copyOf(healthyNonZero);
            healthyGrowth = Map.copyOf(healthyGrowth);
        }
    }
}
