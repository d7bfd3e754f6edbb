package io.harbinger.pipeline.serde;

import io.harbinger.schema.TestPoints;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.wire.PointBatchCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecSerdeTest {
    private static final java.util.List<io.harbinger.core.point.Point> REQUEST = TestPoints.request("eu", "web-1", TestPoints.T0);

    @Test
    void serde_ofCorruptValue_throwsCorruptRecordValueExceptionWithDetail() {
        try (CodecSerde<PointBatch> serde = CodecSerde.of(PointBatchCodec.CODEC)) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[]{2}))
                    .isInstanceOf(CorruptRecordValueException.class)
                    .hasMessage("unknown wire version 2 at byte 0 (this reader knows 1)");
            PointBatch batch = new PointBatch(3L, REQUEST);
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", batch))).isEqualTo(batch);
        }
    }

}
