package io.harbinger.bench;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Sample;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Series;
import io.harbinger.parsers.prometheus.RemoteWriteParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Remote write samples per second on one thread: a batch of {@value #SERIES} node_exporter-like
 * series with one sample each (Prometheus sends batches of up to 2000 samples), Snappy included.
 * Scores are samples/s ({@link OperationsPerInvocation}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(RemoteWriteParserBench.SERIES)
public class RemoteWriteParserBench {
    static final int SERIES = 1000;
    static final long NOW_MS = 1_748_779_200_000L;

    private byte[] body;
    private ParseContext ctx;

    @Setup
    public void setUp() {
        ctx = new ParseContext("eu-west", "", NOW_MS * 1_000_000L, TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS);
        List<Series> batch = new ArrayList<>(SERIES);
        List<Sample> sample = List.of(new Sample(12345.678, NOW_MS - 5_000));
        for (int i = 0; i < SERIES; i++) {
            String instance = "node-" + (i / 50) + ".dc1.example.com:9100";
            batch.add(switch (i % 4) {
                case 0 -> Series.of(sample, "__name__", "node_cpu_seconds_total", "cpu", String.valueOf(i % 32), "instance", instance,
                        "job", "node", "mode", "idle");
                case 1 -> Series.of(sample, "__name__", "node_disk_read_bytes_total", "device", "sd" + (char) ('a' + i % 8),
                        "instance", instance, "job", "node");
                case 2 -> Series.of(sample, "__name__", "node_filesystem_avail_bytes", "device", "/dev/sda1", "fstype", "ext4",
                        "instance", instance, "job", "node", "mountpoint", "/var/lib/data");
                default -> Series.of(sample, "__name__", "smartctl_device_temperature", "device", "sd" + (char) ('a' + i % 8),
                        "instance", instance, "job", "smartctl", "temperature_type", "current");
            });
        }
        body = RemoteWriteEncoder.encode(batch);
        if (!(RemoteWriteParser.parse(body, 16 << 20, ctx) instanceof ParseResult.Accepted)) {
            throw new IllegalStateException("benchmark batch must be accepted");
        }
    }

    @Benchmark
    public ParseResult parse() {
        return RemoteWriteParser.parse(body, 16 << 20, ctx);
    }

    /** The Snappy share of {@link #parse()}. */
    @Benchmark
    public byte[] snappyOnly() throws IOException {
        return Snappy.uncompress(body);
    }
}
