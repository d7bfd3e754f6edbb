package io.harbinger.api;

import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Reasons;
import io.harbinger.schema.read.AtRiskQuery;
import io.harbinger.schema.read.BucketCounts;
import io.harbinger.schema.read.Cursor;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DriveDetail;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.DriveQuery;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.HostDetail;
import io.harbinger.schema.read.HostSummary;
import io.harbinger.schema.read.HostsQuery;
import io.harbinger.schema.read.Page;
import io.harbinger.schema.read.ReadUnavailableException;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.StoredRows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The fleet's storage in memory, with realistic rows: two regions, drives at risk with reasons, a host
 * with metrics, a drive with SMART history. Pages are cut as storage cuts them (after the cursor's
 * position, in the list's order). Records every call it answers in {@link #calls}.
 */
final class InMemoryFleet implements FleetReads {
    static final Instant AS_OF = Instant.parse("2026-12-01T02:00:00Z");
    private static final Comparator<DriveRisk> AT_RISK = Comparator.comparingDouble(DriveRisk::probability).reversed()
            .thenComparing(DriveRisk::region).thenComparing(DriveRisk::host).thenComparing(DriveRisk::drive);

    final List<String> calls = new ArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();

    static final List<Contribution> PENDING = List.of(new Contribution("smart_197_change_7d", 1.92, 24), new Contribution("smart_197_raw", 0.4, 24),
            new Contribution("temperature", -0.1, Double.NaN));
    static final List<DriveRisk> DRIVES = List.of(
            risk("eu-1", "h-001", "ZJV0A001", 0.83, Bucket.BAD, PENDING),
            risk("us-1", "h-100", "ZJV0B001", 0.83, Bucket.BAD, List.of(new Contribution("smart_5_raw", 1.1, 8))),
            risk("eu-1", "h-002", "ZJV0A002", 0.41, Bucket.WARNING, List.of(new Contribution("temperature", 0.5, 52),
                    new Contribution("temperature_mean_7d", 0.3, 49))),
            risk("us-1", "h-100", "ZJV0B002", 0.35, Bucket.WARNING, List.of(new Contribution("days_since_first_error", 0.6, 12))),
            risk("eu-1", "h-001", "ZJV0A003", 0.01, Bucket.GOOD, List.of()));

    private static DriveRisk risk(String region, String host, String drive, double p, Bucket bucket, List<Contribution> top) {
        return new DriveRisk(region, host, drive, Optional.of("ST4000DM000"), AS_OF.minusSeconds(3600), p, bucket.label(), "a1b2c3",
                Reasons.of(top), top);
    }

    private void call(String what) {
        calls.add(what);
        if (down.get()) throw new ReadUnavailableException("shard eu does not answer", null);
    }

    @Override
    public FleetSummary summary(int days) {
        call("summary " + days);
        List<FleetSummary.Day> trend = new ArrayList<>();
        for (int d = days - 1; d >= 0; d--) {
            trend.add(new FleetSummary.Day(LocalDate.parse("2026-12-01").minusDays(d), new BucketCounts(590, 5, 2, 3)));
        }
        List<FleetSummary.RiskBin> bins = new ArrayList<>();
        for (int i = 0; i < FleetSummary.BINS; i++) bins.add(new FleetSummary.RiskBin(i / 20.0, (i + 1) / 20.0, i == 0 ? 1180 : 1));
        BucketCounts eu = new BucketCounts(590, 5, 2, 3);
        return new FleetSummary(Optional.of(AS_OF), new FleetSummary.Total(1200, eu.plus(eu), 4),
                List.of(new FleetSummary.Region("eu-1", AS_OF, 600, eu, 3, trend), new FleetSummary.Region("us-1", AS_OF, 600, eu, 1, trend)), bins);
    }

    @Override
    public Page<DriveRisk> atRisk(AtRiskQuery q) {
        call("at-risk " + q.region().orElse("*") + " " + q.buckets() + " " + q.limit() + q.after().map(c -> " after " + c.drive()).orElse(""));
        List<DriveRisk> matching = DRIVES.stream().filter(d -> q.region().map(d.region()::equals).orElse(true))
                .filter(d -> q.buckets().contains(Bucket.ofLabel(d.bucket()))).sorted(AT_RISK).toList();
        return page(matching, q.limit(), q.after().map(c -> (Function<DriveRisk, Boolean>) d -> AT_RISK.compare(d, positioned(c)) > 0),
                DriveRisk::position);
    }

    private static DriveRisk positioned(Cursor.AtRisk c) {
        return new DriveRisk(c.region(), c.host(), c.drive(), Optional.empty(), AS_OF, c.probability(), "good", "-", List.of(), List.of());
    }

    @Override
    public Page<HostSummary> hosts(HostsQuery q) {
        call("hosts " + q.region().orElse("*") + " " + q.limit());
        List<HostSummary> all = List.of(new HostSummary("eu-1", "h-001", 12, "bad", 0.83, AS_OF.minusSeconds(3600)),
                new HostSummary("eu-1", "h-002", 12, "warning", 0.41, AS_OF.minusSeconds(3600)),
                new HostSummary("us-1", "h-100", 8, "bad", 0.83, AS_OF.minusSeconds(3600)));
        List<HostSummary> matching = all.stream().filter(h -> q.region().map(h.region()::equals).orElse(true)).toList();
        return page(matching, q.limit(), q.after().map(c -> (Function<HostSummary, Boolean>) h ->
                (h.region() + "\u0000" + h.host()).compareTo(c.region() + "\u0000" + c.host()) > 0), HostSummary::position);
    }

    private static <T> Page<T> page(List<T> sorted, int limit, Optional<Function<T, Boolean>> after, Function<T, Cursor> position) {
        List<T> rest = sorted.stream().filter(t -> after.map(f -> f.apply(t)).orElse(true)).toList();
        if (rest.size() <= limit) return Page.last(rest);
        return new Page<>(rest.subList(0, limit), Optional.of(position.apply(rest.get(limit - 1))));
    }

    @Override
    public Optional<HostDetail> host(String region, String host) {
        call("host " + region + "/" + host);
        if (!region.equals("eu-1") || !host.equals("h-001")) return Optional.empty();
        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("used_percent", 40.5);
        mem.put("swapping", false);
        mem.put("note", "ok");
        return Optional.of(new HostDetail(region, host, AS_OF.minusSeconds(60), List.of(
                new HostDetail.Drive("ZJV0A001", Optional.of("ST4000DM000"), Optional.of(DRIVES.getFirst())),
                new HostDetail.Drive("ZJV0A004", Optional.empty(), Optional.empty())), List.of(
                new HostDetail.MetricPoint("cpu", Map.of("cpu", "cpu-total"), AS_OF.minusSeconds(60), Map.of("usage_user", 12.5, "usage_system", 3.0)),
                new HostDetail.MetricPoint("mem", Map.of(), AS_OF.minusSeconds(60), mem))));
    }

    @Override
    public Optional<DriveDetail> drive(DriveQuery q) {
        call("drive " + q.region() + "/" + q.host() + "/" + q.drive() + " " + q.from().map(Instant::toString).orElse("-") + ".."
                + q.to().map(Instant::toString).orElse("-"));
        if (!q.drive().equals("ZJV0A001")) return Optional.empty();
        List<DriveDetail.SmartPoint> smart = new ArrayList<>();
        List<DriveDetail.RiskPoint> risk = new ArrayList<>();
        long[] pending = {0, 0, 0, 6, 24};
        for (int d = 0; d < pending.length; d++) {
            Instant ts = AS_OF.minusSeconds(3600 + 86_400L * (pending.length - 1 - d));
            smart.add(new DriveDetail.SmartPoint(ts, Map.of(5, 8L, 9, 20512L + 24 * d, 194, 31L, 197, pending[d]),
                    d == 0 ? OptionalDouble.empty() : OptionalDouble.of(31 + d)));
            risk.add(new DriveDetail.RiskPoint(ts, d < 3 ? 0.01 : 0.83, d < 3 ? "good" : "bad", "a1b2c3"));
        }
        DriveRisk latest = DRIVES.getFirst().withReasons(Reasons.sharpened(PENDING,
                smart.stream().map(p -> new Reasons.Reading(p.ts(), p.attributes())).toList()));
        return Optional.of(new DriveDetail(q.region(), q.host(), q.drive(), Optional.of("ST4000DM000"), Optional.of(latest),
                q.from().orElse(AS_OF.minusSeconds(86_400L * 30)), q.to().orElse(AS_OF), risk, smart));
    }

    @Override
    public List<DrivePrediction> drivePredictions(String region, String host, String drive, Instant from, Instant to) {
        call("predictions " + region + "/" + host + "/" + drive + " " + from + ".." + to);
        return List.of(new DrivePrediction(region, drive, host, AS_OF, "a1b2c3", 0.83, "bad", PENDING));
    }

    @Override
    public List<DriveAlert> alerts(String region, Instant from, Instant to, boolean openOnly) {
        call("alerts " + region + " " + from + ".." + to + (openOnly ? " open" : ""));
        return List.of(new DriveAlert(region, "ZJV0A001", "h-001", AS_OF, UUID.fromString("3f1c2d9e-8a7b-4c5d-9e0f-1a2b3c4d5e6f"), "open", "a1b2c3",
                0.83, "bad", PENDING, AS_OF, Optional.empty()));
    }

    @Override
    public List<RiskPrediction> topRisk(int limit, Instant asOf) {
        call("risk " + limit + " " + asOf);
        return List.of(new RiskPrediction("eu-1", "ZJV0A001", "h-001", AS_OF, "a1b2c3", 0.83, "bad", PENDING));
    }

    @Override
    public List<io.harbinger.schema.read.HostRows> storedRowsByHost(String hostPrefix, Instant since) {
        List<io.harbinger.schema.read.HostRows> rows = new java.util.ArrayList<>();
        if ("h-001".startsWith(hostPrefix)) rows.add(new io.harbinger.schema.read.HostRows("eu-1", "h-001", 5, 2, 5));
        return rows;
    }

    @Override
    public StoredRows storedRows() {
        Map<String, Long> tables = new LinkedHashMap<>();
        tables.put("disk_samples", 5L);
        tables.put("host_metrics", 2L);
        tables.put("predictions", 5L);
        return new StoredRows(tables);
    }

    @Override
    public boolean healthy() {
        return !down.get();
    }
}
