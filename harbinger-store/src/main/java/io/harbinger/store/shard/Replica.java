package io.harbinger.store.shard;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.shard.ReplicaStatus.Health;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One read replica of a shard: its latest {@link ReplicaStatus} and its connection pool. The pool is
 * opened by the checker the first time the replica is found healthy (so that a replica down at
 * start-up does not stop the node from starting), with a short connection timeout so that a read
 * does not wait long on a replica that died since the last check.
 */
final class Replica implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

    final String shard;
    final String url;
    private final ShardMap.Credentials credentials;
    private final int poolSize;
    private final Duration connectTimeout;
    private ReplicaStatus status;
    private HikariDataSource pool;
    private boolean closed;

    Replica(String shard, String url, ShardMap.Credentials credentials, int poolSize, Duration connectTimeout, Instant now) {
        this.shard = shard;
        this.url = url;
        this.credentials = credentials;
        this.poolSize = poolSize;
        this.connectTimeout = connectTimeout;
        this.status = new ReplicaStatus(shard, ShardMap.redact(url), Health.UNCHECKED, OptionalLong.empty(), "not checked yet", now);
    }

    synchronized ReplicaStatus status() {
        return status;
    }

    /** Its pool, when it serves reads now. */
    synchronized Optional<DataSource> servingPool() {
        return status.serving() ? Optional.ofNullable(pool) : Optional.empty();
    }

    /** Records a check's verdict, opening the pool on the first healthy one (unless a check still running outlived {@link #close}). */
    synchronized void update(ReplicaStatus verdict) {
        if (status.serving() != verdict.serving()) {
            LOG.info("replica {} of shard {}: {} ({})", verdict.replica(), shard, verdict.health(), verdict.detail());
        }
        status = verdict;
        if (verdict.serving() && pool == null && !closed) {
            try {
                pool = PostgresPool.open(url, credentials.user(), credentials.password(), poolSize);
                pool.getHikariConfigMXBean().setConnectionTimeout(connectTimeout.toMillis());
            } catch (HikariPool.PoolInitializationException e) {
                status = new ReplicaStatus(shard, verdict.replica(), Health.UNREACHABLE, OptionalLong.empty(),
                        "its pool could not be opened: " + e.getMessage(), verdict.checkedAt());
            }
        }
    }

    /** A read could not get a connection: no more reads until a check finds it healthy again. */
    synchronized void markDown(String reason, Instant at) {
        LOG.warn("replica {} of shard {} failed a read, skipped until the next check: {}", status.replica(), shard, reason);
        status = new ReplicaStatus(shard, status.replica(), Health.UNREACHABLE, OptionalLong.empty(), "a read failed: " + reason, at);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
        }
    }
}
