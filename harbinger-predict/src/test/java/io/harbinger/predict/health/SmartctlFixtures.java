package io.harbinger.predict.health;

import io.harbinger.core.TestData;
import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.smartctl.SmartctlJsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real {@code smartctl --json} reports of the data set (smartctl-json/), parsed by the real parser. */
public final class SmartctlFixtures {
    private static final ParseContext CTX = new ParseContext("eu", "h1", 0, TimeWindow.backfill(Duration.ofDays(365L * 200)), IngestLimits.DEFAULTS);

    private SmartctlFixtures() {
    }

    /** The point of report {@code name} (e.g. {@code smart-nvme-failed.json}), host h1, region eu. */
    public static Point point(String name) {
        try {
            byte[] json = Files.readAllBytes(TestData.resolve("smartctl-json/" + name));
            return switch (SmartctlJsonParser.parse(json, CTX)) {
                case ParseResult.Accepted a when a.points().size() == 1 -> a.points().get(0);
                case ParseResult.Accepted a -> throw new IllegalStateException(name + " gave " + a.points().size() + " points");
                case ParseResult.Rejected r -> throw new IllegalStateException(name + " refused: " + r.message());
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code p} read {@code days} later with field {@code name} at {@code value}: a later reading of the same
     * drive, made up from the real one (the data set holds one report per drive).
     */
    public static Point later(Point p, int days, String name, double value) {
        List<Field> fields = new ArrayList<>();
        for (Field f : p.fields()) fields.add(f.name().equals(name) ? new Field(name, value) : f);
        return new Point(p.measurement(), p.region(), p.host(), p.drive(), p.tags(), fields, p.timestampNanos() + days * 86_400_000_000_000L);
    }
}
