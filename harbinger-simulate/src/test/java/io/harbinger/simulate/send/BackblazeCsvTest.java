package io.harbinger.simulate.send;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.backblaze.BackblazeCsvParser;
import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.simulate.fleet.FleetGenerator;
import io.harbinger.simulate.fleet.FleetShape;
import io.harbinger.simulate.fleet.ParametersFile;
import io.harbinger.simulate.fleet.SmartReading;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackblazeCsvTest {
    @Test
    void simulatedReadings_readBackThroughTheIngestParser_unchanged() {
        FleetGenerator g = new FleetGenerator(ParametersFile.loadDefault(), new FleetShape(3, 1, 4), 1, 200, LocalDate.of(2026, 3, 1));
        List<SmartReading> readings = g.next().readings();
        ParseContext ctx = new ParseContext("r", "h", 0, TimeWindow.backfill(Duration.ofDays(365L * 100)), IngestLimits.DEFAULTS);
        ParseResult result = BackblazeCsvParser.parse(BackblazeCsv.of(readings), Optional.of(LocalDate.of(2026, 3, 1)), ctx);
        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        List<Point> points = ((ParseResult.Accepted) result).points();
        assertThat(points).hasSize(readings.size());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            SmartReading r = readings.get(i);
            assertThat(p.drive()).isEqualTo(r.serial());
            for (SmartAttribute a : SmartAttribute.ALL) {
                double v = p.fields().stream().filter(f -> f.name().equals(a.rawField())).findFirst().orElseThrow().value();
                assertThat(v).as("%s of %s", a, r.serial()).isEqualTo((double) r.value(a));
            }
        }
    }
}
