package io.harbinger.parsers.smartctl;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers for disk points: a back-fill context and field/tag look-ups that fail loudly. */
public final class DiskPoints {
    public static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private DiskPoints() {
    }

    /** Region eu-west, host node-1, "now" {@link #NOW}, back-fill window, default limits. */
    public static ParseContext backfill() {
        return new ParseContext("eu-west", "node-1", nanos(NOW), TimeWindow.backfill(Duration.ofMinutes(10)), IngestLimits.DEFAULTS);
    }

    public static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    public static Point onlyPoint(ParseResult result) {
        assertThat(result).as(describe(result)).isInstanceOf(ParseResult.Accepted.class);
        List<Point> points = ((ParseResult.Accepted) result).points();
        assertThat(points).hasSize(1);
        return points.getFirst();
    }

    public static List<Point> points(ParseResult result) {
        assertThat(result).as(describe(result)).isInstanceOf(ParseResult.Accepted.class);
        return ((ParseResult.Accepted) result).points();
    }

    /** The single whole-input rejection of {@code result}, asserted to have {@code reason}. */
    public static Rejection onlyRejection(ParseResult result, RejectReason reason) {
        assertThat(result).as(describe(result)).isInstanceOf(ParseResult.Rejected.class);
        ParseResult.Rejected rejected = (ParseResult.Rejected) result;
        assertThat(rejected.rejections()).hasSize(1);
        Rejection rejection = rejected.rejections().getFirst();
        assertThat(rejection.reason()).as(rejection.describe()).isEqualTo(reason);
        return rejection;
    }

    public static double field(Point point, String name) {
        Optional<Field> field = point.fields().stream().filter(f -> f.name().equals(name)).findFirst();
        assertThat(field).as("field %s in %s", name, point.fields()).isPresent();
        return field.get().value();
    }

    public static boolean hasField(Point point, String name) {
        return point.fields().stream().anyMatch(f -> f.name().equals(name));
    }

    public static String tag(Point point, String key) {
        Optional<Tag> tag = point.tags().stream().filter(t -> t.key().equals(key)).findFirst();
        assertThat(tag).as("tag %s in %s", key, point.tags()).isPresent();
        return tag.get().value();
    }

    public static String describe(ParseResult result) {
        return result instanceof ParseResult.Rejected r ? r.message() : "accepted";
    }
}
