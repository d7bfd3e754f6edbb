package io.harbinger.predict.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbinger.core.point.Point;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackblazeDaysTest {
    private static final String CSV = "serial_number,date,model,failure,smart_5_raw,smart_194_raw\n"
            + "S1,2018/1/2,ST4000DM000,0,0,23\n"
            + "S2,2018/1/2,ST4000DM000,1,8,31\n";
    @TempDir
    Path dir;

    private Path touch(String name) throws IOException {
        return Files.writeString(dir.resolve(name), CSV);
    }

    @Test
    void list_ordersFilesByTheDayInTheirNames_andSkipsUndatedOnes() throws IOException {
        Path jan10 = touch("2018-01-10.csv");
        Path jan2 = touch("2018-01-02.csv.gz");
        Path jan1 = touch("2018-01-01.csv");
        Path feb1 = touch("2018-02-01.csv");
        touch("notes.txt");
        touch("2018-02-30.csv");
        assertThat(BackblazeDays.list(dir, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31))).containsExactly(
                new DayFile(LocalDate.of(2018, 1, 1), jan1), new DayFile(LocalDate.of(2018, 1, 2), jan2),
                new DayFile(LocalDate.of(2018, 1, 10), jan10), new DayFile(LocalDate.of(2018, 2, 1), feb1));
    }

    @Test
    void list_keepsOnlyTheDaysOfTheRange_inclusive() throws IOException {
        for (int d = 1; d <= 9; d++) touch("2018-01-0" + d + ".csv");
        assertThat(BackblazeDays.list(dir, LocalDate.of(2018, 1, 3), LocalDate.of(2018, 1, 5)))
                .extracting(DayFile::day).containsExactly(LocalDate.of(2018, 1, 3), LocalDate.of(2018, 1, 4), LocalDate.of(2018, 1, 5));
    }

    @Test
    void list_ofAMissingDirectory_throwsNamingIt() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> BackblazeDays.list(missing, LocalDate.MIN, LocalDate.MAX)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void points_readPlainAndGzippedFiles_alike_withTheDayOfTheFileName() throws IOException {
        Path plain = touch("2018-01-02.csv");
        Path gz = dir.resolve("2018-01-03.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        List<Point> fromPlain = BackblazeDays.points(new DayFile(LocalDate.of(2018, 1, 2), plain));
        List<Point> fromGz = BackblazeDays.points(new DayFile(LocalDate.of(2018, 1, 3), gz));
        assertThat(fromPlain).extracting(Point::drive).containsExactly("S1", "S2");
        assertThat(fromGz).extracting(Point::fields).isEqualTo(fromPlain.stream().map(Point::fields).toList());
        long day = fromGz.get(0).timestampNanos() / 86_400_000_000_000L;
        assertThat(day).as("the day of the file name, not of the date column").isEqualTo(LocalDate.of(2018, 1, 3).toEpochDay());
    }
}
