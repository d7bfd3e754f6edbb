package io.harbinger.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.read.BucketCounts;
import io.harbinger.schema.read.Cursor;
import io.harbinger.schema.read.DriveDetail;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.HostDetail;
import io.harbinger.schema.read.Page;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Redis tier stores comes back equal: every read's answer type through the tier's JSON. */
class RedisJsonTest {
    private static final ObjectMapper JSON = TieredCache.mapper();
    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final Instant T = Instant.parse("2026-12-01T10:15:30.123456Z");
    private static final DriveRisk RISK = new DriveRisk("eu-1", "h-001", "ZJV0XXXX", Optional.of("ST4000DM000"), T, 0.83, "bad", "a1b2c3",
            List.of("SMART 197 current pending sectors 0 -> 24 in 3 days"), List.of(new Contribution("smart_197_change_7d", 1.92, 24.0),
            new Contribution("smart_5_raw", -0.1, Double.NaN)));

    private static <T> T roundTrip(T value, JavaType type) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(value), type);
    }

    @Test
    void atRiskPage_withCursorAndNaN_comesBackEqual() throws Exception {
        Page<DriveRisk> page = new Page<>(List.of(RISK), Optional.of(RISK.position()));
        Page<DriveRisk> back = roundTrip(page, TYPES.constructParametricType(Page.class, DriveRisk.class));
        assertThat(back).isEqualTo(page);
        assertThat(back.next().orElseThrow()).isInstanceOf(Cursor.AtRisk.class);
        assertThat(back.items().getFirst().topFeatures().get(1).value()).isNaN();
        assertThat(roundTrip(Page.<DriveRisk>last(List.of()), TYPES.constructParametricType(Page.class, DriveRisk.class))).isEqualTo(Page.last(List.of()));
    }

    @Test
    void summary_comesBackEqual() throws Exception {
        BucketCounts counts = new BucketCounts(2300, 60, 12, 28);
        FleetSummary summary = new FleetSummary(Optional.of(T), new FleetSummary.Total(2400, counts, 9),
                List.of(new FleetSummary.Region("eu-1", T, 600, counts, 3, List.of(new FleetSummary.Day(LocalDate.parse("2026-11-18"), counts)))),
                List.of(new FleetSummary.RiskBin(0.0, 0.05, 2200)));
        assertThat(roundTrip(summary, TYPES.constructType(FleetSummary.class))).isEqualTo(summary);
    }

    @Test
    void hostAndDriveDetail_presentOrEmpty_comeBackEqual() throws Exception {
        JavaType host = TYPES.constructReferenceType(Optional.class, TYPES.constructType(HostDetail.class));
        Optional<HostDetail> detail = Optional.of(new HostDetail("eu-1", "h-001", T, List.of(new HostDetail.Drive("ZJV0XXXX", Optional.empty(), Optional.of(RISK))),
                List.of(new HostDetail.MetricPoint("cpu", Map.of("cpu", "cpu-total"), T, Map.of("usage_user", 12.5, "note", "ok")))));
        assertThat(roundTrip(detail, host)).isEqualTo(detail);
        assertThat(roundTrip(Optional.<HostDetail>empty(), host)).isEqualTo(Optional.empty());
        JavaType drive = TYPES.constructReferenceType(Optional.class, TYPES.constructType(DriveDetail.class));
        Optional<DriveDetail> d = Optional.of(new DriveDetail("eu-1", "h-001", "ZJV0XXXX", Optional.of("ST4000DM000"), Optional.of(RISK), T.minusSeconds(86_400), T,
                List.of(new DriveDetail.RiskPoint(T, 0.01, "good", "a1b2c3")),
                List.of(new DriveDetail.SmartPoint(T, Map.of(5, 0L, 9, 20_512L, 197, 24L), OptionalDouble.of(31.0)),
                        new DriveDetail.SmartPoint(T, Map.of(), OptionalDouble.empty()))));
        assertThat(roundTrip(d, drive)).isEqualTo(d);
    }
}
