package io.harbinger.schema.read;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list read in a fixed order: its items and, when more follow, where the next page
 * starts (the position after its last item). The API writes {@code next} as the opaque
 * {@code nextCursor} string ({@link Cursor#encode()}), {@code null} on the last page.
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    public Page {
        items = List.copyOf(items);
        if (next == null) throw new IllegalArgumentException("next must be non-null (Optional.empty() on the last page)");
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }
}
