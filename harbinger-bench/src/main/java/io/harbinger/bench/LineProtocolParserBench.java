package io.harbinger.bench;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.parsers.lineprotocol.LineProtocolParser;
import io.harbinger.parsers.lineprotocol.Precision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Line protocol parsing of one 1000-line body shaped like the peer benchmark's workload
 * ({@code ../shared/bench/gen-bodies.sh}: 75% {@code smart} lines with 5 tags and 8 fields, 25% {@code host}
 * lines with 3 tags and 4 fields, no timestamps). The score is lines per second on one thread.
 *
 * <pre>{@code
 * mvn -B -q -pl harbinger-bench -am package -DskipTests
 * java -jar harbinger-bench/target/harbinger-bench.jar LineProtocol -f 1 -wi 2 -i 3 -w 2s -r 2s
 * # the script's own bytes instead of the built-in look-alike:
 * java -jar harbinger-bench/target/harbinger-bench.jar LineProtocol -p bodyFile=/tmp/bodies/body-000.lp
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LineProtocolParserBench {
    static final int LINES = 1000;

    /** A body written by gen-bodies.sh (1000 lines), or empty for the built-in look-alike. */
    @Param("")
    public String bodyFile;

    private byte[] body;
    private ParseContext ctx;

    @Setup
    public void setup() throws IOException {
        body = bodyFile.isEmpty() ? lookAlikeBody(42) : Files.readAllBytes(Path.of(bodyFile));
        long now = System.currentTimeMillis() * 1_000_000L;
        ctx = new ParseContext("default", "", now, TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS);
        if (!(parse() instanceof ParseResult.Accepted a) || a.points().size() != LINES) {
            throw new IllegalStateException("the benchmark body must parse to " + LINES + " points, got " + parse());
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public ParseResult parse() {
        return LineProtocolParser.parse(body, 0, body.length, Precision.NANOSECONDS, ctx);
    }

    /** Same shapes, name sets and value ranges as gen-bodies.sh; each host's lines stay together. */
    static byte[] lookAlikeBody(long seed) {
        String[] regions = "us-east us-west us-central eu-west eu-central eu-north ap-southeast ap-northeast".split(" ");
        String[] models = "ST12000NM0008 ST16000NM001G ST8000DM002 HGST_HUH721212ALN604 WDC_WUH721816ALE6L4 TOSHIBA_MG07ACA14TA".split(" ");
        String[] disks = {"sda", "sdb", "sdc", "sdd"};
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(LINES * 200);
        int lines = 0;
        while (lines < LINES) {
            String region = regions[rnd.nextInt(regions.length)];
            String tags = "region=" + region + ",dc=" + region + "-" + (1 + rnd.nextInt(3)) + ",host=" + String.format(Locale.ROOT, "host-%05d", 1 + rnd.nextInt(10_000));
            double cpu = 2 + rnd.nextDouble() * 90;
            sb.append(String.format(Locale.ROOT, "host,%s cpu=%.2f,mem=%.2f,load1=%.2f,net_err=%di%n", tags, cpu, 20 + rnd.nextDouble() * 65,
                    cpu / 100 * 16 * (0.5 + rnd.nextDouble()), rnd.nextDouble() < 0.02 ? 1 + rnd.nextInt(30) : 0));
            lines++;
            String model = models[rnd.nextInt(models.length)];
            for (int d = 0, n = 2 + rnd.nextInt(3); d < n && lines < LINES; d++, lines++) {
                sb.append(String.format(Locale.ROOT, "smart,%s,disk=%s,model=%s smart_5_raw=%di,smart_187_raw=%di,smart_188_raw=%di,"
                                + "smart_197_raw=%di,smart_198_raw=%di,smart_9_raw=%di,temperature_c=%di,read_error_rate=%.6g%n",
                        tags, disks[d], model, rare(rnd, 0.08, 400), rare(rnd, 0.05, 60), rare(rnd, 0.03, 12), rare(rnd, 0.04, 40),
                        rare(rnd, 0.03, 40), 500 + rnd.nextInt(59_500), 25 + rnd.nextInt(22),
                        rnd.nextDouble() * rnd.nextDouble() * 0.002));
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int rare(SplittableRandom rnd, double p, int hi) {
        return rnd.nextDouble() < p ? 1 + rnd.nextInt(hi) : 0;
    }
}
