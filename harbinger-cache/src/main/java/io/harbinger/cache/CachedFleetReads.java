package io.harbinger.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.StoredRows;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link FleetReads} answered from the cache: each read has a key (its name and normalised parameters)
 * and a scope (what it is about: a drive's predictions the drive, a region's alerts the region, the
 * fleet's riskiest drives the fleet), by which the prediction stream evicts it. {@link #storedRows} and
 * {@link #healthy} are not cached. A read with an empty region, host or drive is not cached either.
 */
public final class CachedFleetReads implements FleetReads {
    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final JavaType DRIVE_PREDICTIONS = TYPES.constructCollectionType(List.class, DrivePrediction.class);
    private static final JavaType ALERTS = TYPES.constructCollectionType(List.class, DriveAlert.class);
    private static final JavaType RISK = TYPES.constructCollectionType(List.class, RiskPrediction.class);

    private final FleetReads delegate;
    private final TieredCache cache;

    CachedFleetReads(FleetReads delegate, TieredCache cache) {
        this.delegate = delegate;
        this.cache = cache;
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
    public boolean healthy() {
        return delegate.healthy();
    }

    private static boolean blank(String... parts) {
        for (String p : parts) {
            if (p == null || p.isEmpty()) return true;
        }
        return false;
    }
}
