package io.harbinger.parsers.lineprotocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PrecisionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"n, NANOSECONDS", "ns, NANOSECONDS", "u, MICROSECONDS", "us, MICROSECONDS", "ms, MILLISECONDS",
            "s, SECONDS", "m, MINUTES", "h, HOURS"})
    void influxQueryValues_nameTheirPrecision(String value, Precision expected) {
        assertThat(Precision.fromQueryParameter(value)).contains(expected);
    }

    @Test
    void absentOrEmptyParameter_meansNanoseconds() {
        assertThat(Precision.fromQueryParameter(null)).contains(Precision.NANOSECONDS);
        assertThat(Precision.fromQueryParameter("")).contains(Precision.NANOSECONDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MS", "sec", "d", " s", "nanoseconds", "µs"})
    void unknownValue_isEmpty_notAnException(String value) {
        assertThat(Precision.fromQueryParameter(value)).isEmpty();
    }

    @Test
    void everyCanonicalValue_isAcceptedAndListed() {
        assertThat(Arrays.stream(Precision.values())).allSatisfy(p -> {
            assertThat(Precision.fromQueryParameter(p.queryValue())).contains(p);
            assertThat(Precision.ACCEPTED_VALUES).contains(p.queryValue());
        });
    }
}
