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
 * What a node's routes read through. Every node has the readiness checks, the metrics scrape and the
 * clock "now" comes from ({@code /health}, {@code /ready}, {@code /metrics}); the other ports are there
 * when the node runs the part behind them, and their routes are mounted only then: the processor's state
 * ({@code /api/v1/hosts}, {@code /api/v1/stats}), the fleet's storage (shards and replicas behind it,
 * {@code /api/v1/fleet...} and the other reads), the model ({@code /api/v1/model...}), the alerts and
 * silences ({@code /api/v1/alerts...}, {@code /api/v1/silences...}) and the node's own figures
 * ({@code /api/v1/system...}).
 */
public record ApiPorts(List<Readiness> readiness, Supplier<String> metrics, Clock clock, Optional<ProcessorReads> processor,
                       Optional<FleetReads> fleet, Optional<ModelControl> model, Optional<AlertBook> alerts, Optional<SystemStatus> system) {
    public ApiPorts {
        if (readiness == null || metrics == null || clock == null || processor == null || fleet == null || model == null || alerts == null || system == null) {
            throw new IllegalArgumentException("every port of the API must be given (empty when the node does not run its part)");
        }
        readiness = List.copyOf(readiness);
    }

    /** Every part: processor, fleet and model (without alerting and system figures). */
    public ApiPorts(ProcessorReads processor, FleetReads fleet, ModelControl model, List<Readiness> readiness, Supplier<String> metrics, Clock clock) {
        this(readiness, metrics, clock, Optional.of(processor), Optional.of(fleet), Optional.of(model), Optional.empty(), Optional.empty());
    }

    /** The operations routes only: a node that runs none of the parts read here. */
    public static ApiPorts operations(List<Readiness> readiness, Supplier<String> metrics, Clock clock) {
        return new ApiPorts(readiness, metrics, clock, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ApiPorts withProcessor(ProcessorReads reads) {
        return new ApiPorts(readiness, metrics, clock, Optional.of(reads), fleet, model, alerts, system);
    }

    public ApiPorts withFleet(FleetReads reads) {
        return new ApiPorts(readiness, metrics, clock, processor, Optional.of(reads), model, alerts, system);
    }

    public ApiPorts withModel(ModelControl control) {
        return new ApiPorts(readiness, metrics, clock, processor, fleet, Optional.of(control), alerts, system);
    }

    /** These ports with {@code book} for the alert routes. */
    public ApiPorts withAlerts(AlertBook book) {
        return new ApiPorts(readiness, metrics, clock, processor, fleet, model, Optional.of(book), system);
    }

    /** These ports with {@code status} for the system routes (the dashboard's system strip). */
    public ApiPorts withSystem(SystemStatus status) {
        return new ApiPorts(readiness, metrics, clock, processor, fleet, model, alerts, Optional.of(status));
    }
}
