package io.harbinger.store.load;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.Schema;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.LoaderTestAccess;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.rows.CopyFormat;
import io.harbinger.store.rows.PointRows;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.harbinger.store.load.LoaderFixture.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SharedPostgres.class)
class ShardWriterIT {
    private static final TopicPartition TP = new TopicPartition("t.samples", 0);

    private static ShardBatch batch(int drive, long nextOffset) {
        ShardBatch batch = new ShardBatch();
        batch.add(PointRows.of(new Point("smart", "eu", "h", "d" + drive, List.of(), List.of(new Field("smart_5_raw", 1)), LoaderFixture.T0)));
        batch.advance(TP, nextOffset, 0);
        return batch;
    }

    @Test
    void write_withAStaleExpectedOffset_isFenced_andStoresNothingOfTheBatch(BundledPostgres postgres) throws Exception {
        try (HikariDataSource ds = LoaderTestAccess.freshSchema(postgres)) {
            Schema.migrate(ds);
            ShardWriter writer = new ShardWriter(new WriteRouting.Shard("main", ds), new Partitions(ds, PartitionConfig.defaults(), Clock.systemUTC()),
                    "g", CopyFormat.BINARY, WriteMode.OPTIMISTIC);

            writer.write(batch(1, 10), Map.of(), false);
            assertThatThrownBy(() -> writer.write(batch(2, 12), Map.of(), false)).isInstanceOf(ShardWriter.Fenced.class)
                    .hasMessageContaining("no longer absent");
            assertThatThrownBy(() -> writer.write(batch(3, 12), Map.of(TP, 9L), false)).isInstanceOf(ShardWriter.Fenced.class);
            ShardWriter.Written written = writer.write(batch(4, 12), Map.of(TP, 10L), false);

            assertThat(written.offered()).isEqualTo(1);
            assertThat(writer.readOffsets("t.samples")).containsExactly(Map.entry(0, 12L));
            assertThat(count(ds, "SELECT count(*) FROM disk_samples")).isEqualTo(2);
            assertThat(count(ds, "SELECT count(*) FROM disk_samples WHERE drive IN ('d2', 'd3')")).isZero();
        }
    }
}
