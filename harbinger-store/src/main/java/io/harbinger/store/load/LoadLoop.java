package io.harbinger.store.load;

import io.harbinger.schema.topic.CorruptRecordException;
import io.harbinger.store.Partitions;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.rows.Row;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The loader's one thread: polls, maps records to rows per shard (by the config's {@link Feed}; a record
 * that does not decode is skipped and counted), writes batches, backs off. Every
 * field is confined to this thread, except {@link #running}.
 *
 * <p>Positions: per shard and partition, the next offset stored in that shard's {@code loader_offsets}
 * ({@link #stored}). On assignment a partition is paused until those are read; it is then sought to
 * the smallest over the shards (the beginning when a shard has none), and a shard takes a record
 * only from its own stored offset on. A batch that cannot be written is kept, the consumer paused,
 * and the write retried after an exponential back-off; nothing is read meanwhile, so memory stays
 * bounded and Kafka keeps what arrives.
 */
final class LoadLoop implements Runnable, ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(LoadLoop.class);
    private static final Duration MAX_POLL = Duration.ofMillis(100);

    private final LoaderConfig config;
    private final WriteRouting routing;
    private final Function<WriteRouting.Shard, Partitions> partitions;
    private final LoaderMetrics metrics;
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Duration pollTimeout;

    private final Map<String, ShardWriter> writers = new LinkedHashMap<>();
    private final Map<String, ShardBatch> batches = new HashMap<>();
    private final Map<String, Map<TopicPartition, Long>> stored = new HashMap<>();
    private final Set<TopicPartition> unpositioned = new HashSet<>();
    private final Set<String> salvage = new HashSet<>();
    private final Backoff backoff;
    private int pendingRows;
    private long batchStartNanos;
    private boolean failing;
    private long retryAtNanos;
    private long lagReportedNanos;
    volatile boolean running = true;

    LoadLoop(LoaderConfig config, WriteRouting routing, Function<WriteRouting.Shard, Partitions> partitions,
             LoaderMetrics metrics, Consumer<byte[], byte[]> consumer) {
        this.config = config;
        this.routing = routing;
        this.partitions = partitions;
        this.metrics = metrics;
        this.consumer = consumer;
        this.topic = config.topic();
        this.pollTimeout = config.maxBatchLatency().compareTo(MAX_POLL) < 0 ? config.maxBatchLatency() : MAX_POLL;
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        routing.shards().forEach(this::writer);
    }

    String loaderName() {
        return config.feed().loaderName();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), this);
            while (running) step();
        } catch (WakeupException e) {
            if (running) throw e;
        } finally {
            if (hasPending() && !failing) flush();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void step() {
        reportLag();
        if (System.nanoTime() < retryAtNanos) {
            consumer.poll(pollTimeout); // everything paused: keeps the group membership alive
            return;
        }
        if (!unpositioned.isEmpty() && !position()) return;
        if (failing) {
            flush();
            return;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(pollTimeout)) accept(record);
        if (due()) flush();
    }

    private boolean hasPending() {
        return batchStartNanos != 0;
    }

    private boolean due() {
        return hasPending() && (pendingRows >= config.maxBatchRows() || System.nanoTime() - batchStartNanos >= config.maxBatchLatency().toNanos());
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (unpositioned.contains(tp)) return;
        long offset = record.offset();
        for (Row row : rows(record)) {
            String shard = writer(routing.shardFor(row.region())).name();
            if (offset >= threshold(shard, tp)) {
                batches.get(shard).add(row);
                pendingRows++;
            }
        }
        for (String shard : writers.keySet()) {
            if (offset >= threshold(shard, tp)) batches.get(shard).advance(tp, offset + 1);
        }
        if (batchStartNanos == 0) batchStartNanos = System.nanoTime();
    }

    /** The record's rows; none (logged and counted) when it does not decode. */
    private List<Row> rows(ConsumerRecord<byte[], byte[]> record) {
        try {
            return config.feed().rows(config.topics(), record.value());
        } catch (CorruptRecordException e) {
            metrics.corrupt();
            LOG.warn("skipped corrupt record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return List.of();
        }
    }

    private long threshold(String shard, TopicPartition tp) {
        Long next = stored.get(shard).get(tp);
        return next == null ? Long.MIN_VALUE : next;
    }

    private ShardWriter writer(WriteRouting.Shard shard) {
        return writers.computeIfAbsent(shard.name(), name -> {
            batches.put(name, new ShardBatch());
            stored.put(name, new HashMap<>());
            return new ShardWriter(shard, partitions.apply(shard), config.group(), config.format(), config.mode());
        });
    }

    /** Writes every shard's batch; on failure keeps what failed, pauses and schedules a retry. */
    private void flush() {
        boolean ok = true;
        for (String shard : List.copyOf(writers.keySet())) {
            if (!batches.get(shard).isEmpty()) ok &= write(shard);
        }
        pendingRows = batches.values().stream().mapToInt(ShardBatch::rowCount).sum();
        if (batches.values().stream().allMatch(ShardBatch::isEmpty)) batchStartNanos = 0;
        if (ok) {
            recovered();
        } else {
            failed();
        }
    }

    private boolean write(String shard) {
        ShardBatch batch = batches.get(shard);
        long start = System.nanoTime();
        try {
            ShardWriter.Written written = writers.get(shard).write(batch, stored.get(shard), salvage.contains(shard));
            metrics.written(written, System.nanoTime() - start);
            stored.get(shard).putAll(batch.nextOffsets());
            batch.clear();
            salvage.remove(shard);
            return true;
        } catch (SQLException e) {
            ErrorKind kind = ErrorKind.of(e);
            metrics.error(kind);
            LOG.warn("shard {}: writing {} rows failed ({}, SQLState {}): {}", shard, batch.rowCount(), kind, e.getSQLState(), e.getMessage());
            if (kind == ErrorKind.DATA) salvage.add(shard);
            if (kind == ErrorKind.PARTITION_MISSING) writers.get(shard).forgetPartitions();
            return false;
        } catch (ShardWriter.Fenced e) {
            metrics.fenced();
            LOG.warn("{}; reading the positions again", e.getMessage());
            discardAndReposition();
            return true;
        }
    }

    private void recovered() {
        if (failing || metrics.paused.get() != 0) {
            LOG.info("writes succeed again after {} failures", backoff.failures());
        }
        backoff.reset();
        failing = false;
        retryAtNanos = 0;
        metrics.paused.set(0);
        Set<TopicPartition> resume = new HashSet<>(consumer.paused());
        resume.removeAll(unpositioned);
        consumer.resume(resume);
    }

    private void failed() {
        failing = true;
        retryAtNanos = System.nanoTime() + backoff.nextNanos();
        metrics.paused.set(1);
        consumer.pause(consumer.assignment());
    }

    /**
     * Reads the stored offsets of the unpositioned partitions from every shard and seeks each to the
     * smallest. False (and a back-off) when a shard cannot be read.
     */
    private boolean position() {
        Map<String, Map<Integer, Long>> byShard = new HashMap<>();
        for (ShardWriter writer : List.copyOf(writers.values())) {
            try {
                byShard.put(writer.name(), writer.readOffsets(topic));
            } catch (SQLException e) {
                metrics.error(ErrorKind.of(e));
                LOG.warn("shard {}: cannot read the stored offsets ({}): {}", writer.name(), e.getSQLState(), e.getMessage());
                retryAtNanos = System.nanoTime() + backoff.nextNanos();
                metrics.paused.set(1);
                return false;
            }
        }
        for (TopicPartition tp : unpositioned) seek(tp, byShard);
        unpositioned.clear();
        if (!failing) recovered();
        return true;
    }

    private void seek(TopicPartition tp, Map<String, Map<Integer, Long>> byShard) {
        long min = Long.MAX_VALUE;
        for (Map.Entry<String, Map<Integer, Long>> shard : byShard.entrySet()) {
            Long next = shard.getValue().get(tp.partition());
            if (next == null) {
                stored.get(shard.getKey()).remove(tp);
                min = -1;
            } else {
                stored.get(shard.getKey()).put(tp, next);
                min = Math.min(min, next);
            }
        }
        if (min < 0) {
            consumer.seekToBeginning(List.of(tp));
        } else {
            consumer.seek(tp, min);
        }
    }

    /** Drops everything buffered: the partitions still assigned are read again from the stored offsets. */
    private void discardAndReposition() {
        batches.values().forEach(ShardBatch::clear);
        pendingRows = 0;
        batchStartNanos = 0;
        failing = false;
        salvage.clear();
        unpositioned.addAll(consumer.assignment());
        consumer.pause(consumer.assignment());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        if (hasPending() && !failing) flush();
        if (hasPending()) discardAndReposition();
        forget(revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        discardAndReposition();
        forget(lost);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        unpositioned.addAll(assigned);
        consumer.pause(assigned);
    }

    private void forget(Collection<TopicPartition> partitions) {
        unpositioned.removeAll(partitions);
        stored.values().forEach(offsets -> offsets.keySet().removeAll(partitions));
    }

    /** Records between each partition's smallest stored offset and its log end, summed. */
    private void reportLag() {
        long now = System.nanoTime();
        if (now - lagReportedNanos < config.lagInterval().toNanos()) return;
        lagReportedNanos = now;
        Set<TopicPartition> assigned = consumer.assignment();
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofMillis(500));
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) lag += Math.max(0, end.getValue() - smallestStored(end.getKey()));
            metrics.lag.set(lag);
        } catch (TimeoutException e) {
            LOG.debug("log end offsets not known within 500 ms; lag not updated", e);
        }
    }

    private long smallestStored(TopicPartition tp) {
        long min = Long.MAX_VALUE;
        for (Map<TopicPartition, Long> offsets : stored.values()) min = Math.min(min, offsets.getOrDefault(tp, 0L));
        return min == Long.MAX_VALUE ? 0 : min;
    }
}
