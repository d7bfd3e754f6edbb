package io.harbinger.store.shard;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a query on every shard's reader in parallel (a virtual thread per shard) and merges the
 * answers: {@link #concat} in shard order, {@link #top} by a comparator (e.g. the fleet's 100
 * riskiest drives from each shard's own top 100), {@link #merge} of lists each shard sorted.
 *
 * <p><b>All or nothing.</b> When a shard's query fails, or a shard has not answered within the
 * timeout, the fan-out throws {@link FanOutException} naming the shard(s) and cancels (interrupts)
 * the queries still running; it never returns a partial result. A fleet-wide answer silently
 * missing a region (a "top 100 risk" without one data centre) is worse than an error the caller
 * sees and can retry; and reads already fall back from replicas to the primary, so a shard fails
 * only when its primary does. A failure is reported as soon as it happens, without waiting for the
 * other shards. Give queries a statement timeout too: an interrupt does not stop a running JDBC call.
 */
public final class FanOut {
    private final Map<String, DataSource> readers;
    private final Duration timeout;

    /**
     * @param readers each shard's reader by name, e.g. {@link Shards#readers()}
     * @param timeout how long to wait for every shard's answer, in all
     */
    public FanOut(Map<String, ? extends DataSource> readers, Duration timeout) {
        if (readers.isEmpty()) throw new IllegalArgumentException("a fan-out needs at least one shard");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
        this.readers = new LinkedHashMap<>(readers);
        this.timeout = timeout;
    }

    /** Every shard's rows, shard after shard in the readers' order. */
    public <T> List<T> concat(ShardQuery<T> query) {
        List<T> all = new ArrayList<>();
        runEverywhere(query).values().forEach(all::addAll);
        return all;
    }

    /**
     * The first {@code n} rows by {@code order} of all shards' rows. Each shard's query should itself
     * return only its own first {@code n} by the same order (ORDER BY ... LIMIT n), which is enough.
     */
    public <T> List<T> top(int n, Comparator<? super T> order, ShardQuery<T> query) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, was " + n);
        return concat(query).stream().sorted(order).limit(n).toList();
    }

    /**
     * The first {@code n} rows by {@code order} of all shards' rows, by a k-way merge: each shard's query
     * must return its rows sorted by {@code order} (its own first {@code n} are enough). For keyset pages:
     * every shard reads its first {@code n} after the cursor, the merge keeps the fleet's first {@code n}.
     */
    public <T> List<T> merge(int n, Comparator<? super T> order, ShardQuery<T> query) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, was " + n);
        return Merge.first(n, order, List.copyOf(runEverywhere(query).values()));
    }

    private <T> Map<String, List<T>> runEverywhere(ShardQuery<T> query) {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<Answer<T>> answers = new ExecutorCompletionService<>(threads);
            Map<String, Future<Answer<T>>> running = new LinkedHashMap<>();
            readers.forEach((shard, reader) -> running.put(shard, answers.submit(() -> new Answer<>(shard,
                    Objects.requireNonNull(query.run(shard, reader), "the query returned null instead of a list")))));
            return collect(answers, running);
        } finally {
            threads.shutdownNow();
        }
    }

    private <T> Map<String, List<T>> collect(CompletionService<Answer<T>> answers, Map<String, Future<Answer<T>>> running) {
        Map<String, List<T>> results = new LinkedHashMap<>();
        running.keySet().forEach(shard -> results.put(shard, List.of()));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int received = 0; received < running.size(); received++) {
            Future<Answer<T>> done = next(answers, deadline, running);
            try {
                Answer<T> answer = done.get();
                results.put(answer.shard(), answer.rows());
            } catch (ExecutionException e) {
                String shard = shardOf(done, running);
                throw failure(Map.of(shard, e.getCause()), running, "failed on shard " + shard + ": " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(Map.of(), running, "interrupted");
            }
        }
        return results;
    }

    private <T> Future<Answer<T>> next(CompletionService<Answer<T>> answers, long deadline, Map<String, Future<Answer<T>>> running) {
        try {
            Future<Answer<T>> done = answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (done == null) {
                throw failure(Map.of(), running, "timed out after " + timeout);
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(Map.of(), running, "interrupted");
        }
    }

    private static <T> FanOutException failure(Map<String, Throwable> failed, Map<String, Future<Answer<T>>> running, String what) {
        List<String> unanswered = running.entrySet().stream().filter(e -> !e.getValue().isDone()).map(Map.Entry::getKey).toList();
        running.values().forEach(f -> f.cancel(true));
        String message = "fan-out over " + running.size() + " shards " + what
                + (unanswered.isEmpty() ? "" : "; no answer (cancelled) from " + unanswered);
        return new FanOutException(message, failed, unanswered);
    }

    private static <T> String shardOf(Future<Answer<T>> done, Map<String, Future<Answer<T>>> running) {
        return running.entrySet().stream().filter(e -> e.getValue() == done).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private record Answer<T>(String shard, List<T> rows) {
    }
}
