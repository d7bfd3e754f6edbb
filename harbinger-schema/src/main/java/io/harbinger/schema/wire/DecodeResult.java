package io.harbinger.schema.wire;

/** The outcome of decoding one record value: a batch, or a precise reason why the bytes are not one. */
public sealed interface DecodeResult {
    record Decoded(PointBatch batch) implements DecodeResult {}

    /** @param detail what was wrong and at which byte offset, e.g. "truncated at byte 40: ..." */
    record Corrupt(String detail) implements DecodeResult {}
}
