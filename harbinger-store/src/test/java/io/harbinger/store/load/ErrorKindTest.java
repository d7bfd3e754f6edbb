package io.harbinger.store.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorKindTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "08001, TRANSIENT", "08006, TRANSIENT", "57P01, TRANSIENT", "57P03, TRANSIENT", "53300, TRANSIENT",
            "40001, TRANSIENT", "40P01, TRANSIENT", "55P03, TRANSIENT",
            "22021, DATA", "22P02, DATA", "23502, DATA", "23505, DATA",
            "42P01, CONFIGURATION", "42501, CONFIGURATION", "28P01, CONFIGURATION", "XX000, CONFIGURATION"})
    void of_sqlState_givesKind(String state, ErrorKind kind) {
        assertThat(ErrorKind.of(new SQLException("x", state))).isEqualTo(kind);
    }

    @Test
    void of_noPartitionForTheRow_isPartitionMissing_otherCheckViolationsAreData() {
        assertThat(ErrorKind.of(new SQLException("ERROR: no partition of relation \"disk_samples__eu\" found for row", "23514")))
                .isEqualTo(ErrorKind.PARTITION_MISSING);
        assertThat(ErrorKind.of(new SQLException("new row violates check constraint \"x\"", "23514"))).isEqualTo(ErrorKind.DATA);
    }

    @Test
    void of_poolTimeoutOrNoState_isTransient() {
        assertThat(ErrorKind.of(new SQLTransientConnectionException("pool exhausted"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(new SQLException("I/O error"))).isEqualTo(ErrorKind.TRANSIENT);
    }
}
