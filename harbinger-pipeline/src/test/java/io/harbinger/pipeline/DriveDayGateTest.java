package io.harbinger.pipeline;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.schema.TestPoints;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.harbinger.schema.TestPoints.disk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriveDayGateTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final String KEY = "eu/h1/ZA1";
    private final DriveDayGate gate = new DriveDayGate(Duration.ofHours(1), 3);

    @Test
    void aDriveNeverJudged_isJudged() {
        assertThat(gate.repeats(KEY, disk("eu", "h1", "ZA1", 3, 0))).isFalse();
    }

    @Test
    void aLaterSampleOfTheSameDay_withTheSameCounters_repeats_evenIfTemperatureHoursAndWorkloadMoved() {
        Point first = disk("eu", "h1", "ZA1", 3, 2);
        gate.judged(KEY, first);
        Point later = with(first, first.timestampNanos() + 5 * MINUTE, "smart_194_raw", 45, "smart_9_raw", 99_999, "smart_241_raw", 7e12);
        assertThat(gate.repeats(KEY, later)).isTrue();
    }

    @Test
    void aChangedErrorCounter_healthValue_orFailureFlag_isJudged() {
        Point first = disk("eu", "h1", "ZA1", 3, 2);
        gate.judged(KEY, first);
        long t = first.timestampNanos() + MINUTE;
        assertThat(gate.repeats(KEY, with(first, t))).as("nothing changed").isTrue();
        assertThat(gate.repeats(KEY, with(first, t, "smart_187_raw", 1))).isFalse();
        assertThat(gate.repeats(KEY, with(first, t, "smart_5_raw", 3))).isFalse();
        assertThat(gate.repeats(KEY, with(first, t, "failure", 1))).isFalse();
        assertThat(gate.repeats(KEY, withExtra(first, t, "smart_status_passed", 0))).isFalse();
    }

    @Test
    void aNewDay_theRescoreInterval_orAnOlderSample_isJudged() {
        Point first = disk("eu", "h1", "ZA1", 3, 0);
        gate.judged(KEY, first);
        assertThat(gate.repeats(KEY, disk("eu", "h1", "ZA1", 4, 0))).as("next day").isFalse();
        assertThat(gate.repeats(KEY, with(first, first.timestampNanos() + 59 * MINUTE))).isTrue();
        assertThat(gate.repeats(KEY, with(first, first.timestampNanos() + 60 * MINUTE))).as("an hour on").isFalse();
        assertThat(gate.repeats(KEY, with(first, first.timestampNanos() - 1))).as("before the judged one").isFalse();
    }

    @Test
    void anOlderJudgedSample_makesTheGateForgetTheDrive() {
        Point first = disk("eu", "h1", "ZA1", 3, 0);
        gate.judged(KEY, with(first, first.timestampNanos() + 10 * MINUTE));
        gate.judged(KEY, first);
        assertThat(gate.repeats(KEY, with(first, first.timestampNanos() + 11 * MINUTE))).isFalse();
    }

    @Test
    void beyondItsCapacity_theLeastRecentlySeenDriveIsForgotten_andJudgedAgain() {
        for (int d = 0; d < 4; d++) gate.judged("eu/h1/ZA" + d, disk("eu", "h1", "ZA" + d, 3, 0));
        assertThat(gate.size()).isEqualTo(3);
        assertThat(gate.repeats("eu/h1/ZA0", with(disk("eu", "h1", "ZA0", 3, 0), TestPoints.day(3) + MINUTE))).isFalse();
        assertThat(gate.repeats("eu/h1/ZA3", with(disk("eu", "h1", "ZA3", 3, 0), TestPoints.day(3) + MINUTE))).isTrue();
    }

    @Test
    void zeroInterval_judgesEverySample() {
        DriveDayGate every = new DriveDayGate(Duration.ZERO, 10);
        Point p = disk("eu", "h1", "ZA1", 3, 0);
        every.judged(KEY, p);
        assertThat(every.repeats(KEY, p)).isFalse();
        assertThatThrownBy(() -> new DriveDayGate(Duration.ofSeconds(-1), 10)).hasMessageContaining("rescoreAfter must be >= 0");
    }

    /** {@code p} at {@code t} with some fields set (name, value pairs). */
    private static Point with(Point p, long t, Object... changes) {
        List<Field> fields = new ArrayList<>();
        for (Field f : p.fields()) {
            double v = f.value();
            for (int i = 0; i < changes.length; i += 2) if (changes[i].equals(f.name())) v = ((Number) changes[i + 1]).doubleValue();
            fields.add(new Field(f.name(), v));
        }
        return new Point(p.measurement(), p.region(), p.host(), p.drive(), p.tags(), fields, t);
    }

    private static Point withExtra(Point p, long t, String name, double value) {
        List<Field> fields = new ArrayList<>(p.fields());
        fields.add(new Field(name, value));
        return new Point(p.measurement(), p.region(), p.host(), p.drive(), p.tags(), fields, t);
    }
}
