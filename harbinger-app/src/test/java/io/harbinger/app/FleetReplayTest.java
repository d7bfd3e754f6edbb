package io.harbinger.app;

import io.harbinger.predict.offline.FleetLayout;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a daily file is cut into the requests of its hosts. */
class FleetReplayTest {
    private static final String HEADER = "date,serial_number,model,failure,smart_5_raw";

    private static FleetReplay replay(java.util.function.Predicate<String> drives) {
        return new FleetReplay(new FleetReplay.Options(URI.create("http://127.0.0.1:1"), Path.of("."), LocalDate.EPOCH, LocalDate.EPOCH, 0,
                new FleetLayout(List.of("r1", "r2"), 3), drives, 1));
    }

    @Test
    void split_givesEachHostItsDrivesRows_underTheHeader_wherevertheSerialColumnIs() {
        String csv = HEADER + "\r\n2018-01-01,A,m,0,1\n2018-01-01,B,m,0,2\n\n2018-01-01,C,m,0,3\n";
        FleetReplay.Split split = replay(s -> true).split(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(split.rows()).isEqualTo(3);
        Map<FleetLayout.Place, ByteArrayOutputStream> bodies = split.bodies();
        FleetLayout layout = new FleetLayout(List.of("r1", "r2"), 3);
        StringBuilder all = new StringBuilder();
        bodies.forEach((place, body) -> {
            String text = body.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith(HEADER + "\n");
            for (String line : text.substring(HEADER.length() + 1).split("\n")) {
                assertThat(layout.of(line.split(",")[1])).isEqualTo(place);
                all.append(line).append('\n');
            }
        });
        assertThat(all.toString().split("\n")).containsExactlyInAnyOrder("2018-01-01,A,m,0,1", "2018-01-01,B,m,0,2", "2018-01-01,C,m,0,3");
    }

    @Test
    void split_leavesOutDrivesNotSampled() {
        String csv = HEADER + "\n2018-01-01,A,m,0,1\n2018-01-01,B,m,0,2\n";
        FleetReplay.Split split = replay(s -> s.equals("B")).split(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(split.rows()).isEqualTo(1);
        Map<FleetLayout.Place, ByteArrayOutputStream> bodies = split.bodies();
        assertThat(bodies).hasSize(1);
        assertThat(bodies.values().iterator().next().toString(StandardCharsets.UTF_8)).isEqualTo(HEADER + "\n2018-01-01,B,m,0,2\n");
    }

    @Test
    void split_ofAFileWithoutSerialColumn_isRefused() {
        assertThatThrownBy(() -> replay(s -> true).split("date,model\nx,y\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("serial_number");
    }

    @Test
    void driveSample_isReproducible_andKeepsRoughlyItsShare() {
        var sample = DriveSubset.of(100);
        long kept = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> "S" + i).filter(sample).count();
        assertThat(kept).isBetween(1_700L, 2_300L);
        assertThat(DriveSubset.of(100).test("S1")).isEqualTo(sample.test("S1"));
        assertThat(DriveSubset.of(1000).test("anything")).isTrue();
    }
}
