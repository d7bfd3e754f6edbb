package io.harbinger.schema.read;

/**
 * Sums over all hosts. {@code corruptRecords} counts records skipped because they could not be
 * decoded, since this process started (the others survive restarts: they live in the state store).
 */
public record Totals(long hosts, long points, long samples, long duplicates, long corruptRecords) {}
