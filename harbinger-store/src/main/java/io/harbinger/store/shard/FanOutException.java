package io.harbinger.store.shard;

import java.util.List;
import java.util.Map;

/**
 * A fleet-wide query did not get an answer from every shard; the message names each shard that
 * failed (and why) or did not answer in time. No partial result is returned.
 */
public final class FanOutException extends RuntimeException {
    private final Map<String, Throwable> failed;
    private final List<String> unanswered;

    FanOutException(String message, Map<String, Throwable> failed, List<String> unanswered) {
        super(message, failed.values().stream().findFirst().orElse(null));
        this.failed = Map.copyOf(failed);
        this.unanswered = List.copyOf(unanswered);
        failed.values().stream().skip(1).forEach(this::addSuppressed);
    }

    /** Shards whose query failed, with the failure. */
    public Map<String, Throwable> failed() {
        return failed;
    }

    /** Shards that had not answered when the fan-out gave up (timed out, or cancelled after a failure). */
    public List<String> unanswered() {
        return unanswered;
    }
}
