package io.harbinger.simulate.load;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.simulate.fleet.FleetGenerator;
import io.harbinger.simulate.fleet.FleetParameters;
import io.harbinger.simulate.fleet.FleetShape;
import io.harbinger.simulate.fleet.SmartReading;
import io.harbinger.simulate.send.HostMetrics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * What the simulated fleet sends during a load test, as InfluxDB line protocol for {@code POST /write}
 * (what Telegraf sends; its {@code smart} points are the disk samples the processor scores).
 *
 * <p>The fleet's hosts are dealt into groups of {@code hostsPerRequest}, one request per group per round:
 * each host's four host-metric lines ({@link HostMetrics}) and, every {@code smartEvery}-th round, one
 * {@code smart} line per drive. Every point carries the request's due time, so the node's live window
 * takes them and the rows land in today's partitions. The drives' readings come from the fitted fleet
 * generator, one simulated day per SMART round: a test compresses the drives' ageing (days of wear in
 * minutes), not its timestamps. Each group has the generator of its own hosts ({@link FleetGenerator#ofHosts}),
 * so groups far apart in rounds (one retrying after 429s while the others are on time) hold no days for each other. Hosts are named {@code <hostPrefix>host-0001}..., so a run can be told
 * apart from everything else storage holds.
 *
 * <p>Thread-safe for calls on different groups; one group's calls must come in round order from one thread.
 */
public final class FleetTraffic {
    private final FleetShape shape;
    private final String hostPrefix;
    private final int hostsPerRequest;
    private final int smartEvery;
    private final HostMetrics hostMetrics;
    private final SplittableRandom[] randoms;
    private final FleetGenerator[] days;

    /** One request: its body and the hosts it carries, each with {@code smartLines} disk and {@code metricLines} host-metric lines. */
    public record Request(byte[] body, int firstHost, int hosts, int smartLines, int metricLines) {
        public long samples() {
            return (long) hosts * (smartLines + metricLines);
        }
    }

    public FleetTraffic(FleetParameters parameters, FleetShape shape, long seed, double failureBoost, String hostPrefix, int hostsPerRequest,
                        int smartEvery, LocalDate today) {
        if (hostPrefix == null || hostPrefix.isEmpty() || !hostPrefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("hostPrefix must be letters, digits, '.', '_' or '-', was '" + hostPrefix + "'");
        }
        if (hostsPerRequest < 1 || hostsPerRequest > shape.hosts()) {
            throw new IllegalArgumentException("hostsPerRequest must be 1..hosts (" + shape.hosts() + "), was " + hostsPerRequest);
        }
        if (smartEvery < 1) throw new IllegalArgumentException("smartEvery must be >= 1, was " + smartEvery);
        this.shape = shape;
        this.hostPrefix = hostPrefix;
        this.hostsPerRequest = hostsPerRequest;
        this.smartEvery = smartEvery;
        this.hostMetrics = new HostMetrics(shape, seed);
        this.randoms = new SplittableRandom[groups()];
        SplittableRandom root = new SplittableRandom(seed);
        for (int g = 0; g < randoms.length; g++) randoms[g] = root.split();
        this.days = new FleetGenerator[randoms.length];
        for (int g = 0; g < days.length; g++) {
            int first = g * hostsPerRequest;
            days[g] = FleetGenerator.ofHosts(parameters, shape, seed, failureBoost, today, first, Math.min(hostsPerRequest, shape.hosts() - first));
        }
    }

    public FleetShape shape() {
        return shape;
    }

    public String hostPrefix() {
        return hostPrefix;
    }

    /** The name host {@code h} is sent under. */
    public String hostName(int h) {
        return hostPrefix + shape.host(h);
    }

    public int groups() {
        return (shape.hosts() + hostsPerRequest - 1) / hostsPerRequest;
    }

    public boolean smartRound(long round) {
        return round % smartEvery == 0;
    }

    /** The samples due before group {@code group}'s request of round {@code round}: the rounds before, then the groups before in this round. */
    public double samplesBefore(long round, int group) {
        int hosts = shape.hosts();
        long smartRounds = (round + smartEvery - 1) / smartEvery;
        double before = (double) round * hosts * HostMetrics.LINES_PER_HOST + (double) smartRounds * hosts * shape.drivesPerHost();
        int hostsBefore = Math.min(group * hostsPerRequest, hosts);
        return before + (double) hostsBefore * (HostMetrics.LINES_PER_HOST + (smartRound(round) ? shape.drivesPerHost() : 0));
    }

    /** Group {@code group}'s request of round {@code round}, every point at {@code timestampNanos}. */
    public Request request(long round, int group, long timestampNanos) {
        int first = group * hostsPerRequest;
        int n = Math.min(hostsPerRequest, shape.hosts() - first);
        boolean smart = smartRound(round);
        StringBuilder out = new StringBuilder(n * (smart ? 400 + shape.drivesPerHost() * 420 : 400));
        FleetGenerator.Day day = smart ? days[group].next() : null;
        for (int h = first; h < first + n; h++) {
            String name = hostName(h);
            hostMetrics.append(out, h, name, timestampNanos, randoms[group]);
            if (day != null) {
                for (int d = 0; d < shape.drivesPerHost(); d++) smartLine(out, day.readings().get((h - first) * shape.drivesPerHost() + d), name, timestampNanos);
            }
        }
        return new Request(out.toString().getBytes(StandardCharsets.UTF_8), first, n, smart ? shape.drivesPerHost() : 0, HostMetrics.LINES_PER_HOST);
    }

    private static void smartLine(StringBuilder out, SmartReading r, String host, long ns) {
        out.append("smart,region=").append(r.region()).append(",host=").append(host).append(",serial=").append(r.serial())
                .append(",model=").append(r.model().replace(" ", "\\ ").replace(",", "\\,").replace("=", "\\="))
                .append(" failure=").append(r.failure() ? 1 : 0).append('i');
        for (SmartAttribute a : SmartAttribute.ALL) out.append(',').append(a.rawField()).append('=').append(r.value(a)).append('i');
        out.append(' ').append(ns).append('\n');
    }
}
