package io.harbinger.store.shard;

import java.util.List;

/** A shard map that cannot be used; {@link #problems()} lists every problem found, each on its own. */
public final class ShardMapException extends IllegalArgumentException {
    private final List<String> problems;

    ShardMapException(List<String> problems) {
        super("invalid shard map (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each names the setting, the bad value and what would be valid. */
    public List<String> problems() {
        return problems;
    }
}
