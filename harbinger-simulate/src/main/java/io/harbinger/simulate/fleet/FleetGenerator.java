package io.harbinger.simulate.fleet;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.simulate.fleet.FleetParameters.Trajectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated fleet, day after day: pure and seeded (no clock, no I/O). The same parameters, shape, seed,
 * boost and first day give the same readings, day for day.
 *
 * <p>Every drive slot holds one drive at a time. Healthy drives evolve by the fitted daily statistics
 * ({@link SimDrive}); each day a healthy drive starts to fail with probability hazard x {@code failureBoost},
 * then follows one of the data's failed-drive trajectories (drawn at random) for its
 * {@value FleetParameters#TRAJECTORY_DAYS} days and fails on the last one: that reading has
 * {@code failure = true}, and a fresh drive takes the slot the next day.
 *
 * <p>Every slot draws from its own seeded randomness, so slots are independent: a generator of some of
 * the fleet's hosts ({@link #ofHosts}) gives those hosts exactly the readings the whole fleet's gives them,
 * and can move through the days at its own pace.
 */
public final class FleetGenerator {
    private final FleetParameters parameters;
    private final FleetShape shape;
    private final long seed;
    private final SimDrive.Fleet fleet;
    private final int firstSlot;
    private final SimDrive[] drives;
    private final int[] generation;
    private final String seedCode;
    private LocalDate next;
    private boolean started;
    private long failed;

    /** One day of the fleet. */
    public record Day(LocalDate day, List<SmartReading> readings) {
        public Day {
            readings = List.copyOf(readings);
        }
    }

    /**
     * @param failureBoost multiplies the fitted failure hazard (a small demo fleet shows failures); 1 = as in the data
     */
    public FleetGenerator(FleetParameters parameters, FleetShape shape, long seed, double failureBoost, LocalDate firstDay) {
        this(parameters, shape, seed, failureBoost, firstDay, 0, shape.drives());
    }

    /** The generator of hosts {@code firstHost}..{@code firstHost + hosts - 1} of the fleet of {@code shape}: their slots only. */
    public static FleetGenerator ofHosts(FleetParameters parameters, FleetShape shape, long seed, double failureBoost, LocalDate firstDay,
                                         int firstHost, int hosts) {
        if (firstHost < 0 || hosts < 1 || firstHost + hosts > shape.hosts()) {
            throw new IllegalArgumentException("hosts " + firstHost + ".." + (firstHost + hosts - 1) + " are not within the fleet's 0.." + (shape.hosts() - 1));
        }
        return new FleetGenerator(parameters, shape, seed, failureBoost, firstDay, firstHost * shape.drivesPerHost(), hosts * shape.drivesPerHost());
    }

    private FleetGenerator(FleetParameters parameters, FleetShape shape, long seed, double failureBoost, LocalDate firstDay, int firstSlot, int slots) {
        if (!(failureBoost >= 0) || parameters.failureHazard() * failureBoost >= 1) {
            throw new IllegalArgumentException("failureBoost must be >= 0 and keep hazard x boost below 1 (hazard " + parameters.failureHazard() + "), was " + failureBoost);
        }
        this.parameters = parameters;
        this.shape = shape;
        this.seed = seed;
        this.next = firstDay;
        this.fleet = new SimDrive.Fleet(parameters.healthy(), dense(parameters.trajectories()),
                parameters.failureHazard() * failureBoost, mirrors(parameters.healthy()));
        this.firstSlot = firstSlot;
        this.drives = new SimDrive[slots];
        this.generation = new int[slots];
        this.seedCode = seedCode(seed);
    }

    private static List<long[][]> dense(List<Trajectory> trajectories) {
        List<long[][]> out = new ArrayList<>();
        for (Trajectory t : trajectories) {
            long[][] d = new long[t.days()][];
            long[] v = t.start().clone();
            int c = 0;
            for (int day = 0; day < t.days(); day++) {
                while (c < t.changes().size() && t.changes().get(c)[0] == day) {
                    long[] change = t.changes().get(c++);
                    v[(int) change[1]] = change[2];
                }
                d[day] = v.clone();
            }
            out.add(d);
        }
        return out;
    }

    private static int[] mirrors(FleetParameters.Healthy h) {
        int[] of = new int[SmartAttribute.RULE_COUNTERS.size()];
        for (int i = 0; i < of.length; i++) {
            Integer source = h.mirrors().get(SmartAttribute.RULE_COUNTERS.get(i).id());
            of[i] = source == null ? -1 : SmartAttribute.RULE_COUNTERS.indexOf(SmartAttribute.ofId(source));
        }
        return of;
    }

    public FleetShape shape() {
        return shape;
    }

    /** The day {@link #next()} gives. */
    public LocalDate nextDay() {
        return next;
    }

    /** Drives that have failed so far. */
    public long failed() {
        return failed;
    }

    /** The readings of the next day (one per slot of this generator, in slot order), and the fleet moves on to the day after. */
    public Day next() {
        LocalDate day = next;
        List<SmartReading> readings = new ArrayList<>(drives.length);
        for (int i = 0; i < drives.length; i++) {
            int slot = firstSlot + i;
            SimDrive d = drives[i];
            if (!started) d = drives[i] = SimDrive.existing(serial(slot), fleet, random(slot));
            else if (d.failsToday()) {
                generation[i]++;
                d = drives[i] = SimDrive.fresh(serial(slot), fleet, random(slot));
            } else d.advance();
            boolean fails = d.failsToday();
            if (fails) failed++;
            int h = shape.hostOf(slot);
            readings.add(new SmartReading(shape.region(h), shape.host(h), d.serial, parameters.driveModel(), day, fails, d.reading()));
        }
        started = true;
        next = next.plusDays(1);
        return new Day(day, readings);
    }

    /** Whether the drive now in {@code slot} is, or was, on its way to failing (the fidelity test's "healthy" excludes those). */
    public boolean everFailing(int slot) {
        SimDrive d = drives[slot - firstSlot];
        return d != null && d.everFailing;
    }

    /**
     * {@code SIM}, three letters or digits from the seed (two simulations sent to one node do not share
     * drives), the slot and the generation: unique within a simulation, the same for the same seed.
     */
    private String serial(int slot) {
        return String.format("SIM%s%06d%02d", seedCode, slot, generation[slot - firstSlot] % 100);
    }

    private static String seedCode(long seed) {
        long v = Math.floorMod(mix(seed, 0, 0), 36L * 36 * 36);
        return (Long.toString(36L * 36 * 36 + v, 36).substring(1)).toUpperCase(java.util.Locale.ROOT);
    }

    private SplittableRandom random(int slot) {
        return new SplittableRandom(mix(seed, slot, generation[slot - firstSlot]));
    }

    private static long mix(long seed, int slot, int generation) {
        long z = seed * 0x9E3779B97F4A7C15L + ((long) slot << 20) + generation;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
