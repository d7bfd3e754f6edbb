package io.harbinger.core.admit;

import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParseContextTest {
    private static final long NOW = Instant.parse("2026-11-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final ParseContext CTX = new ParseContext("eu", "", NOW, TimeWindow.LIVE_DEFAULT, new IngestLimits(1024, 4, 3, 64));

    private static Point point(long ts, double value, int tags, int fields) {
        List<Tag> t = new ArrayList<>();
        for (int i = 0; i < tags; i++) t.add(new Tag("k" + i, "v"));
        List<Field> f = new ArrayList<>();
        for (int i = 0; i < fields; i++) f.add(new Field("f" + i, value));
        return new Point("m", "eu", "h1", "", t, f, ts);
    }

    @Test
    void admit_pointInsideWindow_isAccepted() {
        assertThat(CTX.admit(point(NOW - Duration.ofMinutes(59).toNanos(), 1, 0, 1), 1)).isNull();
        assertThat(CTX.admit(point(NOW + Duration.ofMinutes(9).toNanos(), 1, 0, 1), 1)).isNull();
    }

    @Test
    void admit_tooOldAndTooNew_areRejectedWithTheirOwnReasonAndLine() {
        Rejection old = CTX.admit(point(NOW - Duration.ofMinutes(61).toNanos(), 1, 0, 1), 7);
        assertThat(old.reason()).isEqualTo(RejectReason.TIMESTAMP_TOO_OLD);
        assertThat(old.line()).isEqualTo(7);
        assertThat(old.detail()).contains("2026-11-27T10:59:00Z").contains("2026-11-27T11:00:00Z");
        assertThat(CTX.admit(point(NOW + Duration.ofMinutes(11).toNanos(), 1, 0, 1), 1).reason()).isEqualTo(RejectReason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void admit_nonFiniteValues_areRejectedNamingTheField() {
        for (double bad : new double[]{Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Rejection r = CTX.admit(point(NOW, bad, 0, 1), 2);
            assertThat(r.reason()).isEqualTo(RejectReason.NON_FINITE_VALUE);
            assertThat(r.detail()).contains("'f0'");
        }
    }

    @Test
    void admit_countsRegionAndHostAsTags() {
        assertThat(CTX.admit(point(NOW, 1, 2, 1), 1)).isNull();
        assertThat(CTX.admit(point(NOW, 1, 3, 1), 1).reason()).isEqualTo(RejectReason.TOO_MANY_TAGS);
        assertThat(CTX.admit(point(NOW, 1, 0, 4), 1).reason()).isEqualTo(RejectReason.TOO_MANY_FIELDS);
    }

    @Test
    void backfillWindow_acceptsOldDatesButNotBefore2000NorTheFuture() {
        ParseContext backfill = new ParseContext("eu", "", NOW, TimeWindow.backfill(Duration.ofMinutes(10)), IngestLimits.DEFAULTS);
        long day2013 = Instant.parse("2013-04-10T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        assertThat(backfill.admit(point(day2013, 1, 0, 1), 1)).isNull();
        assertThat(backfill.admit(point(1_000_000L, 1, 0, 1), 1).reason()).isEqualTo(RejectReason.TIMESTAMP_TOO_OLD);
        assertThat(backfill.admit(point(NOW + Duration.ofHours(1).toNanos(), 1, 0, 1), 1).reason()).isEqualTo(RejectReason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void window_nearTheEndOfTime_doesNotOverflow() {
        long farFuture = Long.MAX_VALUE - 5;
        ParseContext late = new ParseContext("eu", "", farFuture, TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS);
        assertThat(late.admit(point(farFuture, 1, 0, 1), 1)).isNull();
    }

    @Test
    void admit_nulInTheHost_isRejectedNamingThePartAndTheCharacter() {
        Point nul = new Point("m", "eu", "web\u00001", "", List.of(), List.of(new Field("v", 1)), NOW);
        Rejection r = CTX.admit(nul, 3);
        assertThat(r.reason()).isEqualTo(RejectReason.CONTROL_CHARACTER);
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.detail()).isEqualTo("host 'web\\u00001' holds the control character U+0000 at character 4; names and tag values must be printable");
    }

    @Test
    void admit_controlCharacterAnywhere_isRejected() {
        List<Field> v = List.of(new Field("v", 1));
        assertThat(CTX.admit(new Point("m\t", "eu", "h", "", List.of(), v, NOW), 1).detail()).startsWith("measurement 'm\\u0009'");
        assertThat(CTX.admit(new Point("m", "e\u001bu", "h", "", List.of(), v, NOW), 1).detail()).startsWith("region ");
        assertThat(CTX.admit(new Point("m", "eu", "h", "sn\n", List.of(), v, NOW), 1).detail()).startsWith("drive ");
        assertThat(CTX.admit(new Point("m", "eu", "h", "", List.of(new Tag("k\u007f", "x")), v, NOW), 1).detail()).startsWith("tag key ");
        assertThat(CTX.admit(new Point("m", "eu", "h", "", List.of(new Tag("dc", "a\u0085")), v, NOW), 1).detail())
                .startsWith("value of tag 'dc' 'a\\u0085' holds the control character U+0085");
        assertThat(CTX.admit(new Point("m", "eu", "h", "", List.of(), List.of(new Field("v\r", 1)), NOW), 1).detail()).startsWith("field name ");
    }

    @Test
    void admit_printableUnicode_isAccepted() {
        Point p = new Point("température", "eu", "hôte-π", "", List.of(new Tag("dc", "日本\u00a0")), List.of(new Field("v", 1)), NOW);
        assertThat(CTX.admit(p, 1)).isNull();
    }

    @Test
    void invalidSettings_failFastNamingTheSetting() {
        assertThatThrownBy(() -> new IngestLimits(0, 1, 1, 1)).hasMessageContaining("maxLineBytes");
        assertThatThrownBy(() -> new TimeWindow(Duration.ofHours(-1), Duration.ZERO)).hasMessageContaining("behind");
        assertThatThrownBy(() -> new ParseContext("", "", 0, TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS)).hasMessageContaining("defaultRegion");
    }
}
