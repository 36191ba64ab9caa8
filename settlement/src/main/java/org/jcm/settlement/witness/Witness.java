package org.jcm.settlement.witness;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.settlement.config.SettlementConfig;
import org.jcm.settlement.persistence.Transactions;

/**
 * The witness (docs/settlement.md, "The witness"): one thread reads the registry's signed checkpoints
 * in topic order, verifies each (the log's signature with the pinned key, the origin, the root
 * against settlement's own tree of the entries it consumed, consistency with the previous cosigned
 * checkpoint), cosigns it with the witness's key, stores it and publishes the cosignature. A
 * disagreement opens an alarm, which stops cosigning, never consuming or serving, until an operator
 * clears it.
 */
@ApplicationScoped
public class Witness {

    private static final Logger LOG = Logger.getLogger(Witness.class);
    private static final int PARTITION = 0;
    /** The most characters of a refused message kept with its alarm (a note is a few hundred). */
    private static final int MAX_NOTE = 8192;

    private final WitnessConfig config;
    private final String ledgerId;
    private final DataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final Clock clock;
    private final Map<Reason, Counter> disagreements = new EnumMap<>(Reason.class);
    private final AtomicReference<WitnessStatus> status = new AtomicReference<>(
            new WitnessStatus(WitnessStatus.DISABLED, null, 0, null, null));

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> kafka;
    private Thread thread;
    private NoteKeys.Signer signer;
    private NoteKeys.Verifier logKey;

    Witness(WitnessConfig config, SettlementConfig settlement, DataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Clock clock, MeterRegistry meters) {
        this.config = config;
        this.ledgerId = settlement.ledgerId();
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.clock = clock;
        Gauge.builder("jcm.witness.alarm", status, s -> s.get().alarmed() ? 1 : 0)
                .description("1 while the witness has an open alarm (a checkpoint disagreed), else 0").register(meters);
        Gauge.builder("jcm.witness.cosigned.size", status, s -> s.get().cosignedSize())
                .description("The tree size of the latest checkpoint the witness cosigned").register(meters);
        for (Reason reason : Reason.values()) {
            disagreements.put(reason, Counter.builder("jcm.witness.disagreements").tag("reason", reason.code())
                    .description("Checkpoints the witness refused, by reason").register(meters));
        }
    }

