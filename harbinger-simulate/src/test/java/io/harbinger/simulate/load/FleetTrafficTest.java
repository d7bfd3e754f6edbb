package io.harbinger.simulate.load;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.lineprotocol.LineProtocolParser;
import io.harbinger.parsers.lineprotocol.Precision;
import io.harbinger.simulate.fleet.FleetShape;
import io.harbinger.simulate.fleet.ParametersFile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetTrafficTest {
    private static final long NOW_NS = 1_800_000_000_000_000_000L;
    private static final FleetShape SHAPE = new FleetShape(10, 2, 3);

    private static FleetTraffic traffic(int hostsPerRequest, int smartEvery) {
        return new FleetTraffic(ParametersFile.loadDefault(), SHAPE, 1, 1, "lt-x-", hostsPerRequest, smartEvery, LocalDate.of(2026, 12, 6));
    }

    @Test
    void aRequest_isLineProtocolTheNodeAccepts_hostMetricsAndOneSmartPointPerDrive_underThePrefixedHostNames() {
        FleetTraffic t = traffic(4, 1);
        FleetTraffic.Request r = t.request(0, 1, NOW_NS);
        assertThat(r.firstHost()).isEqualTo(4);
        assertThat(r.hosts()).isEqualTo(4);
        assertThat(r.samples()).isEqualTo(4 * (4 + 3));

        ParseResult parsed = LineProtocolParser.parse(r.body(), 0, r.body().length, Precision.NANOSECONDS,
                new ParseContext("default", "", NOW_NS, TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS));
        assertThat(parsed).isInstanceOf(ParseResult.Accepted.class);
        List<Point> points = ((ParseResult.Accepted) parsed).points();
        assertThat(points).hasSize(28).allMatch(p -> p.timestampNanos() == NOW_NS);
        assertThat(points).extracting(Point::host).containsOnly("lt-x-host-0005", "lt-x-host-0006", "lt-x-host-0007", "lt-x-host-0008");
        List<Point> smart = points.stream().filter(p -> p.measurement().equals("smart")).toList();
        assertThat(smart).hasSize(12).allMatch(p -> p.drive().startsWith("SIM"));
        assertThat(smart).extracting(Point::region).containsOnly("region-1", "region-2");
        assertThat(smart.getFirst().fields()).anyMatch(f -> f.name().equals("smart_5_raw"));
    }

    @Test
    void theLastGroup_holdsTheHostsLeft() {
        FleetTraffic t = traffic(4, 1);
        assertThat(t.groups()).isEqualTo(3);
        assertThat(t.request(0, 2, NOW_NS).hosts()).isEqualTo(2);
    }

    @Test
    void samplesBefore_isTheRunningSumOfEveryRequestBeforeIt_withSmartInEveryNthRound() {
        FleetTraffic t = traffic(3, 3);
        double sum = 0;
        for (long round = 0; round < 7; round++) {
            for (int g = 0; g < t.groups(); g++) {
                assertThat(t.samplesBefore(round, g)).as("round %d group %d", round, g).isEqualTo(sum);
                FleetTraffic.Request r = t.request(round, g, NOW_NS + round * 1_000_000_000L);
                assertThat(r.smartLines()).isEqualTo(round % 3 == 0 ? 3 : 0);
                sum += r.samples();
            }
        }
    }

    @Test
    void aDrive_ageOneSimulatedDayPerSmartRound() {
        FleetTraffic t = traffic(10, 1);
        String first = new String(t.request(0, 0, NOW_NS).body());
        String second = new String(t.request(1, 0, NOW_NS + 1).body());
        assertThat(first).isNotEqualTo(second);
        assertThat(first.lines().filter(l -> l.startsWith("smart,")).count()).isEqualTo(30);
    }

    @Test
    void aPrefix_thatIsNotAPlainName_isRefused() {
        assertThatThrownBy(() -> new FleetTraffic(ParametersFile.loadDefault(), SHAPE, 1, 1, "a b", 1, 1, LocalDate.of(2026, 12, 6)))
                .hasMessageContaining("hostPrefix");
    }
}
