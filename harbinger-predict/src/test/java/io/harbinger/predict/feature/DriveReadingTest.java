package io.harbinger.predict.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.schema.disk.SmartFields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriveReadingTest {
    private static final long T = 1_514_764_800_000_000_000L; // 2018-01-01T00:00Z

    private static Point point(String measurement, String drive, Field... fields) {
        return new Point(measurement, "default", "Z305B2QN", drive, List.of(), List.of(fields), T);
    }

    private static Field f(String name, double value) {
        return new Field(name, value);
    }

    private static int slot(int attribute) {
        for (int i = 0; i < DriveReading.ATTRIBUTES.length; i++) if (DriveReading.ATTRIBUTES[i] == attribute) return i;
        throw new AssertionError(attribute);
    }

    /** The fields of the first row of backblaze-st4000dm000-2018-h1/2018-01-01.csv, as the Backblaze importer makes them. */
    private static Point backblazeRow(double failure) {
        List<Field> fields = new ArrayList<>(List.of(f(SmartFields.FAILURE, failure), f("smart_5_raw", 0), f("smart_9_raw", 17952),
                f("smart_187_raw", 0), f("smart_188_raw", 0), f("smart_193_raw", 34046), f("smart_194_raw", 23),
                f("smart_197_raw", 0), f("smart_198_raw", 0), f("smart_241_raw", 39414155008.0), f("smart_242_raw", 52891914613.0),
                f("smart_1_normalized", 117)));
        return new Point(SmartFields.MEASUREMENT, "default", "Z305B2QN", "Z305B2QN", List.of(), fields, T);
    }

    @Test
    void of_backblazeRow_readsEveryAttributeIntoItsSlot() {
        DriveReading r = DriveReading.of(backblazeRow(0)).orElseThrow();
        assertThat(r.timestampNanos()).isEqualTo(T);
        assertThat(r.epochDay()).isEqualTo(java.time.LocalDate.of(2018, 1, 1).toEpochDay());
        assertThat(r.values()).containsExactly(0, 17952, 0, 0, 34046, 23, 0, 0, 39414155008.0, 52891914613.0);
        assertThat(r.failure()).isFalse();
        assertThat(r.ruleFlag()).isFalse();
    }

    @Test
    void of_failureRow_isAFailure() {
        assertThat(DriveReading.of(backblazeRow(1)).orElseThrow().failure()).isTrue();
    }

    @Test
    void of_missingAttributes_areNaN() {
        DriveReading r = DriveReading.of(point(SmartFields.MEASUREMENT, "S1", f("smart_5_raw", 3))).orElseThrow();
        assertThat(r.values()[slot(5)]).isEqualTo(3);
        for (int a : new int[] {9, 187, 188, 193, 194, 197, 198, 241, 242}) assertThat(r.values()[slot(a)]).as("smart %d", a).isNaN();
    }

    @Test
    void of_nonDiskPoint_isEmpty() {
        assertThat(DriveReading.of(point("cpu", "S1", f("smart_5_raw", 3)))).isEmpty();
        assertThat(DriveReading.of(point(SmartFields.MEASUREMENT, "", f("smart_5_raw", 3)))).as("host-level smart point").isEmpty();
    }

    @Test
    void of_withoutAttributes194And9_fallsBackToTemperatureAndPowerOnHours() {
        DriveReading r = DriveReading.of(point(SmartFields.MEASUREMENT, "nvme0",
                f(SmartFields.TEMPERATURE_C, 41), f(SmartFields.POWER_ON_HOURS, 1234))).orElseThrow();
        assertThat(r.values()[slot(194)]).isEqualTo(41);
        assertThat(r.values()[slot(9)]).isEqualTo(1234);
    }

    @Test
    void of_withAttributes194And9_prefersThemToTheFallbacks_inEitherFieldOrder() {
        DriveReading before = DriveReading.of(point(SmartFields.MEASUREMENT, "S1", f(SmartFields.TEMPERATURE_C, 41),
                f("smart_194_raw", 30), f(SmartFields.POWER_ON_HOURS, 1), f("smart_9_raw", 2))).orElseThrow();
        DriveReading after = DriveReading.of(point(SmartFields.MEASUREMENT, "S1", f("smart_194_raw", 30),
                f(SmartFields.TEMPERATURE_C, 41), f("smart_9_raw", 2), f(SmartFields.POWER_ON_HOURS, 1))).orElseThrow();
        for (DriveReading r : List.of(before, after)) {
            assertThat(r.values()[slot(194)]).isEqualTo(30);
            assertThat(r.values()[slot(9)]).isEqualTo(2);
        }
    }

    @Test
    void ruleFlag_firesOnAnyErrorCounterAboveZero_only() {
        for (int a : new int[] {5, 187, 188, 197, 198}) {
            assertThat(Readings.on(0).smart(a, 1).build().ruleFlag()).as("smart %d", a).isTrue();
            assertThat(Readings.on(0).smart(a, 0).build().ruleFlag()).as("smart %d at 0", a).isFalse();
        }
        for (int a : new int[] {9, 193, 194, 241, 242}) {
            assertThat(Readings.on(0).smart(a, 5).build().ruleFlag()).as("smart %d is no error counter", a).isFalse();
        }
        assertThat(Readings.on(0).build().ruleFlag()).as("all missing").isFalse();
    }

    @Test
    void epochDay_isTheUtcDay_alsoBeforeTheEpoch() {
        assertThat(new DriveReading(DriveReading.NANOS_PER_DAY - 1, new double[10], false).epochDay()).isZero();
        assertThat(new DriveReading(-1, new double[10], false).epochDay()).isEqualTo(-1);
    }

    @Test
    void constructor_withWrongNumberOfSlots_throws() {
        assertThatThrownBy(() -> new DriveReading(0, new double[3], false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 slots");
        assertThatThrownBy(() -> new DriveReading(0, null, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void slotOf_knowsExactlyTheModelsRawAttributeFields() {
        for (int i = 0; i < DriveReading.ATTRIBUTES.length; i++) {
            org.assertj.core.api.Assertions.assertThat(DriveReading.slotOf(SmartFields.raw(DriveReading.ATTRIBUTES[i]))).isEqualTo(i);
        }
        for (String other : new String[]{"smart_1_raw", "smart_05_raw", "smart_999_raw", "smart_5_normalized", "smart_x_raw",
                "smart__raw", "smart_194_rawx", "xsmart_5_raw", "smart_2420_raw", "temperature_c", ""}) {
            org.assertj.core.api.Assertions.assertThat(DriveReading.slotOf(other)).as(other).isEqualTo(-1);
        }
    }
}
