package io.harbinger.bench;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.schema.wire.DecodeResult;
import io.harbinger.schema.wire.PointBatchCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The samples-topic wire format on the bench workload's shape: one record per host holding 3
 * {@code smart} points (8 fields; tags dc, disk, model; region and host are first-class fields of a
 * point, not tags) and 1 {@code host} point (4 fields), all stamped with the same time. Scores are
 * points per second on one thread (one core).
 *
 * <pre>
 * java -jar harbinger-bench/target/harbinger-bench.jar PointBatchCodecBench -f 1 -wi 1 -w 3s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PointBatchCodecBench {
    private static final int POINTS_PER_HOST = 4;
    private static final int HOSTS = 256;
    private static final long T0 = 1_767_225_600_000_000_000L;

    private final List<List<Point>> requests = new ArrayList<>();
    private final List<byte[]> encoded = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        for (int h = 0; h < HOSTS; h++) {
            List<Point> request = request("eu-west", "host-" + h, h);
            requests.add(request);
            encoded.add(PointBatchCodec.encodeWithContentFingerprint(request));
        }
    }

    @Benchmark
    @OperationsPerInvocation(POINTS_PER_HOST)
    public byte[] encode() {
        return PointBatchCodec.encodeWithContentFingerprint(requests.get(nextIndex()));
    }

    @Benchmark
    @OperationsPerInvocation(POINTS_PER_HOST)
    public DecodeResult decode() {
        return PointBatchCodec.decode(encoded.get(nextIndex()));
    }

    @Benchmark
    @OperationsPerInvocation(POINTS_PER_HOST)
    public DecodeResult encodeThenDecode() {
        return PointBatchCodec.decode(PointBatchCodec.encodeWithContentFingerprint(requests.get(nextIndex())));
    }

    private int nextIndex() {
        next = (next + 1) & (HOSTS - 1);
        return next;
    }

    private static List<Point> request(String region, String host, int seed) {
        List<Point> points = new ArrayList<>(POINTS_PER_HOST);
        for (int d = 0; d < 3; d++) {
            String serial = "ZA1" + (100_000 + seed * 3 + d);
            List<Tag> tags = List.of(new Tag("dc", region + "-1a"), new Tag("disk", "sd" + (char) ('a' + d)), new Tag("model", "ST4000DM000"));
            List<Field> fields = List.of(new Field("smart_5_raw", seed % 3), new Field("smart_9_raw", 31_337 + seed),
                    new Field("smart_187_raw", 0), new Field("smart_188_raw", 0), new Field("smart_194_raw", 30 + d),
                    new Field("smart_197_raw", 0), new Field("smart_198_raw", 0), new Field("smart_199_raw", seed % 5));
            points.add(new Point("smart", region, host, serial, tags, fields, T0 + seed));
        }
        points.add(new Point("host", region, host, "", List.of(new Tag("dc", region + "-1a")),
                List.of(new Field("load1", 0.25 * seed), new Field("mem_used_pct", 61.5), new Field("uptime_s", 86_400 + seed),
                        new Field("procs", 200 + seed % 17)), T0 + seed));
        return points;
    }
}
