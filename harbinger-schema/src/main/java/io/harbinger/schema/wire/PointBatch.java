package io.harbinger.schema.wire;

import io.harbinger.core.point.Point;

import java.util.List;

/**
 * The value of one record on the samples topic: the points of one ingest request that go to one
 * partition, host after host, each host's points in the order the client sent them.
 *
 * @param fingerprint identifies the write for duplicate detection downstream: a hash of the
 *                    client's idempotency key (with partition and part index) or, without one, of
 *                    the encoded points, so that a byte-identical retry carries the same fingerprint
 * @param points      at least one point
 */
public record PointBatch(long fingerprint, List<Point> points) {
    public PointBatch {
        if (points == null || points.isEmpty()) throw new IllegalArgumentException("a batch needs at least one point");
    }
}
