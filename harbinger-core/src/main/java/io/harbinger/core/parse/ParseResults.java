package io.harbinger.core.parse;

import io.harbinger.core.point.Point;

import java.util.ArrayList;
import java.util.List;

/** Accumulates points and rejections while a parser walks its input; builds the {@link ParseResult}. */
public final class ParseResults {
    private final List<Point> points;
    private final List<Rejection> rejections = new ArrayList<>();
    private long rejectedCount;

    public ParseResults(int expectedPoints) {
        this.points = new ArrayList<>(Math.max(expectedPoints, 4));
    }

    public ParseResults() {
        this(16);
    }

    public void accept(Point point) {
        points.add(point);
    }

    public void reject(Rejection rejection) {
        rejectedCount++;
        if (rejections.size() < ParseResult.MAX_DETAILED_REJECTIONS) rejections.add(rejection);
    }

    public long rejectedCount() {
        return rejectedCount;
    }

    public int acceptedCount() {
        return points.size();
    }

    public ParseResult result() {
        return rejectedCount == 0
                ? new ParseResult.Accepted(points)
                : new ParseResult.Rejected(List.copyOf(rejections), rejectedCount, points);
    }
}
