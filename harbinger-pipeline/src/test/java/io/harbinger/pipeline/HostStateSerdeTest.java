package io.harbinger.pipeline;

import io.harbinger.schema.TestPoints;
import io.harbinger.schema.wire.BatchSummary;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostStateSerdeTest {

    @Test
    void decode_ofEncode_isIdentity() {
        HostState state = HostState.first("eu", "hôte")
                .accept(new BatchSummary.HostSummary("eu", "hôte", 4, 28, TestPoints.T0), 11L, 1_000L)
                .duplicate(2_000L);

        assertThat(HostStateSerde.decode(HostStateSerde.encode(state))).isEqualTo(state);
    }

    @Test
    void decode_ofTruncatedValue_failsLoudly() {
        byte[] bytes = HostStateSerde.encode(HostState.first("eu", "a").accept(new BatchSummary.HostSummary("eu", "a", 1, 1, 0), 1L, 1L));

        assertThatThrownBy(() -> HostStateSerde.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated or malformed");
    }
}
