package io.harbinger.store.rows;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.store.PartitionedTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PointRowsTest {
    private static final long T = 1_764_324_000_123_456_789L; // 2025-11-28T10:00:00.123456789Z

    private static Point smart(String drive, List<Field> fields, Tag... tags) {
        return new Point("smart", "eu", "h1", drive, List.of(tags), fields, T);
    }

    @Test
    void smartPointWithDrive_becomesDiskSample_withColumnsAndOther() {
        Point p = smart("ZA1", List.of(new Field("smart_5_raw", 8), new Field("smart_194_raw", 36), new Field("capacity_bytes", 4e12),
                        new Field("temperature_c", 36.5), new Field("failure", 1), new Field("smart_199_raw", 2),
                        new Field("smart_5_normalized", 100), new Field("power_on_hours", 31_337)),
                new Tag("model", "ST4000DM000"), new Tag("dc", "eu-a"));

        DiskSampleRow row = (DiskSampleRow) PointRows.of(p);

        assertThat(row.table()).isEqualTo(PartitionedTable.DISK_SAMPLES);
        assertThat(row.drive()).isEqualTo("ZA1");
        assertThat(row.model()).isEqualTo("ST4000DM000");
        assertThat(row.smartRaw(SmartAttribute.REALLOCATED_SECTORS)).hasValue(8);
        assertThat(row.smartRaw(SmartAttribute.TEMPERATURE)).hasValue(36);
        assertThat(row.smartRaw(SmartAttribute.POWER_ON_HOURS)).isEmpty();
        assertThat(row.capacityBytes()).hasValue(4_000_000_000_000L);
        assertThat(row.hasTemperature()).isTrue();
        assertThat(row.temperatureC()).isEqualTo(36.5f);
        assertThat(row.failure()).isTrue();
        assertThat(row.otherJson()).isEqualTo("{\"199\":2,\"smart_5_normalized\":100,\"power_on_hours\":31337}");
        assertThat(row.tsMicros()).isEqualTo(1_764_324_000_123_456L);
    }

    @Test
    void smartPointWithOnlyColumnFields_hasNoOtherAndNoModel() {
        DiskSampleRow row = (DiskSampleRow) PointRows.of(smart("ZA1", List.of(new Field("smart_9_raw", 10))));

        assertThat(row.otherJson()).isEmpty();
        assertThat(row.model()).isEmpty();
        assertThat(row.failure()).isFalse();
        assertThat(row.hasTemperature()).isFalse();
    }

    @Test
    void columnValueThatIsNotAWholeNumber_goesToOther_notCut() {
        DiskSampleRow row = (DiskSampleRow) PointRows.of(smart("ZA1", List.of(new Field("smart_5_raw", 1.5), new Field("capacity_bytes", 1e30))));

        assertThat(row.smartRaw(SmartAttribute.REALLOCATED_SECTORS)).isEmpty();
        assertThat(row.capacityBytes()).isEmpty();
        assertThat(row.otherJson()).isEqualTo("{\"5\":1.5,\"capacity_bytes\":1.0E30}");
    }

    @Test
    void smartPointWithoutDrive_becomesHostMetric_notDropped() {
        Row row = PointRows.of(smart("", List.of(new Field("smart_5_raw", 1)), new Tag("model", "X")));

        assertThat(row).isInstanceOfSatisfying(HostMetricRow.class, h -> {
            assertThat(h.measurement()).isEqualTo("smart");
            assertThat(h.tagsJson()).isEqualTo("{\"model\":\"X\"}");
            assertThat(h.fieldsJson()).isEqualTo("{\"smart_5_raw\":1}");
        });
    }

    @Test
    void hostPoint_becomesHostMetric_withTagsAndFieldsAsJson() {
        Point p = new Point("cpu", "eu", "h1", "", List.of(new Tag("cpu", "cpu0"), new Tag("q", "a\"b\\c")),
                List.of(new Field("usage_user", 12.25), new Field("count", 3)), T);

        HostMetricRow row = (HostMetricRow) PointRows.of(p);

        assertThat(row.table()).isEqualTo(PartitionedTable.HOST_METRICS);
        assertThat(row.host()).isEqualTo("h1");
        assertThat(row.tagsJson()).isEqualTo("{\"cpu\":\"cpu0\",\"q\":\"a\\\"b\\\\c\"}");
        assertThat(row.fieldsJson()).isEqualTo("{\"usage_user\":12.25,\"count\":3}");
    }

    @Test
    void nonSmartPointWithDriveNoTagCarries_getsADriveTag_soTwoDrivesStayTwoRows() {
        Point p = new Point("diskio", "eu", "h1", "sda", List.of(), List.of(new Field("reads", 1)), T);
        Point tagged = new Point("diskio", "eu", "h1", "sda", List.of(new Tag("name", "sda")), List.of(new Field("reads", 1)), T);

        assertThat(((HostMetricRow) PointRows.of(p)).tagsJson()).isEqualTo("{\"drive\":\"sda\"}");
        assertThat(((HostMetricRow) PointRows.of(tagged)).tagsJson()).isEqualTo("{\"name\":\"sda\"}");
    }

    @Test
    void unknownShape_nonFiniteValuesAndNulCharacters_areMappedNotDropped() {
        Point p = new Point("weird\u0000m", "eu", "h\u0000", "", List.of(new Tag("k\u0001", "v\u0000")),
                List.of(new Field("nan", Double.NaN), new Field("inf", Double.POSITIVE_INFINITY), new Field("tiny", 1e-7)), T);

        HostMetricRow row = (HostMetricRow) PointRows.of(p);

        assertThat(row.measurement()).isEqualTo("weird\uFFFDm");
        assertThat(row.host()).isEqualTo("h\uFFFD");
        assertThat(row.tagsJson()).isEqualTo("{\"k\\u0001\":\"v\uFFFD\"}");
        assertThat(row.fieldsJson()).isEqualTo("{\"nan\":null,\"inf\":null,\"tiny\":1.0E-7}");
    }

    @Test
    void negativeTimestamps_areFlooredToMicroseconds() {
        Point p = new Point("m", "eu", "h", "", List.of(), List.of(new Field("f", 1)), -1);

        assertThat(PointRows.of(p).tsMicros()).isEqualTo(-1);
    }

    @Property(tries = 300)
    void everyPoint_mapsToOneRow_andBothCopyFormatsEncodeIt(@ForAll("points") Point p) {
        Row row = PointRows.of(p);

        assertThat(row.region()).isNotEmpty();
        assertThat(row.table()).isEqualTo("smart".equals(p.measurement()) && !p.drive().isEmpty()
                ? PartitionedTable.DISK_SAMPLES : PartitionedTable.HOST_METRICS);
        assertThat(CopyEncoding.encode(List.of(row), CopyFormat.BINARY)).isNotEmpty();
        assertThat(new String(CopyEncoding.encode(List.of(row), CopyFormat.TEXT), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith("\n").doesNotContain("\u0000");
    }

    @Provide
    Arbitrary<Point> points() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> names = Arbitraries.oneOf(text, Arbitraries.of("smart_5_raw", "smart_199_raw", "capacity_bytes",
                "temperature_c", "failure", "model"));
        Arbitrary<Double> values = Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, 1e300, -0.0, Double.NEGATIVE_INFINITY));
        Arbitrary<Field> field = Combinators.combine(names, values).as(Field::new);
        Arbitrary<Tag> tag = Combinators.combine(names, Arbitraries.strings().ofMaxLength(8)).as(Tag::new);
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.just("smart"), text), text, text,
                        Arbitraries.oneOf(Arbitraries.just(""), text), tag.list().ofMaxSize(4), field.list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.longs())
                .as(Point::new);
    }
}
