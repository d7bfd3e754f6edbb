package io.harbinger.schema.wire;

/** The outcome of summarising one record value: a {@link BatchSummary}, or why the bytes are not a batch. */
public sealed interface SummaryResult permits BatchSummary, SummaryResult.Corrupt {
    /** @param detail what was wrong and at which byte offset */
    record Corrupt(String detail) implements SummaryResult {}
}
