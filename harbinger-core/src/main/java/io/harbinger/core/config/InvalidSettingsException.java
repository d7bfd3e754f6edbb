package io.harbinger.core.config;

import java.util.List;

/** Settings that cannot be used, every problem named: its message is them all, on one line. */
public final class InvalidSettingsException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("an InvalidSettingsException needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
