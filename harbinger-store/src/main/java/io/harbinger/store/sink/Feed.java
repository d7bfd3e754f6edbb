package io.harbinger.store.sink;

import io.harbinger.core.sample.Point;
import io.harbinger.pipeline.Topics;
import io.harbinger.store.PartitionedTable;
import io.harbinger.store.rows.MapResult;
import io.harbinger.store.rows.PointRows;
import io.harbinger.store.rows.PredictionRows;

import java.util.List;
import java.util.function.Function;

/**
 * What a {@link StoreSink} stores: one topic, read by one consumer group, its points mapped by one
 * mapping. Each topic has its own, so that a point can only become the rows its topic is for: a
 * {@code drive_prediction} line sent to ingest lands on the samples topic and is stored as a host
 * metric, never as a prediction.
 */
public enum Feed {
    /** The samples topic, every point stored by {@link PointRows} (total), group {@code <prefix>store-sink}. */
    SAMPLES("store-sink", Topics::samples, p -> new MapResult.Mapped(PointRows.of(p)),
            List.of(PartitionedTable.DISK_SAMPLES, PartitionedTable.HOST_METRICS)),
    /** The predictions topic, mapped by {@link PredictionRows} (refusing malformed points), group {@code <prefix>prediction-sink}. */
    PREDICTIONS("prediction-sink", Topics::predictions, PredictionRows::of,
            List.of(PartitionedTable.PREDICTIONS, PartitionedTable.ALERTS));

    private final String name;
    private final Function<Topics, String> topic;
    private final Function<Point, MapResult> mapping;
    private final List<PartitionedTable> tables;

    Feed(String name, Function<Topics, String> topic, Function<Point, MapResult> mapping, List<PartitionedTable> tables) {
        this.name = name;
        this.topic = topic;
        this.mapping = mapping;
        this.tables = tables;
    }

    /** The sink's name: its consumer group without the prefix, and the {@code sink} tag of its metrics. */
    public String sinkName() {
        return name;
    }

    public String topic(Topics topics) {
        return topic.apply(topics);
    }

    MapResult map(Point point) {
        return mapping.apply(point);
    }

    /** The tables this feed's rows go to. */
    List<PartitionedTable> tables() {
        return tables;
    }
}
