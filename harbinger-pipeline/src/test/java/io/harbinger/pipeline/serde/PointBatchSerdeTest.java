package io.harbinger.pipeline.serde;

import io.harbinger.schema.TestPoints;
import io.harbinger.schema.wire.PointBatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointBatchSerdeTest {
    private static final java.util.List<io.harbinger.core.sample.Point> REQUEST = TestPoints.request("eu", "web-1", TestPoints.T0);

    @Test
    void serde_ofCorruptValue_throwsCorruptBatchExceptionWithDetail() {
        try (PointBatchSerde serde = new PointBatchSerde()) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[]{2}))
                    .isInstanceOf(CorruptBatchException.class)
                    .hasMessage("unknown wire version 2 at byte 0 (this reader knows 1)");
            PointBatch batch = new PointBatch(3L, REQUEST);
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", batch))).isEqualTo(batch);
        }
    }

}
