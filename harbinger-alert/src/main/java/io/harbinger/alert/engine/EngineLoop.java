package io.harbinger.alert.engine;

import io.harbinger.alert.rule.Episode;
import io.harbinger.alert.rule.Evaluator;
import io.harbinger.alert.store.AlertStore;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.topic.Codec;
import io.harbinger.schema.topic.CorruptRecordException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's one thread. Per poll: every scored sample goes through the rule's state machine (open
 * episodes in memory, keyed by drive); then, in ONE PostgreSQL transaction, the changed episodes are
 * stored, their notifications enqueued in the outbox and the partitions' offsets advanced (compare-and-set).
 * When that fails, nothing of the poll stays: the open episodes are read back from the database and the
 * partitions sought to the stored offsets, so the same records are evaluated again from the same state.
 * Between polls, every sweep interval (wall clock), firing alerts whose silence ended or whose repeat is
 * due are notified.
 */
final class EngineLoop implements Runnable, ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);

    private final Consumer<byte[], byte[]> consumer;
    private final AlertStore store;
    private final Evaluator evaluator;
    private final Notifier notifier;
    private final Clock clock;
    private final String group;
    private final String topic;
    private final Duration sweepEvery;
    private final Duration repeat;
    private final Codec<PredictionBatch> values;

    private final Map<String, Episode> open = new HashMap<>();
    private final Map<Integer, Long> stored = new HashMap<>();
    private boolean repositionNeeded;
    private boolean commitFailed;
    private Instant nextSweep = Instant.MIN;
    private Duration retryWait = Duration.ofMillis(100);
    volatile boolean running = true;
    final AtomicLong corrupt = new AtomicLong();
    final AtomicLong commits = new AtomicLong();

    EngineLoop(Consumer<byte[], byte[]> consumer, AlertStore store, Evaluator evaluator, Notifier notifier, Clock clock, String group,
               String topic, Codec<PredictionBatch> values, Duration sweepEvery, Duration repeat) {
        this.consumer = consumer;
        this.store = store;
        this.evaluator = evaluator;
        this.notifier = notifier;
        this.clock = clock;
        this.group = group;
        this.topic = topic;
        this.values = values;
        this.sweepEvery = sweepEvery;
        this.repeat = repeat;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), this);
            while (running) step();
        } catch (WakeupException e) {
            if (running) throw e;
        } finally {
            // a static member leaves only when told: its partitions go to the others now, not after its session timeout
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
    }

    private void step() {
        if (commitFailed) {
            pause(); // back off before evaluating the same records again: no retry storm against the database
            commitFailed = false;
        }
        if (repositionNeeded && !reposition()) {
            pause();
            return;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty() && !repositionNeeded) evaluate(records);
        if (!clock.instant().isBefore(nextSweep)) sweep();
    }

    private void evaluate(ConsumerRecords<byte[], byte[]> records) {
        Map<UUID, Episode> changed = new LinkedHashMap<>();
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            next.put(record.partition(), record.offset() + 1);
            for (ScoredSample sample : samples(record)) {
                String drive = sample.region() + '\u0000' + sample.host() + '\u0000' + sample.drive();
                Evaluator.Step step = evaluator.next(Optional.ofNullable(open.get(drive)), sample);
                if (step.event() == Evaluator.Event.NONE) continue;
                Episode e = step.episode().orElseThrow();
                changed.put(e.id(), e);
                if (step.event() == Evaluator.Event.RESOLVED) open.remove(drive);
                else open.put(drive, e);
            }
        }
        Instant now = clock.instant();
        try {
            store.inTransaction(tx -> {
                tx.save(List.copyOf(changed.values()));
                notifier.notify(tx, changed.values(), now);
                tx.advance(group, topic, next, stored);
                return null;
            });
            stored.putAll(next);
            commits.incrementAndGet();
            retryWait = Duration.ofMillis(100);
        } catch (SQLException e) {
            LOG.warn("storing {} alert changes failed ({}): {}; reading the state back and evaluating again in {}", changed.size(), e.getSQLState(),
                    brief(e), retryWait);
            repositionNeeded = true;
            commitFailed = true;
        } catch (AlertStore.Fenced e) {
            LOG.warn("{}; reading the state and positions again", e.getMessage());
            repositionNeeded = true;
        }
    }

    /** The cause of a failed statement, without the batch's parameters (a notification body each). */
    static String brief(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        String m = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        return m.length() <= 300 ? m : m.substring(0, 300) + "...";
    }

    private List<ScoredSample> samples(ConsumerRecord<byte[], byte[]> record) {
        try {
            return values.decode(record.value()).scored();
        } catch (CorruptRecordException e) {
            corrupt.incrementAndGet();
            LOG.warn("skipped corrupt record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return List.of();
        }
    }

    /** Notifies firing alerts whose silence ended, and repeats that are due. */
    private void sweep() {
        Instant now = clock.instant();
        nextSweep = now.plus(sweepEvery);
        try {
            int sent = store.inTransaction(tx -> notifier.notify(tx, tx.firingToReview(now.minus(repeat)), now));
            if (sent > 0) LOG.info("sweep: {} notifications (silences ended, repeats)", sent);
        } catch (SQLException | AlertStore.Fenced e) {
            LOG.warn("the sweep failed: {}; trying again in {}", e instanceof SQLException sql ? brief(sql) : e.getMessage(), sweepEvery);
        }
    }

    /** Reads the open episodes and the stored offsets, seeks every assigned partition there, resumes. */
    private boolean reposition() {
        try {
            List<Episode> episodes = store.openEpisodes();
            Map<Integer, Long> offsets = store.offsets(group, topic);
            open.clear();
            episodes.forEach(e -> open.put(e.region() + '\u0000' + e.host() + '\u0000' + e.drive(), e));
            stored.clear();
            stored.putAll(offsets);
            for (TopicPartition tp : consumer.assignment()) {
                Long at = offsets.get(tp.partition());
                if (at == null) consumer.seekToBeginning(List.of(tp));
                else consumer.seek(tp, at);
            }
            consumer.resume(consumer.assignment());
            repositionNeeded = false; // the back-off is reset by the next commit that succeeds, not here
            LOG.info("alerting positioned: {} open alerts, offsets {}", open.size(), offsets);
            return true;
        } catch (SQLException e) {
            LOG.warn("cannot read the alerting state ({}): {}; trying again in {}", e.getSQLState(), brief(e), retryWait);
            return false;
        }
    }

    /** Waits out a database outage with the consumer paused (poll keeps the group membership). */
    private void pause() {
        consumer.pause(consumer.assignment());
        long until = System.nanoTime() + retryWait.toNanos();
        while (running && System.nanoTime() < until) consumer.poll(POLL);
        retryWait = retryWait.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retryWait.multipliedBy(2);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        consumer.pause(assigned);
        repositionNeeded = true;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        revoked.forEach(tp -> stored.remove(tp.partition()));
    }
}
