package io.harbinger.alert;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.alert.store.AlertSchema;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.topic.Topic;
import io.harbinger.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/** One test's own database (migrated), topic prefix with its predictions topic, and a producer writing through the topic's codecs. */
public final class Fixture implements AutoCloseable {
    private static final AtomicInteger COUNT = new AtomicInteger();

    public final HikariDataSource db;
    public final Topics topics;
    public final String bootstrap;
    private final KafkaProducer<byte[], byte[]> producer;

    public Fixture(EmbeddedKafka kafka, BundledPostgres postgres) throws SQLException, ExecutionException, InterruptedException {
        String name = "alert_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), BundledPostgres.USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(postgres.jdbcUrl(name));
        hc.setUsername(BundledPostgres.USER);
        hc.setPassword("");
        hc.setMaximumPoolSize(6);
        db = new HikariDataSource(hc);
        AlertSchema.migrate(db);
        topics = new Topics("it" + COUNT.get() + "-" + ProcessHandle.current().pid() + ".");
        bootstrap = kafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topics.predictions().name(), 2, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Writes one record holding {@code samples} (keyed by the first one's host) and waits for the ack. */
    public void produce(ScoredSample... samples) throws ExecutionException, InterruptedException {
        Topic<String, PredictionBatch> topic = topics.predictions();
        byte[] value = topic.values().encode(new PredictionBatch(List.of(samples), List.of()));
        producer.send(new ProducerRecord<>(topic.name(), samples[0].host().getBytes(java.nio.charset.StandardCharsets.UTF_8), value)).get();
    }

    public long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        producer.close();
        db.close();
    }
}
