package io.harbinger.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A single-node Kafka (KRaft, broker and controller in one process) running inside this JVM, for a
 * one-box deployment and for integration tests. It listens on 127.0.0.1 only, on ephemeral ports
 * chosen at each start, and keeps its log under {@code dir/kraft-logs}.
 *
 * <p>The directory is formatted only the first time (the cluster id is then kept in its
 * {@code meta.properties}), so starting again on the same directory keeps every record: with
 * {@code acks=all} and one replica, a record is durable once the broker has it in its log and the
 * broker is shut down cleanly (an abrupt kill relies on the OS page cache, as Kafka always does).
 * The ports may differ between starts: ask {@link #bootstrapServers()} after each start.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, String clusterId) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
    }

    /** Formats {@code dir} if it is new, starts the broker and returns once it accepts clients. */
    public static EmbeddedKafka start(Path dir) {
        Path logDir = dir.resolve("kraft-logs").toAbsolutePath();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory " + logDir, e);
        }
        String clusterId = existingClusterId(logDir).orElseGet(() -> format(logDir));
        int brokerPort = freePort();
        int controllerPort = freePort();
        while (controllerPort == brokerPort) controllerPort = freePort();
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config(logDir, brokerPort, controllerPort)), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        String bootstrap = HOST + ':' + brokerPort;
        LOG.info("Embedded Kafka {} listening on {} (log dir {})", clusterId, bootstrap, logDir);
        return new EmbeddedKafka(server, bootstrap, clusterId);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The id written when the directory was first formatted; the same across restarts. */
    public String clusterId() {
        return clusterId;
    }

    /** Shuts the broker and controller down cleanly and waits until they have stopped. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka {} stopped", clusterId);
    }

    static Properties config(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ':' + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ':' + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ':' + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ':' + brokerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The broker shares the JVM's heap with ingest and processing: bound the requests it queues.
        p.put("socket.request.max.bytes", Integer.toString(16 * 1024 * 1024)); // far above the 1 MiB producer requests
        p.put("queued.max.request.bytes", Long.toString(32L * 1024 * 1024));
        p.put("queued.max.requests", "100");
        return p;
    }

    private static Optional<String> existingClusterId(Path logDir) {
        try {
            return new MetaPropertiesEnsemble.Loader().addLogDirs(List.of(logDir.toString())).load().clusterId();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read meta.properties in " + logDir, e);
        }
    }

    private static String format(Path logDir) {
        String clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) { // Formatter.run() declares Exception
            throw new IllegalStateException("cannot format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
        LOG.info("Formatted {} for new cluster {}", logDir, clusterId);
        return clusterId;
    }

    /** An ephemeral port free right now; Kafka binds it moments later (a race other processes rarely win). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
