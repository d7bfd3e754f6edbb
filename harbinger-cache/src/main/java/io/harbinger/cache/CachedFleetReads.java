package io.harbinger.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.harbinger.schema.read.AtRiskQuery;
import io.harbinger.schema.read.Cursor;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DriveDetail;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.DriveQuery;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.HostDetail;
import io.harbinger.schema.read.HostRows;
import io.harbinger.schema.read.HostSummary;
import io.harbinger.schema.read.HostsQuery;
import io.harbinger.schema.read.Page;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.StoredRows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link FleetReads} answered from the cache: each read has a key (its name and normalised parameters)
 * and a scope (what it is about), by which the prediction stream evicts it: the summary and the
 * fleet-wide at-risk, hosts and riskiest-drives reads the fleet; those of one region, and its alerts,
 * the region; a host's detail the host; a drive's detail and predictions the drive. {@link #storedRows},
 * {@link #storedRowsByHost} and {@link #healthy} are not cached. A read with an empty region, host or drive is not cached either.
 */
public final class CachedFleetReads implements FleetReads {
    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final JavaType DRIVE_PREDICTIONS = TYPES.constructCollectionType(List.class, DrivePrediction.class);
    private static final JavaType ALERTS = TYPES.constructCollectionType(List.class, DriveAlert.class);
    private static final JavaType RISK = TYPES.constructCollectionType(List.class, RiskPrediction.class);
    private static final JavaType SUMMARY = TYPES.constructType(FleetSummary.class);
    private static final JavaType AT_RISK = TYPES.constructParametricType(Page.class, DriveRisk.class);
    private static final JavaType HOSTS = TYPES.constructParametricType(Page.class, HostSummary.class);
    private static final JavaType HOST = TYPES.constructReferenceType(Optional.class, TYPES.constructType(HostDetail.class));
    private static final JavaType DRIVE = TYPES.constructReferenceType(Optional.class, TYPES.constructType(DriveDetail.class));

    private final FleetReads delegate;
    private final TieredCache cache;

    CachedFleetReads(FleetReads delegate, TieredCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public FleetSummary summary(int days) {
        return cache.get(CacheKey.of("summary", Scope.FLEET, days), SUMMARY, () -> delegate.summary(days));
    }

    /** Scope: the region when one is asked, else the fleet. */
    @Override
    public Page<DriveRisk> atRisk(AtRiskQuery query) {
        Supplier<Page<DriveRisk>> load = () -> delegate.atRisk(query);
        if (query.region().isPresent() && blank(query.region().get())) return load.get();
        return cache.get(CacheKey.of("at-risk", regionOrFleet(query.region()), query.buckets(), query.limit(), query.after().map(Cursor::encode)),
                AT_RISK, load);
    }

    @Override
    public Page<HostSummary> hosts(HostsQuery query) {
        Supplier<Page<HostSummary>> load = () -> delegate.hosts(query);
        if (query.region().isPresent() && blank(query.region().get())) return load.get();
        return cache.get(CacheKey.of("hosts", regionOrFleet(query.region()), query.limit(), query.after().map(Cursor::encode)), HOSTS, load);
    }

    @Override
    public Optional<HostDetail> host(String region, String host) {
        Supplier<Optional<HostDetail>> load = () -> delegate.host(region, host);
        if (blank(region, host)) return load.get();
        return cache.get(CacheKey.of("host", Scope.host(region, host)), HOST, load);
    }

    @Override
    public Optional<DriveDetail> drive(DriveQuery query) {
        Supplier<Optional<DriveDetail>> load = () -> delegate.drive(query);
        if (blank(query.region(), query.host(), query.drive())) return load.get();
        return cache.get(CacheKey.of("drive", Scope.drive(query.region(), query.host(), query.drive()), query.from(), query.to()), DRIVE, load);
    }

    @Override
    public List<DrivePrediction> drivePredictions(String region, String host, String drive, Instant from, Instant to) {
        Supplier<List<DrivePrediction>> load = () -> delegate.drivePredictions(region, host, drive, from, to);
        if (blank(region, host, drive)) return load.get();
        return cache.get(CacheKey.of("drive-predictions", Scope.drive(region, host, drive), from, to), DRIVE_PREDICTIONS, load);
    }

    @Override
    public List<DriveAlert> alerts(String region, Instant from, Instant to, boolean openOnly) {
        Supplier<List<DriveAlert>> load = () -> delegate.alerts(region, from, to, openOnly);
        if (blank(region)) return load.get();
        return cache.get(CacheKey.of("alerts", Scope.region(region), from, to, openOnly), ALERTS, load);
    }

    @Override
    public List<RiskPrediction> topRisk(int limit, Instant asOf) {
        return cache.get(CacheKey.of("top-risk", Scope.FLEET, limit, asOf), RISK, () -> delegate.topRisk(limit, asOf));
    }

    @Override
    public StoredRows storedRows() {
        return delegate.storedRows();
    }

    @Override
    public List<HostRows> storedRowsByHost(String hostPrefix, Instant since) {
        return delegate.storedRowsByHost(hostPrefix, since);
    }

    @Override
    public boolean healthy() {
        return delegate.healthy();
    }

    private static Scope regionOrFleet(Optional<String> region) {
        return region.map(Scope::region).orElse(Scope.FLEET);
    }

    private static boolean blank(String... parts) {
        for (String p : parts) {
            if (p == null || p.isEmpty()) return true;
        }
        return false;
    }
}
