package io.harbinger.schema.read;

import java.util.List;
import java.util.Optional;

/**
 * What a node's stream processor can tell about the hosts of the partitions it holds.
 * Every method may throw {@link ReadUnavailableException} while its state is not readable.
 */
public interface ProcessorReads {
    /** Whether it is processing (and its state readable). */
    boolean ready();

    /** Every host it holds state for, ordered by routing key. */
    List<HostStats> hosts();

    Optional<HostStats> host(String region, String host);

    Totals totals();
}
