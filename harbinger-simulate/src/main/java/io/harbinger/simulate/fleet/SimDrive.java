package io.harbinger.simulate.fleet;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.simulate.fleet.FleetParameters.ErrorCounter;
import io.harbinger.simulate.fleet.FleetParameters.Healthy;
import io.harbinger.simulate.fleet.FleetParameters.Usage;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated drive (package-private state of {@link FleetGenerator}). Every draw comes from the drive's
 * own random stream, in a fixed order per day, so a drive's life depends only on the seed, its slot and
 * its generation (which drive of the slot it is), never on the rest of the fleet.
 */
final class SimDrive {
    private static final List<SmartAttribute> COUNTERS = SmartAttribute.RULE_COUNTERS;
    private static final List<SmartAttribute> USAGE = List.of(SmartAttribute.LOAD_CYCLE_COUNT, SmartAttribute.TOTAL_LBAS_WRITTEN,
            SmartAttribute.TOTAL_LBAS_READ);
    private static final int POH = SmartAttribute.POWER_ON_HOURS.slot();
    private static final int TEMP = SmartAttribute.TEMPERATURE.slot();

    final String serial;
    private final Fleet fleet;
    private final SplittableRandom random;
    /** Tracked values in slot order; doubles so that usage grows smoothly, rounded when read. */
    private final double[] values = new double[SmartAttribute.ALL.size()];
    private final double[] usageRate = new double[USAGE.size()];
    private final double temperatureMean;
    /** The failure trajectory being followed (dense, [day][counter]), or null while healthy. */
    private long[][] trajectory;
    private int trajectoryDay;
    private long[] base;
    /** Days since an error counter last rose (large: never seen to). */
    private long daysSinceRise = Long.MAX_VALUE / 2;
    /** Once struck, whether it ever was: "healthy" statistics count drives that never fail. */
    boolean everFailing;

    /** What the generator shares with its drives. */
    record Fleet(Healthy healthy, List<long[][]> trajectories, double hazard, int[] mirrorOf) {
    }

    private SimDrive(String serial, Fleet fleet, SplittableRandom random) {
        this.serial = serial;
        this.fleet = fleet;
        this.random = random;
        Healthy h = fleet.healthy;
        for (int u = 0; u < USAGE.size(); u++) usageRate[u] = usage(u).ratePerDay().sample(random.nextDouble());
        temperatureMean = h.temperature().driveMean().sample(random.nextDouble());
        values[TEMP] = Math.round(temperatureMean);
    }

    /** A drive of the fleet on its first simulated day: aged, counters as on the data's first day, perhaps already failing. */
    static SimDrive existing(String serial, Fleet fleet, SplittableRandom random) {
        SimDrive d = new SimDrive(serial, fleet, random);
        Healthy h = fleet.healthy;
        d.values[POH] = Math.round(h.powerOnHours().sample(random.nextDouble()));
        for (int u = 0; u < USAGE.size(); u++) {
            d.values[USAGE.get(u).slot()] = Math.round(d.values[POH] * d.usage(u).initialPerPowerOnHour().sample(random.nextDouble()));
        }
        int pattern = pattern(h.errorPatterns(), random.nextDouble());
        for (int i = 0; i < COUNTERS.size(); i++) {
            double v = h.counters().get(i).initialNonZero().sample(random.nextDouble());
            if ((pattern & (1 << i)) != 0) d.values[COUNTERS.get(i).slot()] = Math.max(1, Math.round(v));
        }
        d.copyMirrors();
        // steady state: a share hazard x days of the fleet is somewhere on its way to failing
        long[][] t = d.pickTrajectory();
        if (random.nextDouble() < fleet.hazard * t.length) d.strike(t, random.nextInt(t.length));
        return d;
    }

    /** A new drive put into a slot: a few hours on, no errors. */
    static SimDrive fresh(String serial, Fleet fleet, SplittableRandom random) {
        SimDrive d = new SimDrive(serial, fleet, random);
        d.values[POH] = random.nextInt(1, 25);
        return d;
    }

    private Usage usage(int u) {
        return fleet.healthy.usage().get(USAGE.get(u).id());
    }

    private static int pattern(double[] shares, double u) {
        double sum = 0;
        for (int p = 0; p < shares.length; p++) {
            sum += shares[p];
            if (u < sum) return p;
        }
        return 0;
    }

    /** One day passes. */
    void advance() {
        Healthy h = fleet.healthy;
        values[POH] += Math.round(h.powerOnHoursPerDay().sample(random.nextDouble()));
        for (int u = 0; u < USAGE.size(); u++) {
            values[USAGE.get(u).slot()] += usageRate[u] * usage(u).dailyFactor().sample(random.nextDouble());
        }
        values[TEMP] = Math.round(temperatureMean + h.temperature().deviation().sample(random.nextDouble()));
        if (trajectory != null) {
            trajectoryDay++;
            applyTrajectory();
            return;
        }
        boolean recent = daysSinceRise < FleetParameters.RECENT_RISE_DAYS;
        daysSinceRise++;
        for (int i = 0; i < COUNTERS.size(); i++) {
            if (fleet.mirrorOf[i] < 0 && evolve(i, h.counters().get(i), recent)) daysSinceRise = 0;
        }
        copyMirrors();
        if (random.nextDouble() < fleet.hazard) strike(pickTrajectory(), 0);
    }

    /** One day of counter {@code i}: it may rise (by its rise state), or, above 0, fall. True when it rose. */
    private boolean evolve(int i, ErrorCounter c, boolean recentRise) {
        int slot = COUNTERS.get(i).slot();
        double v = values[slot];
        double u = random.nextDouble();
        double rise = c.rise()[FleetParameters.riseState(v > 0, recentRise)];
        if (u < rise) {
            values[slot] = v + Math.max(1, Math.round(c.growth().sample(random.nextDouble())));
            return true;
        }
        if (v > 0 && u < rise + c.shrink()) values[slot] = Math.floor(v * c.shrinkFraction().sample(random.nextDouble()));
        return false;
    }

    private void copyMirrors() {
        for (int i = 0; i < COUNTERS.size(); i++) {
            if (fleet.mirrorOf[i] >= 0) values[COUNTERS.get(i).slot()] = values[COUNTERS.get(fleet.mirrorOf[i]).slot()];
        }
    }

    private long[][] pickTrajectory() {
        return fleet.trajectories.get(random.nextInt(fleet.trajectories.size()));
    }

    /**
     * Starts following a failed drive's trajectory at its day {@code day}: each error counter is the larger of
     * its own value now and the trajectory's (a drive's counters do not fall because it started to fail).
     */
    private void strike(long[][] t, int day) {
        trajectory = t;
        trajectoryDay = day;
        everFailing = true;
        base = new long[COUNTERS.size()];
        for (int i = 0; i < COUNTERS.size(); i++) base[i] = (long) values[COUNTERS.get(i).slot()];
        applyTrajectory();
    }

    private void applyTrajectory() {
        long[] now = trajectory[trajectoryDay];
        for (int i = 0; i < COUNTERS.size(); i++) values[COUNTERS.get(i).slot()] = Math.max(base[i], now[i]);
    }

    /** This is the drive's failure day: its last reading. */
    boolean failsToday() {
        return trajectory != null && trajectoryDay == trajectory.length - 1;
    }

    long[] reading() {
        long[] out = new long[values.length];
        for (int s = 0; s < values.length; s++) out[s] = Math.round(values[s]);
        return out;
    }
}
