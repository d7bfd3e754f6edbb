package io.harbinger.core.parse;

import io.harbinger.core.point.Point;

import java.util.List;

/**
 * What a parser made of one request body: either every item was accepted, or some were refused.
 * A refused result still carries the valid points, for protocols whose answer is a partial success
 * (OTLP); all-or-nothing endpoints write none of them.
 */
public sealed interface ParseResult permits ParseResult.Accepted, ParseResult.Rejected {

    /** At most this many rejections are kept with their details; the rest are only counted. */
    int MAX_DETAILED_REJECTIONS = 20;

    record Accepted(List<Point> points) implements ParseResult {
        public Accepted {
            if (points == null) throw new IllegalArgumentException("points must be non-null");
        }
    }

    /**
     * @param rejections  the first {@link #MAX_DETAILED_REJECTIONS} rejections, in input order
     * @param rejectedCount how many items were refused in all (>= rejections.size())
     * @param validPoints the points that passed, for partial-success protocols
     */
    record Rejected(List<Rejection> rejections, long rejectedCount, List<Point> validPoints) implements ParseResult {
        public Rejected {
            if (rejections == null || rejections.isEmpty()) throw new IllegalArgumentException("a rejected result needs at least one rejection");
            if (rejectedCount < rejections.size()) throw new IllegalArgumentException("rejectedCount " + rejectedCount + " < listed rejections " + rejections.size());
            if (validPoints == null) throw new IllegalArgumentException("validPoints must be non-null");
        }

        public static Rejected of(Rejection rejection) {
            return new Rejected(List.of(rejection), 1, List.of());
        }

        /** One human-readable message: the first rejections, then how many more. */
        public String message() {
            StringBuilder sb = new StringBuilder();
            for (Rejection r : rejections) {
                if (!sb.isEmpty()) sb.append('\n');
                sb.append(r.describe());
            }
            if (rejectedCount > rejections.size()) sb.append("\n... and ").append(rejectedCount - rejections.size()).append(" more");
            return sb.toString();
        }
    }
}
