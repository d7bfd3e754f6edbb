package io.harbinger.store.shard;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.store.WriteRouting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One shard at run time: its primary's pool, its replicas, and the data source its reads go to. */
final class ShardNode implements AutoCloseable {
    final ShardMap.ShardSpec spec;
    final HikariDataSource primary;
    final List<Replica> replicas;
    final WriteRouting.Shard shard;
    final ReadRouter reader;
    private final AtomicInteger turn = new AtomicInteger();

    ShardNode(ShardMap.ShardSpec spec, HikariDataSource primary, List<Replica> replicas, Clock clock) {
        this.spec = spec;
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
        this.shard = new WriteRouting.Shard(spec.name(), primary);
        this.reader = new ReadRouter(this, clock);
    }

    /** The replicas that serve reads now, starting with the next one in turn (round-robin). */
    List<Replica> servingInTurn() {
        List<Replica> serving = new ArrayList<>(replicas.size());
        for (Replica replica : replicas) {
            if (replica.status().serving()) serving.add(replica);
        }
        return rotate(serving, serving.isEmpty() ? 0 : turn.getAndIncrement());
    }

    /** {@code items} starting at index {@code turn mod size}, wrapping around. */
    static <T> List<T> rotate(List<T> items, int turn) {
        if (items.isEmpty()) return items;
        int start = Math.floorMod(turn, items.size());
        List<T> rotated = new ArrayList<>(items.size());
        rotated.addAll(items.subList(start, items.size()));
        rotated.addAll(items.subList(0, start));
        return rotated;
    }

    @Override
    public void close() {
        replicas.forEach(Replica::close);
        primary.close();
    }
}
