package io.harbinger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value-level parameter parsers: absurd values get one precise, printable 400 message. */
class QueryParamsTest {

    @ParameterizedTest(name = "limit={0}")
    @CsvSource(delimiter = '|', value = {
            "1e99|query parameter limit is not a whole number: '1e99'",
            "-5|query parameter limit must be 1..1000, got -5",
            "99999999999999999999|query parameter limit must be 1..1000, got 99999999999999999999",
            "١٠|query parameter limit is not a whole number: '١٠'",
            "+|query parameter limit is not a whole number: '+'",
            "0x10|query parameter limit is not a whole number: '0x10'"})
    void integer_absurdValues_areRefusedPrecisely(String value, String message) {
        assertThatThrownBy(() -> QueryParams.integer("limit", value, 100, 1, 1000)).isInstanceOf(BadParameter.class).hasMessage(message);
    }

    @Test
    void integer_signedAsciiDigits_areAccepted() {
        assertThat(QueryParams.integer("limit", "+7", 100, 1, 1000)).isEqualTo(7);
        assertThat(QueryParams.integer("limit", "0010", 100, 1, 1000)).isEqualTo(10);
        assertThat(QueryParams.integer("limit", null, 100, 1, 1000)).isEqualTo(100);
    }

    @Test
    void echoedValues_areShortAndHoldNoControlCharacters() {
        assertThatThrownBy(() -> QueryParams.instant("asOf", "2018\u0000\u001b[2J", null))
                .hasMessage("query parameter asOf is not an ISO-8601 instant such as 2018-05-01T00:00:00Z: '2018\\u0000\\u001B[2J'");
        assertThatThrownBy(() -> QueryParams.integer("limit", "x".repeat(5000), 100, 1, 1000))
                .hasMessage("query parameter limit is not a whole number: '" + "x".repeat(80) + "...'");
    }

    @Test
    void range_fromTheRawValues_isCheckedAsOnTheWire() {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        assertThat(QueryParams.range(null, null, now).to()).isEqualTo(now);
        assertThatThrownBy(() -> QueryParams.range("9999-12-31T23:59:59Z", null, now)).hasMessageStartingWith("query parameter from must be before to");
        assertThatThrownBy(() -> QueryParams.range(null, "-1000000000-01-01T00:00:00Z", now))
                .hasMessage("query parameter to is out of range: -1000000000-01-01T00:00:00Z is not between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        assertThatThrownBy(() -> QueryParams.range("2000-01-01T00:00:00Z", null, now)).hasMessage("query parameter from to range spans more than 400 days");
    }
}
