package io.harbinger.schema.alert;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The alerts and silences, as the API reads and changes them (the alerting module keeps them in
 * PostgreSQL). Every method may throw {@link io.harbinger.schema.read.ReadUnavailableException} when the
 * database cannot answer right now.
 */
public interface AlertBook {
    AlertPage alerts(AlertQuery query);

    Optional<Alert> alert(UUID id);

    /** Alerts firing now, by region (regions without any left out). */
    Map<String, Long> firingByRegion();

    /** Records the acknowledgement (a later one replaces an earlier); the alert as it is now, empty when unknown. */
    Optional<Alert> acknowledge(UUID id, String by, String comment);

    Silence createSilence(NewSilence silence);

    /** The silences whose status at the book's now is one of {@code statuses}, newest first. */
    List<Silence> silences(Set<Silence.Status> statuses);

    Optional<Silence> silence(UUID id);

    /** Ends the silence now (an expired one stays as it is); false when unknown. */
    boolean expireSilence(UUID id);
}
