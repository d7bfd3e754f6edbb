package io.harbinger.schema.alert;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatcherTest {
    private static final Map<String, String> LABELS = Map.of("region", "eu-1", "host", "h-001", "drive", "ZJV0");

    @Test
    void equalAndNotEqual_compareTheValue_aMissingLabelIsEmpty() {
        assertThat(new Matcher("host", Matcher.Op.EQUAL, "h-001").matches(LABELS)).isTrue();
        assertThat(new Matcher("host", Matcher.Op.EQUAL, "h-002").matches(LABELS)).isFalse();
        assertThat(new Matcher("host", Matcher.Op.NOT_EQUAL, "h-002").matches(LABELS)).isTrue();
        assertThat(new Matcher("rack", Matcher.Op.EQUAL, "").matches(LABELS)).isTrue();
        assertThat(new Matcher("rack", Matcher.Op.NOT_EQUAL, "").matches(LABELS)).isFalse();
    }

    @Test
    void regex_mustMatchTheWholeValue() {
        assertThat(new Matcher("host", Matcher.Op.REGEX, "h-0.*").matches(LABELS)).isTrue();
        assertThat(new Matcher("host", Matcher.Op.REGEX, "h-0").matches(LABELS)).isFalse();
        assertThat(new Matcher("host", Matcher.Op.NOT_REGEX, "h-0").matches(LABELS)).isTrue();
        assertThat(new Matcher("region", Matcher.Op.NOT_REGEX, "eu-.*").matches(LABELS)).isFalse();
    }

    @Test
    void aBadRegexOrBlankName_isRefusedNamingTheField() {
        assertThatThrownBy(() -> new Matcher("host", Matcher.Op.REGEX, "h-(")).hasMessageStartingWith("value is not a regular expression");
        assertThatThrownBy(() -> new Matcher(" ", Matcher.Op.EQUAL, "x")).hasMessageStartingWith("name ");
        assertThat(Matcher.Op.ofSymbol("=~")).contains(Matcher.Op.REGEX);
        assertThat(Matcher.Op.ofSymbol("~")).isEmpty();
    }

    @Test
    void aSilence_mutesOnlyWhileActive_andOnlyWhenEveryMatcherMatches() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        Silence s = new Silence(UUID.randomUUID(), List.of(new Matcher("host", Matcher.Op.EQUAL, "h-001"), new Matcher("drive", Matcher.Op.REGEX, "ZJ.*")),
                start, start.plusSeconds(3600), "ops", "", start);
        assertThat(s.mutes(LABELS, start.minusSeconds(1))).isFalse();
        assertThat(s.status(start.minusSeconds(1))).isEqualTo(Silence.Status.PENDING);
        assertThat(s.mutes(LABELS, start)).isTrue();
        assertThat(s.mutes(Map.of("host", "h-001", "drive", "XX"), start)).isFalse();
        assertThat(s.mutes(LABELS, start.plusSeconds(3600))).isFalse();
        assertThat(s.status(start.plusSeconds(3600))).isEqualTo(Silence.Status.EXPIRED);
    }

    @Test
    void aCursor_roundTrips_andGarbageIsRefusedNamingCursor() {
        AlertCursor c = new AlertCursor(Instant.parse("2026-12-01T00:00:00Z"), UUID.randomUUID());
        assertThat(AlertCursor.decode(c.encode())).isEqualTo(c);
        assertThatThrownBy(() -> AlertCursor.decode("nope")).hasMessageStartingWith("cursor ");
    }
}
