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
 * behind it), the model, the readiness checks, the metrics scrape, the clock "now" comes from, the
 * node's own figures (the system panel), and the alerts and silences (empty: alerting is not running,
 * the {@code /api/v1/alerts...} routes are not mounted).
 */
public record ApiPorts(ProcessorReads processor, FleetReads fleet, ModelControl model, List<Readiness> readiness,
                       Supplier<String> metrics, Clock clock, SystemStatus system, Optional<AlertBook> alerts) {
    public ApiPorts {
        if (processor == null || fleet == null || model == null || metrics == null || clock == null || system == null || alerts == null) {
            throw new IllegalArgumentException("every port of the read API must be given");
        }
        readiness = List.copyOf(readiness);
    }

    /** Without alerting. */
    public ApiPorts(ProcessorReads processor, FleetReads fleet, ModelControl model, List<Readiness> readiness, Supplier<String> metrics, Clock clock,
                    SystemStatus system) {
        this(processor, fleet, model, readiness, metrics, clock, system, Optional.empty());
    }
}
