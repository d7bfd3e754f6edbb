package io.harbinger.pipeline;

import io.harbinger.pipeline.wire.PointBatch;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostStateSerdeTest {

    @Test
    void decode_ofEncode_isIdentity() {
        HostState state = HostState.first("eu", "hôte")
                .accept(new PointBatch(11L, TestPoints.request("eu", "hôte", TestPoints.T0)), 1_000L)
                .duplicate(2_000L);

        assertThat(HostStateSerde.decode(HostStateSerde.encode(state))).isEqualTo(state);
    }

    @Test
    void decode_ofTruncatedValue_failsLoudly() {
        byte[] bytes = HostStateSerde.encode(HostState.first("eu", "a").accept(new PointBatch(1L, TestPoints.request("eu", "a", 0)), 1L));

        assertThatThrownBy(() -> HostStateSerde.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated or malformed");
    }
}
