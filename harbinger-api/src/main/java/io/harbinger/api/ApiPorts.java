package io.harbinger.api;

import io.harbinger.api.port.ModelControl;
import io.harbinger.api.port.Readiness;
import io.harbinger.api.port.SystemStatus;
import io.harbinger.schema.alert.AlertBook;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.ProcessorReads;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the read routes read through: the processor's state, the fleet's storage (shards and replicas
 * behind it), the model, the readiness checks, the metrics scrape, the clock "now" comes from, and the
 * alerts and silences (empty: alerting is not running, the {@code /api/v1/alerts...} routes are not mounted),
 * and the node's own figures (empty: the {@code /api/v1/system...} routes are not mounted).
 */
public record ApiPorts(ProcessorReads processor, FleetReads fleet, ModelControl model, List<Readiness> readiness,
                       Supplier<String> metrics, Clock clock, Optional<AlertBook> alerts,
                       Optional<SystemStatus> system) {
    public ApiPorts {
        if (processor == null || fleet == null || model == null || metrics == null || clock == null || alerts == null || system == null) {
            throw new IllegalArgumentException("every port of the read API must be given");
        }
        readiness = List.copyOf(readiness);
    }

    /** Without alerting. */
    public ApiPorts(ProcessorReads processor, FleetReads fleet, ModelControl model, List<Readiness> readiness, Supplier<String> metrics, Clock clock) {
        this(processor, fleet, model, readiness, metrics, clock, Optional.empty(), Optional.empty());
    }

    /** These ports with {@code book} for the alert routes. */
    public ApiPorts withAlerts(AlertBook book) {
        return new ApiPorts(processor, fleet, model, readiness, metrics, clock, Optional.of(book), system);
    }

    /** These ports with {@code status} for the system routes (the dashboard's system strip). */
    public ApiPorts withSystem(SystemStatus status) {
        return new ApiPorts(processor, fleet, model, readiness, metrics, clock, alerts, Optional.of(status));
    }
}