    void start(@Observes StartupEvent event) throws SQLException {
        if (!config.enabled()) {
            return;
        }
        String logKeyString = config.logKey().orElseThrow(() -> new IllegalStateException(
                "jcm.witness.log-key (the registry's log verifier key) is required when jcm.witness.enabled=true"));
        logKey = NoteKeys.verifier(logKeyString);
        signer = WitnessKey.load(config.signingKeyFile(), config.name(), config.generateKey());
        LOG.infof("Witness %s: verifier key %s; checkpoints of %s signed by %s", config.name(), signer.verifierKey(),
                config.origin(), logKeyString);
        refresh(null, null);
        running = true;
        thread = new Thread(this::run, "settlement-witness");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = kafka;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** The witness's current status. */
    public WitnessStatus status() {
        return status.get();
    }

    /** The witness's verifier key string, or empty when the witness is disabled. */
    public Optional<String> verifierKey() {
        return signer == null ? Optional.empty() : Optional.of(signer.verifierKey());
    }

    /** The cosigned checkpoint of the largest tree size. */
    public Optional<CosignedCheckpoint> latest() {
        return read(c -> WitnessStore.latest(c));
    }

    /** The head of the witness's own tree, read from its tiles. */
    public TreeHead treeHead() {
        return read(c -> {
            long size = TreeStore.size(c, ledgerId);
            return Optional.of(new TreeHead(size, TreeStore.root(c, size)));
        }).orElseThrow();
    }

    /** The cosigned checkpoint of a tree size. */
    public Optional<CosignedCheckpoint> cosigned(long treeSize) {
        return read(c -> WitnessStore.cosigned(c, treeSize));
    }

    /**
     * Clears the open alarm (an operator's decision after investigating it): the witness cosigns again
     * from the next checkpoint that agrees with its tree and with the latest checkpoint it cosigned.
     */
    public WitnessStatus clearAlarm(String by) {
        try {
            boolean cleared = Transactions.locked(dataSource, c -> WitnessStore.clear(c, by, clock.instant()));
            if (cleared) {
                LOG.warnf("Witness alarm cleared by %s; cosigning resumes with the next checkpoint", by);
            }
            WitnessStatus s = status.get();
            refresh(s.waitingForTreeSize(), s.problem());
        } catch (SQLException e) {
            throw new IllegalStateException("clearing the witness alarm failed: " + e.getMessage(), e);
        }
        return status.get();
    }

    private void run() {
        while (running) {
            try {
                session();
            } catch (WakeupException e) {
                // Shutdown: the loop condition ends the thread.
            } catch (Exception e) {
                LOG.errorf(e, "The witness failed; starting over in %s", config.retryBackoff());
                WitnessStatus s = status.get();
                status.set(new WitnessStatus(s.status(), s.alarm(), s.cosignedSize(), s.waitingForTreeSize(),
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
                pause(config.retryBackoff());
            }
        }
    }

    /** Reads the checkpoint topic from the stored position until shutdown or a failure. */
    private void session() throws Exception {
        TopicPartition partition = new TopicPartition(config.checkpointTopic(), PARTITION);
        long next = Transactions.locked(dataSource, c -> WitnessStore.nextOffset(c, partition.topic(), PARTITION));
        KafkaConsumer<String, byte[]> consumer = newConsumer();
        try (CosignaturePublisher publisher = new CosignaturePublisher(kafkaConfig, config.cosignatureTopic(),
                "settlement-witness-" + ledgerId)) {
            kafka = consumer;
            consumer.assign(List.of(partition));
            if (next < 0) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, next);
            }
            refresh(null, null);
            publishPending(publisher);
            Deque<ConsumerRecord<String, byte[]>> backlog = new ArrayDeque<>();
            while (running) {
                if (backlog.isEmpty()) {
                    consumer.poll(config.pollTimeout()).records(partition).forEach(backlog::add);
                }
                while (running && !backlog.isEmpty()) {
                    if (!handle(backlog.peekFirst(), publisher)) {
                        pause(config.pollTimeout());
                        break;
                    }
                    backlog.removeFirst();
                }
            }
        } finally {
            kafka = null;
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }
    }

    /** Handles one checkpoint message; false when it must wait for the tree to grow. */
    private boolean handle(ConsumerRecord<String, byte[]> record, CosignaturePublisher publisher) throws Exception {
        CheckpointMessage message;
        try {
            message = CheckpointMessage.open(record.value(), logKey, config.origin());
        } catch (Disagreement d) {
            String raw = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            disagree(record, d, d.treeSize(), d.note() != null ? d.note() : raw);
            return true;
        }
        long size = message.checkpoint().size();
        Verdict.Kind kind = Transactions.locked(dataSource, c -> {
            Verdict verdict = CheckpointJudge.judge(c, ledgerId, message.checkpoint());
            if (verdict.kind() == Verdict.Kind.WAIT) {
                return verdict.kind();
            }
            if (verdict.kind() == Verdict.Kind.DISAGREE) {
                raise(c, verdict.disagreement(), size, message.note());
            } else if (verdict.kind() == Verdict.Kind.AGREE && WitnessStore.openAlarm(c).isEmpty()) {
                WitnessStore.insert(c, cosign(message));
            } else if (verdict.kind() == Verdict.Kind.AGREE) {
                LOG.warnf("Checkpoint of tree size %d agrees but is not cosigned: the witness alarm is open", size);
            }
            WitnessStore.moveTo(c, record.topic(), record.partition(), record.offset() + 1);
            return verdict.kind();
        });
        if (kind == Verdict.Kind.WAIT) {
            refresh(size, null);
            return false;
        }
        refresh(null, null);
        publishPending(publisher);
        return true;
    }

    private CosignedCheckpoint cosign(CheckpointMessage message) {
        long timestamp = clock.instant().getEpochSecond();
        String line = Cosignature.sign(message.checkpoint(), signer, timestamp);
        LOG.debugf("Witness cosigned tree size %d", message.checkpoint().size());
        return new CosignedCheckpoint(message.checkpoint().size(), message.checkpoint().root(),
                message.checkpoint().origin(), message.note(), line, timestamp, clock.instant());
    }

    /** Records a disagreement found before the transaction (a message that does not open). */
    private void disagree(ConsumerRecord<String, byte[]> record, Disagreement d, Long size, String note)
            throws SQLException {
        Transactions.locked(dataSource, c -> {
            raise(c, d, size, note);
            WitnessStore.moveTo(c, record.topic(), record.partition(), record.offset() + 1);
            return null;
        });
        refresh(null, null);
    }

    /** Opens the alarm (unless one is open), counts and logs the disagreement. */
    private void raise(Connection c, Disagreement d, Long size, String note) throws SQLException {
        String kept = note != null && note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note;
        WitnessStore.raise(c, new Alarm(d.reason().code(), d.getMessage(), size, kept, clock.instant()));
        disagreements.get(d.reason()).increment();
        LOG.errorf("WITNESS ALARM (%s): %s. The witness does not cosign until an operator investigates and clears the"
                + " alarm (POST /api/v1/admin/witness/alarm/clear).", d.reason().code(), d.getMessage());
    }

    /** Publishes the stored cosignatures that are not on the topic yet, and marks them. */
    private void publishPending(CosignaturePublisher publisher) throws Exception {
        List<CosignedCheckpoint> pending = Transactions.locked(dataSource, WitnessStore::unpublished);
        for (CosignedCheckpoint c : pending) {
            publisher.publish(c);
            Transactions.locked(dataSource, conn -> {
                WitnessStore.published(conn, c.treeSize(), clock.instant());
                return null;
            });
        }
    }

    /** Reloads the alarm and the latest cosigned size from the database into the status. */
    private void refresh(Long waitingFor, String problem) throws SQLException {
        Optional<Alarm> alarm = Transactions.locked(dataSource, WitnessStore::openAlarm);
        long cosigned = Transactions.locked(dataSource, c -> WitnessStore.latest(c).map(CosignedCheckpoint::treeSize)
                .orElse(0L));
        String state = !config.enabled() ? WitnessStatus.DISABLED
                : alarm.isPresent() ? WitnessStatus.ALARM : WitnessStatus.OK;
        status.set(new WitnessStatus(state, alarm.orElse(null), cosigned, waitingFor, problem));
    }

    private <T> Optional<T> read(Transactions.Work<Optional<T>> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the witness's checkpoints failed: " + e.getMessage(), e);
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        // The position lives in PostgreSQL, as the ledger consumer's does.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "settlement-witness-" + ledgerId);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
