package io.harbinger.store.query;

import io.harbinger.schema.prediction.Reasons;
import io.harbinger.schema.read.DriveDetail;
import io.harbinger.schema.read.DriveQuery;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.schema.read.HostDetail;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Host and drive detail on one region's reader: a few queries each, every one bounded by the host's or drive's latest data. */
final class Details {
    /** How far back the reasons of a drive's latest prediction read its SMART history: the longest feature window. */
    static final Duration REASON_HISTORY = Duration.ofDays(30);
    private static final Duration METRICS = Duration.ofDays(1);

    private Details() {
    }

    static Optional<HostDetail> host(Connection c, String region, String host) throws SQLException {
        Optional<Instant> lastSample = FleetQueries.lastInstant(c, FleetQueries.HOST_LAST_SAMPLE, region, host);
        Optional<Instant> lastMetric = FleetQueries.lastInstant(c, FleetQueries.HOST_LAST_METRIC, region, host);
        Optional<Instant> lastSeen = Stream.of(lastSample, lastMetric).flatMap(Optional::stream).max(Instant::compareTo);
        if (lastSeen.isEmpty()) return Optional.empty();
        List<HostDetail.Drive> drives = new ArrayList<>();
        if (lastSample.isPresent()) {
            Instant since = lastSample.get().minus(FleetQueries.CURRENT);
            for (FleetQueries.HostDrive d : FleetQueries.hostDrives(c, region, host, since)) {
                drives.add(new HostDetail.Drive(d.drive(), d.model(), FleetQueries.driveLatest(c, region, host, d.drive(), since)));
            }
        }
        List<HostDetail.MetricPoint> metrics = lastMetric.isEmpty() ? List.of()
                : FleetQueries.hostMetrics(c, region, host, lastMetric.get().minus(METRICS), lastMetric.get());
        return Optional.of(new HostDetail(region, host, lastSeen.get(), drives, metrics));
    }

    static Optional<DriveDetail> drive(Connection c, DriveQuery q) throws SQLException {
        Optional<FleetQueries.LastSample> last = FleetQueries.driveLastSample(c, q.region(), q.host(), q.drive());
        if (last.isEmpty()) return Optional.empty();
        Instant to = q.to().orElseGet(() -> last.get().ts().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Instant from = q.from().orElse(to.minus(DriveQuery.DEFAULT_DAYS, ChronoUnit.DAYS));
        Instant earliest = to.minus(DriveQuery.MAX_DAYS, ChronoUnit.DAYS);
        if (from.isBefore(earliest)) from = earliest;
        boolean empty = !from.isBefore(to);
        Optional<DriveRisk> latest = FleetQueries.driveLatest(c, q.region(), q.host(), q.drive(),
                last.get().ts().minus(DriveQuery.MAX_DAYS, ChronoUnit.DAYS));
        if (latest.isPresent()) latest = Optional.of(sharpened(c, latest.get()));
        return Optional.of(new DriveDetail(q.region(), q.host(), q.drive(), last.get().model(), latest, from, to,
                empty ? List.of() : FleetQueries.driveRisk(c, q.region(), q.host(), q.drive(), from, to),
                empty ? List.of() : FleetQueries.driveSmart(c, q.region(), q.host(), q.drive(), from, to)));
    }

    /**
     * A model prediction without facts (stored before they were) told from the drive's SMART readings of the
     * {@link #REASON_HISTORY} up to the prediction; one with facts, or a rule's, as stored.
     */
    private static DriveRisk sharpened(Connection c, DriveRisk risk) throws SQLException {
        if (!risk.byModel() || !risk.facts().isEmpty()) return risk;
        List<Reasons.Reading> history = FleetQueries.driveSmart(c, risk.region(), risk.host(), risk.drive(),
                risk.ts().minus(REASON_HISTORY), risk.ts().plusNanos(1000)).stream().map(FleetQueries::reading).toList();
        return risk.withReasons(Reasons.sharpened(risk.topFeatures(), history));
    }
}
