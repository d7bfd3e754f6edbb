package io.harbinger.store.load;

import io.harbinger.schema.cache.ChangedKey;
import io.harbinger.schema.topic.CorruptRecordException;
import io.harbinger.store.Partitions;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.rows.AlertRow;
import io.harbinger.store.rows.DiskSampleRow;
import io.harbinger.store.rows.HostMetricRow;
import io.harbinger.store.rows.PredictionRow;
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
import java.util.function.LongSupplier;

/**
 * The loader's one thread: polls, maps records to rows per shard (by the config's {@link Feed}; a record
 * that does not decode is skipped and counted), writes batches, backs off. Every field is confined to
 * this thread, except {@link #running}. The decisions are made by pure collaborators: where each shard
 * is ({@link ShardPositions}), when a batch is due ({@link BatchClock}), when to try again
 * ({@link RetrySchedule}); this class moves records between Kafka and the shard writers.
 *
 * <p>On assignment a partition is paused until every shard's stored positions are read; it is then
 * sought to the smallest over the shards. A batch that cannot be written is kept, the consumer paused,
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
    private final LongSupplier ticker;
    private final Duration pollTimeout;
    private final Function<byte[], List<Row>> rowsOf;
    private final CommitListener listener;

    private final Map<String, ShardWriter> writers = new LinkedHashMap<>();
    private final Map<String, ShardBatch> batches = new HashMap<>();
    private final ShardPositions positions = new ShardPositions();
    private final Set<TopicPartition> unpositioned = new HashSet<>();
    private final Set<String> salvage = new HashSet<>();
    private final BatchClock clock;
    private final RetrySchedule retries;
    private long lagReportedNanos;
    volatile boolean running = true;

    LoadLoop(LoaderConfig config, WriteRouting routing, Function<WriteRouting.Shard, Partitions> partitions,
             LoaderMetrics metrics, Consumer<byte[], byte[]> consumer, CommitListener listener) {
        this.config = config;
        this.listener = listener;
        this.routing = routing;
        this.partitions = partitions;
        this.metrics = metrics;
        this.consumer = consumer;
        this.ticker = System::nanoTime;
        this.rowsOf = config.feed().reader(config.topics());
        this.pollTimeout = config.maxBatchLatency().compareTo(MAX_POLL) < 0 ? config.maxBatchLatency() : MAX_POLL;
        this.clock = new BatchClock(ticker, config.maxBatchRows(), config.maxBatchLatency());
        this.retries = new RetrySchedule(ticker, new Backoff(config.backoffInitial(), config.backoffMax()));
        routing.shards().forEach(this::writer);
    }

    String loaderName() {
        return config.feed().loaderName();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(config.topic()), this);
            while (running) step();
        } catch (WakeupException e) {
            if (running) throw e;
        } finally {
            if (clock.hasPending() && !retries.failing()) flush();
            // a static member leaves only when told: its partitions go to the others now, not after its session timeout
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
    }

    private void step() {
        reportLag();
        if (retries.waiting()) {
            consumer.poll(pollTimeout); // everything paused: keeps the group membership alive
            return;
        }
        if (!unpositioned.isEmpty() && !position()) return;
        if (retries.failing()) {
            flush();
            return;
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(pollTimeout)) accept(record);
        if (clock.due()) flush();
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (unpositioned.contains(tp)) return;
        long offset = record.offset();
        int added = 0;
        for (Row row : rows(record)) {
            String shard = writer(routing.shardFor(row.region())).name();
            if (positions.takes(shard, tp, offset)) {
                batches.get(shard).add(row);
                added++;
            }
        }
        for (String shard : writers.keySet()) {
            if (positions.takes(shard, tp, offset)) batches.get(shard).advance(tp, offset + 1, record.timestamp());
        }
        clock.accepted(added);
    }

    /** The record's rows; none (logged and counted) when it does not decode. */
    private List<Row> rows(ConsumerRecord<byte[], byte[]> record) {
        try {
            return rowsOf.apply(record.value());
        } catch (CorruptRecordException e) {
            metrics.corrupt();
            LOG.warn("skipped corrupt record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return List.of();
        }
    }

    private ShardWriter writer(WriteRouting.Shard shard) {
        return writers.computeIfAbsent(shard.name(), name -> {
            batches.put(name, new ShardBatch());
            positions.addShard(name);
            return new ShardWriter(shard, partitions.apply(shard), config.group(), config.format(), config.mode());
        });
    }

    /** Writes every shard's batch; on failure keeps what failed, pauses and schedules a retry. */
    private void flush() {
        boolean ok = true;
        for (String shard : List.copyOf(writers.keySet())) {
            if (!batches.get(shard).isEmpty()) ok &= write(shard);
        }
        clock.flushed(batches.values().stream().mapToInt(ShardBatch::rowCount).sum(), batches.values().stream().allMatch(ShardBatch::isEmpty));
        if (ok) {
            recovered();
        } else {
            retries.writeFailed();
            metrics.paused.set(1);
            consumer.pause(consumer.assignment());
        }
    }

    private boolean write(String shard) {
        ShardBatch batch = batches.get(shard);
        long start = ticker.getAsLong();
        try {
            ShardWriter.Written written = writers.get(shard).write(batch, positions.of(shard), salvage.contains(shard));
            metrics.written(written, ticker.getAsLong() - start);
            metrics.committed(batch, System.currentTimeMillis());
            tellCommitted(batch);
            positions.advance(shard, batch.nextOffsets());
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

    /** Tells the listener what the committed batch was about; what it throws is counted, the loader goes on. */
    private void tellCommitted(ShardBatch batch) {
        if (listener == CommitListener.NONE || batch.rowCount() == 0) return;
        try {
            listener.committed(config.feed(), changedKeys(batch));
        } catch (RuntimeException e) {
            metrics.listenerError();
            LOG.warn("the commit listener failed: {}", e.getMessage(), e);
        }
    }

    static Set<ChangedKey> changedKeys(ShardBatch batch) {
        Set<ChangedKey> keys = new HashSet<>();
        for (List<Row> rows : batch.rows().values()) {
            for (Row row : rows) {
                keys.add(switch (row) {
                    case PredictionRow p -> new ChangedKey(p.region(), p.host(), p.drive());
                    case AlertRow a -> new ChangedKey(a.region(), a.host(), a.drive());
                    case DiskSampleRow d -> new ChangedKey(d.region(), d.host(), d.drive());
                    case HostMetricRow m -> ChangedKey.host(m.region(), m.host());
                });
            }
        }
        return keys;
    }

    private void recovered() {
        if (retries.failedSinceSuccess()) LOG.info("writes succeed again after {} failures", retries.failures());
        retries.succeeded();
        metrics.paused.set(0);
        Set<TopicPartition> resume = new HashSet<>(consumer.paused());
        resume.removeAll(unpositioned);
        consumer.resume(resume);
    }

    /**
     * Reads the stored offsets of the unpositioned partitions from every shard and seeks each to the
     * smallest. False (and a back-off) when a shard cannot be read.
     */
    private boolean position() {
        Map<String, Map<Integer, Long>> byShard = new HashMap<>();
        for (ShardWriter writer : List.copyOf(writers.values())) {
            try {
                byShard.put(writer.name(), writer.readOffsets(config.topic()));
            } catch (SQLException e) {
                metrics.error(ErrorKind.of(e));
                LOG.warn("shard {}: cannot read the stored offsets ({}): {}", writer.name(), e.getSQLState(), e.getMessage());
                retries.deferred();
                metrics.paused.set(1);
                return false;
            }
        }
        for (TopicPartition tp : unpositioned) seek(tp, positions.seekTo(tp, byShard));
        unpositioned.clear();
        if (!retries.failing()) recovered();
        return true;
    }

    private void seek(TopicPartition tp, long offset) {
        if (offset == ShardPositions.BEGINNING) {
            consumer.seekToBeginning(List.of(tp));
        } else {
            consumer.seek(tp, offset);
        }
    }

    /** Drops everything buffered: the partitions still assigned are read again from the stored offsets. */
    private void discardAndReposition() {
        batches.values().forEach(ShardBatch::clear);
        clock.reset();
        retries.batchDropped();
        salvage.clear();
        unpositioned.addAll(consumer.assignment());
        consumer.pause(consumer.assignment());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        if (clock.hasPending() && !retries.failing()) flush();
        if (clock.hasPending()) discardAndReposition();
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
        positions.forget(partitions);
    }

    /** Every lag interval: records between each partition's smallest stored offset and its log end, summed. */
    private void reportLag() {
        long now = ticker.getAsLong();
        if (now - lagReportedNanos < config.lagInterval().toNanos()) return;
        lagReportedNanos = now;
        try {
            metrics.lag.set(positions.lag(consumer.endOffsets(consumer.assignment(), Duration.ofMillis(500))));
        } catch (TimeoutException e) {
            LOG.debug("log end offsets not known within 500 ms; lag not updated", e);
        }
    }
}
