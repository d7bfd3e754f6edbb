package io.harbinger.schema.alert;

import java.util.List;
import java.util.Optional;

/** One page of alerts and where the next one starts (empty on the last page). */
public record AlertPage(List<Alert> items, Optional<String> nextCursor) {
    public AlertPage {
        items = List.copyOf(items);
        if (nextCursor == null) throw new IllegalArgumentException("nextCursor must be non-null (empty on the last page)");
    }
}
