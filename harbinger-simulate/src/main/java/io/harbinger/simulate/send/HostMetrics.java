package io.harbinger.simulate.send;

import io.harbinger.simulate.fleet.FleetShape;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Host metrics of the simulated fleet as InfluxDB line protocol, Telegraf's measurements and field names
 * ({@code cpu}, {@code mem}, {@code diskio}, {@code net}). Not fitted to any data: each host gets a steady
 * load level drawn from its seed, and every point plausible noise around it; the I/O counters only grow.
 */
public final class HostMetrics {
    /** Lines each host sends per round. */
    public static final int LINES_PER_HOST = 4;

    private final FleetShape shape;
    private final double[] load;
    private final long[] readBytes;
    private final long[] writeBytes;
    private final long[] received;
    private final long[] sent;
    private final long[] lastNanos;
    private final SplittableRandom random;

    public HostMetrics(FleetShape shape, long seed) {
        this.shape = shape;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int n = shape.hosts();
        load = new double[n];
        readBytes = new long[n];
        writeBytes = new long[n];
        received = new long[n];
        sent = new long[n];
        lastNanos = new long[n];
        for (int h = 0; h < n; h++) load[h] = 0.1 + 0.6 * random.nextDouble();
    }

    /** Every host's points at {@code at} ({@value #LINES_PER_HOST} lines a host), the counters advanced by the time since the previous call. */
    public String linesAt(Instant at) {
        long ns = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        StringBuilder out = new StringBuilder(shape.hosts() * 400);
        for (int h = 0; h < shape.hosts(); h++) append(out, h, shape.host(h), ns, random);
        return out.toString();
    }

    /**
     * Host {@code h}'s points at {@code ns} under the name {@code hostName}, its counters advanced by the time
     * since its previous points (10 s for its first). Calls for different hosts may come from different
     * threads, each with its own {@code random}; one host's calls must not overlap.
     */
    public void append(StringBuilder out, int h, String hostName, long ns, SplittableRandom random) {
        double seconds = lastNanos[h] == 0 ? 10 : Math.max(0, (ns - lastNanos[h]) / 1e9);
        lastNanos[h] = ns;
        String tags = ",region=" + shape.region(h) + ",host=" + hostName;
        double busy = clamp(load[h] + random.nextGaussian() * 0.08, 0.01, 0.99);
        double user = busy * 0.75;
        double system = busy - user;
        out.append("cpu").append(tags).append(",cpu=cpu-total usage_user=").append(round(user * 100))
                .append(",usage_system=").append(round(system * 100)).append(",usage_idle=").append(round((1 - busy) * 100))
                .append(' ').append(ns).append('\n');
        double mem = clamp(30 + load[h] * 50 + random.nextGaussian() * 3, 1, 99);
        out.append("mem").append(tags).append(" used_percent=").append(round(mem)).append(",available_percent=").append(round(100 - mem))
                .append(' ').append(ns).append('\n');
        readBytes[h] += (long) (seconds * busy * 80e6 * (0.5 + random.nextDouble()));
        writeBytes[h] += (long) (seconds * busy * 40e6 * (0.5 + random.nextDouble()));
        out.append("diskio").append(tags).append(",name=sda read_bytes=").append(readBytes[h]).append("i,write_bytes=").append(writeBytes[h])
                .append("i ").append(ns).append('\n');
        received[h] += (long) (seconds * busy * 50e6 * (0.5 + random.nextDouble()));
        sent[h] += (long) (seconds * busy * 30e6 * (0.5 + random.nextDouble()));
        out.append("net").append(tags).append(",interface=eth0 bytes_recv=").append(received[h]).append("i,bytes_sent=").append(sent[h])
                .append("i ").append(ns).append('\n');
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 100) / 100.0);
    }
}
