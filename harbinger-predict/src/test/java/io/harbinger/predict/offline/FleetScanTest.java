package io.harbinger.predict.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbinger.core.TestData;
import io.harbinger.predict.feature.Features;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three real days of Backblaze ST4000DM000 (2018-01-01..03): about 30,000 drives a day. */
class FleetScanTest {
    private static final LocalDate JAN_1 = LocalDate.of(2018, 1, 1);
    private static final LocalDate JAN_3 = LocalDate.of(2018, 1, 3);
    private static final int DAYS_SINCE_PREVIOUS = Features.NAMES.indexOf("days_since_previous_reading");
    private static final int POWER_ON_HOURS = Features.NAMES.indexOf("power_on_hours");
    private static final int CHANGE_5_1D = Features.NAMES.indexOf("smart_5_change_1d");
    private static Path dir;

    @BeforeAll
    static void data() {
        dir = TestData.resolve("backblaze-st4000dm000-2018-h1");
    }

    /** Data rows of the day's file: its lines, less the header, counted independently of the parser. */
    private static long rows(DayFile file) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(BackblazeDays.bytes(file)), StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).count() - 1;
        }
    }

    private static Map<String, float[]> scan(LocalDate from, int warmupDays, Map<Long, Long> perDay) {
        Map<String, float[]> jan3 = new HashMap<>();
        FleetScan.scan(dir, from, JAN_3, warmupDays, d -> true, d -> {
            assertThat(d.features()).hasSize(Features.COUNT);
            perDay.merge(d.epochDay(), 1L, Long::sum);
            if (d.epochDay() == JAN_3.toEpochDay()) jan3.put(d.drive(), d.features().clone());
        });
        return jan3;
    }

    @Test
    void list_ofTheRealFolder_isItsDaysInOrder() {
        List<DayFile> files = BackblazeDays.list(dir, JAN_1, LocalDate.of(2018, 6, 30));
        assertThat(files).hasSize(181);
        for (int i = 0; i < files.size(); i++) assertThat(files.get(i).day()).isEqualTo(JAN_1.plusDays(i));
    }

    @Test
    void scan_givesOneDriveDayPerRow_withFeaturesFromTheDaysBefore() throws Exception {
        Map<Long, Long> perDay = new HashMap<>();
        Map<String, float[]> jan3 = scan(JAN_1, 0, perDay);
        Map<Long, Long> expected = new HashMap<>();
        for (DayFile f : BackblazeDays.list(dir, JAN_1, JAN_3)) expected.put(f.day().toEpochDay(), rows(f));
        assertThat(perDay).isEqualTo(expected);
        assertThat(expected.values()).allSatisfy(n -> assertThat(n).isGreaterThan(20_000));

        long seenDayBefore = jan3.values().stream().filter(f -> f[DAYS_SINCE_PREVIOUS] == 1f).count();
        assertThat(seenDayBefore).as("drives also reported on Jan 2").isGreaterThan(jan3.size() * 9L / 10);
        assertThat(jan3.values().stream().filter(f -> !Float.isNaN(f[CHANGE_5_1D])).count()).isGreaterThan(jan3.size() * 9L / 10);
        assertThat(jan3.values().stream().filter(f -> f[POWER_ON_HOURS] > 0).count()).isGreaterThan(jan3.size() * 9L / 10);
    }

    @Test
    void scan_withWarmup_handsOverOnlyThePeriod_withTheSameFeaturesAsAFullScan() {
        Map<Long, Long> full = new HashMap<>();
        Map<String, float[]> expected = scan(JAN_1, 0, full);
        Map<Long, Long> warmed = new HashMap<>();
        Map<String, float[]> actual = scan(JAN_3, 2, warmed);
        assertThat(warmed).containsOnlyKeys(JAN_3.toEpochDay()).containsEntry(JAN_3.toEpochDay(), full.get(JAN_3.toEpochDay()));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((drive, f) -> assertThat(f).as(drive).isEqualTo(expected.get(drive)));
    }
}
