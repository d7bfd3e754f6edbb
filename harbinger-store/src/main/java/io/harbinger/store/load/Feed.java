package io.harbinger.store.load;

import io.harbinger.schema.topic.Codec;
import io.harbinger.schema.topic.CorruptRecordException;
import io.harbinger.schema.topic.Topic;
import io.harbinger.schema.topic.Topics;
import io.harbinger.store.PartitionedTable;
import io.harbinger.store.rows.PointRows;
import io.harbinger.store.rows.PredictionRows;
import io.harbinger.store.rows.Row;

import java.util.List;
import java.util.function.Function;

/**
 * What a {@link StoreLoader} stores: one topic, read by one consumer group, its records decoded by the
 * topic's value codec and mapped to rows. Each topic has its own, so that a record can only become the
 * rows its topic is for: a {@code drive_prediction} line sent to ingest lands on the samples topic and
 * is stored as a host metric, never as a prediction.
 */
public enum Feed {
    /** The samples topic, every point stored by {@link PointRows}, group {@code <prefix>samples-loader}. */
    SAMPLES("samples-loader", Topics::samples, PointRows::of, List.of(PartitionedTable.DISK_SAMPLES, PartitionedTable.HOST_METRICS)),
    /** The predictions topic, mapped by {@link PredictionRows}, group {@code <prefix>predictions-loader}. */
    PREDICTIONS("predictions-loader", Topics::predictions, PredictionRows::of, List.of(PartitionedTable.PREDICTIONS, PartitionedTable.ALERTS));

    private final String name;
    private final Function<Topics, String> topic;
    private final Function<Topics, Function<byte[], List<Row>>> reader;
    private final List<PartitionedTable> tables;

    <V> Feed(String name, Function<Topics, Topic<String, V>> topic, Function<V, List<Row>> mapping, List<PartitionedTable> tables) {
        this.name = name;
        this.topic = topics -> topic.apply(topics).name();
        this.reader = topics -> {
            Codec<V> values = topic.apply(topics).values();
            return value -> mapping.apply(values.decode(value));
        };
        this.tables = tables;
    }

    /** The loader's name: its consumer group without the prefix, and the {@code loader} tag of its metrics. */
    public String loaderName() {
        return name;
    }

    public String topic(Topics topics) {
        return topic.apply(topics);
    }

    /**
     * What turns one record value of this feed's topic into its rows (the topic's codec resolved once,
     * not per record); it throws {@link CorruptRecordException} for a value that does not decode.
     */
    Function<byte[], List<Row>> reader(Topics topics) {
        return reader.apply(topics);
    }

    /** The tables this feed's rows go to. */
    List<PartitionedTable> tables() {
        return tables;
    }
}
