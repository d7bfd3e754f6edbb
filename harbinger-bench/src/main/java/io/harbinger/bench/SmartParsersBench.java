package io.harbinger.bench;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.parsers.backblaze.BackblazeCsvParser;
import io.harbinger.parsers.backblaze.BackblazeFiles;
import io.harbinger.parsers.smartctl.SmartctlJsonParser;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The disk parsers on real data (data dir from {@code -Dharbinger.test.data}, default /work/shared/data):
 * a whole Backblaze daily file per invocation (secondary metric {@code rows}: rows per second on one
 * thread), and every accepted real {@code smartctl --json} report (ATA, NVMe, SCSI; secondary metric
 * {@code documents}: reports per second).
 *
 * <pre>{@code
 * mvn -B -q -pl harbinger-bench -am package -DskipTests
 * java -jar harbinger-bench/target/harbinger-bench.jar SmartParsers -f 1 -wi 2 -i 3 -w 2s -r 2s
 * # the upstream 85-column layout instead:
 * java -jar harbinger-bench/target/harbinger-bench.jar SmartParsers.backblazeFile -p backblazeFile=backblaze-fullfleet-2013/2013-04-10.csv.gz
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SmartParsersBench {
    /** Relative to the data dir. */
    @Param("backblaze-st4000dm000-2018-h1/2018-01-01.csv.gz")
    public String backblazeFile;

    private byte[] csv;
    private Optional<LocalDate> csvDate;
    private List<byte[]> reports;
    private ParseContext backblazeContext;
    private ParseContext smartctlContext;

    /** Rows parsed, reported by JMH as a rate next to the file rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class RowCount {
        public long rows;

        @Setup(Level.Iteration)
        public void reset() {
            rows = 0;
        }
    }

    /** Reports parsed, reported by JMH as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class DocumentCount {
        public long documents;

        @Setup(Level.Iteration)
        public void reset() {
            documents = 0;
        }
    }

    @Setup
    public void setup() throws IOException {
        Path data = Path.of(System.getProperty("harbinger.test.data", "/work/shared/data"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve(backblazeFile)))) {
            csv = in.readAllBytes();
        }
        csvDate = BackblazeFiles.dateFromFileName(backblazeFile);
        long now = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        TimeWindow backfill = TimeWindow.backfill(Duration.ofMinutes(10));
        backblazeContext = new ParseContext("default", "", now, backfill, IngestLimits.DEFAULTS);
        smartctlContext = new ParseContext("default", "node-1", now, backfill, IngestLimits.DEFAULTS);
        reports = acceptedReports(data.resolve("smartctl-json"));
        if (!(BackblazeCsvParser.parse(csv, csvDate, backblazeContext) instanceof ParseResult.Accepted)) {
            throw new IllegalStateException(backblazeFile + " must parse without rejections");
        }
    }

    private List<byte[]> acceptedReports(Path dir) throws IOException {
        List<byte[]> accepted = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                byte[] report = Files.readAllBytes(file);
                if (SmartctlJsonParser.parse(report, smartctlContext) instanceof ParseResult.Accepted) accepted.add(report);
            }
        }
        if (accepted.isEmpty()) throw new IllegalStateException("no accepted smartctl reports in " + dir);
        return accepted;
    }

    @Benchmark
    public ParseResult backblazeFile(RowCount counts) {
        ParseResult result = BackblazeCsvParser.parse(csv, csvDate, backblazeContext);
        counts.rows += ((ParseResult.Accepted) result).points().size();
        return result;
    }

    @Benchmark
    public int smartctlReports(DocumentCount counts) {
        int points = 0;
        for (byte[] report : reports) {
            points += ((ParseResult.Accepted) SmartctlJsonParser.parse(report, smartctlContext)).points().size();
        }
        counts.documents += reports.size();
        return points;
    }
}
