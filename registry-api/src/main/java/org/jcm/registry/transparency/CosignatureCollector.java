package org.jcm.registry.transparency;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.proof.SignedNote;
import org.jcm.registry.write.WriterConfig;
import org.jcm.registry.write.store.DatabaseRecovery;

/**
 * Collects witnesses' cosignatures from {@code jcm.checkpoint.cosignature-topic} and stores those
 * that verify, so that {@code GET /ledger/checkpoints} serves them beside the log's signature. A
 * cosignature counts only if its witness is one of {@code jcm.checkpoint.witness-keys} and its
 * signature verifies over a checkpoint this registry stored; anything else is counted and logged,
 * never stored. Stored rows prove nothing by being stored: a verifier checks each line with the
 * witness's key it pins itself. Runs where the writer may run (not on read replicas).
 */
@ApplicationScoped
public class CosignatureCollector {

    private static final Logger LOG = Logger.getLogger(CosignatureCollector.class);

    private final CheckpointConfig config;
    private final boolean writerEnabled;
    private final Duration recheckInterval;
    private volatile boolean stopping;
    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final Clock clock;
    private final Counter stored;
    private final Counter refused;
    private final Map<String, NoteKeys.Verifier> witnesses = new HashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    CosignatureCollector(CheckpointConfig config, WriterConfig writerConfig, AgroalDataSource dataSource,
                         @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters,
                         Clock clock) {
        this.config = config;
        this.writerEnabled = writerConfig.enabled();
        this.recheckInterval = writerConfig.lockRetryInterval();
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.clock = clock;
        this.stored = Counter.builder("jcm.cosignatures").tag("outcome", "stored")
                .description("Witness cosignatures received, by outcome").register(meters);
        this.refused = Counter.builder("jcm.cosignatures").tag("outcome", "refused")
                .description("Witness cosignatures received, by outcome").register(meters);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || !writerEnabled || config.witnessKeys().isEmpty()) {
            return;
        }
        for (String key : config.witnessKeys().get()) {
            NoteKeys.Verifier verifier = NoteKeys.verifier(key.strip());
            if (verifier.algorithm() != NoteKeys.COSIGNATURE_V1) {
                throw new IllegalStateException("jcm.checkpoint.witness-keys: " + verifier.name()
                        + " is not a cosignature (0x04) key");
            }
            witnesses.put(verifier.name(), verifier);
        }
        thread = new Thread(this::run, "jcm-cosignatures");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        if (!awaitPrimary()) {
            return;
        }
        Properties p = new Properties();
        p.putAll(kafkaConfig);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "jcm-registry-cosignatures");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        try (KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = created;
            created.subscribe(List.of(config.cosignatureTopic()));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : created.poll(Duration.ofSeconds(1))) {
                    receive(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        } catch (WakeupException e) {
            LOG.debug("The cosignature collector stopped");
        } catch (RuntimeException e) {
            LOG.error("The cosignature collector failed; cosignatures are no longer collected until restart", e);
        }
    }

    /**
     * Waits until the database is not in recovery before joining the collectors' consumer group: on
     * a hot standby every cosignature would be taken from the group (its offset committed) and then
     * fail to be stored, so the writer's collector would never see it. Checks again every
     * {@code jcm.writer.lock-retry-interval}; false when the application stops first.
     */
    private boolean awaitPrimary() {
        boolean logged = false;
        while (!stopping) {
            try (Connection c = dataSource.getConnection()) {
                if (!DatabaseRecovery.inRecovery(c)) {
                    return true;
                }
                if (!logged) {
                    LOG.warnf("%s: %s", DatabaseRecovery.STATE, DatabaseRecovery.detail("the cosignature collector"));
                    logged = true;
                }
            } catch (SQLException e) {
                LOG.debugf(e, "The cosignature collector cannot reach PostgreSQL yet");
            }
            try {
                Thread.sleep(recheckInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Verifies one cosignature message and stores it if it holds. */
    void receive(String message) {
        try {
            Object parsed = Json.parse(message);
            if (!(parsed instanceof Map<?, ?> fields) || !(fields.get("treeSize") instanceof Number size)
                    || !(fields.get("line") instanceof String line)) {
                refuse("a cosignature message without treeSize and line: " + abbreviate(message));
                return;
            }
            Cosignature cosignature = Cosignature.parse(line);
            NoteKeys.Verifier witness = witnesses.get(cosignature.witness());
            if (witness == null) {
                refuse("a cosignature of " + cosignature.witness() + ", which is not in jcm.checkpoint.witness-keys");
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                TreeRows.StoredCheckpoint checkpoint = TreeRows.checkpoint(c, size.longValue());
                if (checkpoint == null) {
                    refuse("a cosignature of checkpoint " + size + ", which this registry has not stored");
                    return;
                }
                if (!Cosignature.verify(line, Checkpoint.parse(
                        SignedNote.parse(checkpoint.note()).text()), witness)) {
                    refuse("a cosignature of checkpoint " + size + " by " + witness.name() + " that does not verify");
                    return;
                }
                TreeRows.insertCosignature(c, size.longValue(), cosignature, line, clock.instant());
                stored.increment();
            }
        } catch (SQLException | RuntimeException e) {
            refuse("a cosignature message that could not be read or stored (" + e.getMessage() + "): "
                    + abbreviate(message));
        }
    }

    private void refuse(String why) {
        refused.increment();
        LOG.warnf("Refused %s", why);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** The witnesses whose cosignatures are collected, as their verifier key strings. */
    List<String> witnessKeys() {
        List<String> keys = new ArrayList<>();
        witnesses.values().forEach(v -> keys.add(v.verifierKey()));
        return keys;
    }
}
