package io.harbinger.schema.read;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One {@code disk_samples} row as the queries return it.
 *
 * @param smartRaw the raw value of each SMART attribute that has a column and a value in this row,
 *                 by attribute id (absent attributes are not in the map)
 */
public record DriveSample(String region, String drive, String host, Instant ts, Optional<String> model,
                          Map<Integer, Long> smartRaw, OptionalDouble temperatureC, boolean failure) {
    public DriveSample {
        smartRaw = Map.copyOf(smartRaw);
    }
}
