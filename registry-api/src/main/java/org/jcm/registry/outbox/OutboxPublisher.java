package org.jcm.registry.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.jcm.registry.api.LedgerEntryJson;

/**
 * Sends every committed ledger event to Kafka, in sequence order, and records in PostgreSQL
 * ({@code outbox_position}) the last seq the broker acknowledged.
 *
 * <p>One thread does everything: it takes a PostgreSQL advisory lock so that only one instance
 * publishes, reads a batch of events after the recorded position, sends it as one transaction of
 * an idempotent, transactional producer ({@code acks=all}), and moves the position once the
 * transaction committed. On any failure it drops the producer, pauses, and starts again from the
 * recorded position, so a {@code read_committed} consumer never sees an event skipped or out of
 * order; what it may see is an event twice (committed, but the position was not recorded), with
 * the same seq and the same bytes.
 *
 * <p>It does not depend on CDI, so that tests and the measurement tool can run it against their own
 * broker; {@link OutboxService} runs it inside the application.
 */
public final class OutboxPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    /** The header carrying the event's seq as a decimal string, so consumers can dedupe without parsing the value. */
    public static final String SEQ_HEADER = "seq";

    /** Opens a new connection to the registry's database. */
    @FunctionalInterface
    public interface ConnectionFactory {
        /** A new connection; the publisher owns it and closes it. */
        Connection open() throws SQLException;
    }

    /** What the publisher is doing. */
    public enum State {
        /** Not started yet, or connecting. */
        STARTING,
        /** Another instance holds the outbox lock; this one waits to take over. */
        STANDBY,
        /** Holding the lock and publishing (or caught up and waiting for commits). */
        PUBLISHING,
        /** The last attempt failed (broker or database unreachable); retrying from the recorded position. */
        FAILING,
        /** Closed. */
        STOPPED
    }

    /**
     * A picture of the publisher for health checks and metrics.
     *
     * @param state what it is doing
     * @param acknowledgedSeq the last seq this publisher saw acknowledged and recorded, or -1 before it read the position
     * @param acknowledgedAt when it recorded that position
     * @param waitingSince when the transaction now waiting for the broker began, or null when none waits
     * @param consecutiveFailures failed attempts since the last success
     * @param lastError the last failure's message, or null
     * @param lastErrorAt when it happened, or null
     */
    public record Status(State state, long acknowledgedSeq, Instant acknowledgedAt, Instant waitingSince,
                         int consecutiveFailures, String lastError, Instant lastErrorAt) {
    }

    private final OutboxSettings settings;
    private final ConnectionFactory database;
    private final Map<String, Object> kafkaConfig;
    private final String lockName;
    private final Object signal = new Object();
    private final Thread thread;
    private boolean signalled;
    private volatile boolean running;
    private volatile State state = State.STARTING;
    private volatile long acknowledgedSeq = -1;
    private volatile Instant acknowledgedAt;
    private volatile Instant waitingSince;
    private volatile int consecutiveFailures;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    // Owned by the publisher thread.
    private Connection connection;
    private KafkaProducer<String, byte[]> producer;
    private long position = -1;

    /**
     * A publisher that is not running yet.
     *
     * @param settings topic, key, batch size and timings
     * @param database opens connections to the registry's database
     * @param kafkaConfig the Kafka client settings ({@code bootstrap.servers} and any security settings);
     *     the publisher adds its own producer settings on top
     */
    public OutboxPublisher(OutboxSettings settings, ConnectionFactory database, Map<String, Object> kafkaConfig) {
        this.settings = settings;
        this.database = database;
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.lockName = "jcm.outbox/" + settings.topic();
        this.thread = new Thread(this::run, "jcm-outbox-" + settings.topic());
        this.thread.setDaemon(true);
    }

    /** Starts the publishing thread. */
    public void start() {
        running = true;
        thread.start();
    }

    /**
     * Tells the publisher that events up to {@code seq} have committed, so it publishes now rather
     * than at its next poll. Cheap and safe to call from any thread, for every commit.
     */
    public void committed(long seq) {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** What the publisher is doing now. */
    public Status status() {
        return new Status(state, acknowledgedSeq, acknowledgedAt, waitingSince, consecutiveFailures, lastError, lastErrorAt);
    }

    /** The settings it runs with. */
    public OutboxSettings settings() {
        return settings;
    }

    /**
     * Stops publishing: interrupts the thread, which abandons a batch in flight without recording
     * it (it is sent again by whoever publishes next), releases the lock and closes the producer.
     */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        committed(0);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = State.STOPPED;
    }

    private void run() {
        Duration backoff = settings.retryBackoff();
        try {
            while (running) {
                try {
                    if (!holdLock()) {
                        state = State.STANDBY;
                        await(settings.maxRetryBackoff());
                        continue;
                    }
                    int sent = publishStep();
                    state = State.PUBLISHING;
                    if (consecutiveFailures > 0) {
                        LOG.infof("Outbox publisher for %s recovered after %d failed attempts; position %d",
                                settings.topic(), consecutiveFailures, position);
                    }
                    consecutiveFailures = 0;
                    backoff = settings.retryBackoff();
                    if (sent < settings.batchSize()) {
                        await(settings.pollInterval());
                    }
                } catch (Exception e) {
                    if (!running) {
                        break;
                    }
                    failed(e);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(settings.maxRetryBackoff()) > 0
                            ? settings.maxRetryBackoff() : backoff.multipliedBy(2);
                }
            }
        } finally {
            closeProducer();
            closeConnection();
            state = State.STOPPED;
        }
    }

    /** Connects and takes the advisory lock if needed; false when another instance holds it. */
    private boolean holdLock() throws SQLException {
        if (connection == null) {
            Connection opened = database.open();
            opened.setAutoCommit(true);
            // The position is a restart point, not a record of truth: if the last update is lost in
            // a crash, events are sent again (same bytes), which consumers drop. So the update need
            // not wait for its WAL flush, which saves a disk round trip per batch.
            try (Statement s = opened.createStatement()) {
                s.execute("SET synchronous_commit = off");
            }
            connection = opened;
        }
        // The lock belongs to the session, so it is held as long as this connection lives and is
        // released by PostgreSQL if this process dies; asking again while holding it is harmless
        // but would stack a second hold, hence the check of pg_locks first.
        try (PreparedStatement held = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))"
                + " WHERE NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
                + " AND granted)")) {
            held.setString(1, lockName);
            try (ResultSet rows = held.executeQuery()) {
                return !rows.next() || rows.getBoolean(1);
            }
        }
    }

    /**
     * Publishes the next batch after the recorded position as one Kafka transaction, and records
     * the position once the transaction committed; returns how many events it sent.
     *
     * <p>A transaction per batch is what keeps the topic free of gaps and reordering for
     * {@code read_committed} consumers. An idempotent producer alone keeps order only while it
     * succeeds: when the broker restarts, a batch can fail (expired, or refused after the broker
     * lost track of the producer) while later batches still land, and resending the failed one then
     * puts its events after later ones. Inside a transaction such a failure aborts the whole batch,
     * so nothing after it becomes visible before it is sent again.
     */
    private int publishStep() throws Exception {
        if (position < 0) {
            position = readPosition();
            acknowledgedSeq = position;
            LOG.infof("Outbox publisher for %s starts after seq %d", settings.topic(), position);
        }
        List<Pending> batch = readBatch(position);
        if (batch.isEmpty()) {
            return 0;
        }
        ensureProducer();
        waitingSince = Instant.now();
        producer.beginTransaction();
        for (Pending event : batch) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(SEQ_HEADER, Long.toString(event.seq).getBytes(StandardCharsets.US_ASCII));
            producer.send(new ProducerRecord<>(settings.topic(), null, settings.ledgerId(), event.value, headers));
        }
        // Flushes, and throws if any record of the batch failed; nothing of the batch is then visible.
        producer.commitTransaction();
        waitingSince = null;
        recordPosition(batch.get(batch.size() - 1).seq);
        return batch.size();
    }

    /** One event ready to send. */
    private record Pending(long seq, byte[] value) {
    }

    private List<Pending> readBatch(long after) throws SQLException {
        List<Pending> batch = new ArrayList<>(Math.min(settings.batchSize(), 1024));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq, prev_hash, hash, event_json FROM ledger_event WHERE seq > ? ORDER BY seq LIMIT ?")) {
            query.setLong(1, after);
            query.setInt(2, settings.batchSize());
            try (ResultSet rows = query.executeQuery()) {
                long expected = after + 1;
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    if (seq != expected) {
                        // The single writer commits in seq order, so a gap means a damaged log; publishing
                        // past it would skip an event for good. Stop here and keep retrying loudly.
                        if (batch.isEmpty()) {
                            throw new IllegalStateException("ledger_event has no seq " + expected + " but has " + seq
                                    + "; the outbox will not skip it");
                        }
                        break;
                    }
                    batch.add(new Pending(seq, LedgerEntryJson.bytes(seq, rows.getBytes(2), rows.getBytes(3), rows.getString(4))));
                    expected++;
                }
            }
        }
        return batch;
    }

    private long readPosition() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_position (topic, last_seq) VALUES (?, 0) ON CONFLICT (topic) DO NOTHING")) {
            insert.setString(1, settings.topic());
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT last_seq FROM outbox_position WHERE topic = ?")) {
            select.setString(1, settings.topic());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void recordPosition(long seq) throws SQLException {
        // Forward only: an operator who rewinds the position on purpose does so in the table, and
        // a publisher that lost its lock to another must not undo what that one recorded.
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_position SET last_seq = ?, updated_at = now() WHERE topic = ? AND last_seq < ?")) {
            update.setLong(1, seq);
            update.setString(2, settings.topic());
            update.setLong(3, seq);
            update.executeUpdate();
        }
        position = seq;
        acknowledgedSeq = seq;
        acknowledgedAt = Instant.now();
    }

    private void ensureProducer() throws Exception {
        if (producer != null) {
            return;
        }
        ensureTopic();
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "jcm-outbox-" + settings.ledgerId());
        // One transactional id per ledger and topic: a new producer with it (after a failure, or
        // on another instance that took over the lock) aborts whatever the previous one left open
        // and fences it off, so a stale publisher can never write after its successor.
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "jcm-outbox-" + settings.ledgerId() + "-" + settings.topic());
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // At most 5 requests in flight keeps order with idempotence: the broker refuses a batch
        // whose producer sequence number is not the next one, and the producer retries in order.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // A whole batch of entries (about 0.5 KB each) fits in one or two produce requests, which
        // is what makes catching up after an outage fast; the default 16 KB would need dozens.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(30_000, settings.deliveryTimeout().toMillis() - 1));
        // send() must not block the thread for a minute waiting for metadata while the broker is down.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(config);
        try {
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        producer = created;
    }

    /** Creates the topic with one partition unless it exists, so the ledger's total order survives. */
    private void ensureTopic() throws Exception {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put("client.id", "jcm-outbox-admin-" + settings.ledgerId());
        config.put("request.timeout.ms", 10_000);
        config.put("default.api.timeout.ms", 15_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            if (topics.contains(settings.topic())) {
                return;
            }
            try {
                admin.createTopics(List.of(new NewTopic(settings.topic(), java.util.Optional.of(1), java.util.Optional.empty())))
                        .all().get(15, TimeUnit.SECONDS);
                LOG.infof("Created topic %s with one partition", settings.topic());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private void failed(Exception e) {
        consecutiveFailures++;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        lastErrorAt = Instant.now();
        state = State.FAILING;
        // The first failure is news; the hundredth during the same outage is noise.
        if (consecutiveFailures == 1 || consecutiveFailures % 100 == 0) {
            LOG.warnf("Outbox publisher for %s failed (attempt %d), resuming from seq %d after a pause: %s",
                    settings.topic(), consecutiveFailures, position, lastError);
        }
        closeProducer();
        waitingSince = null;
        position = -1;
        if (e instanceof SQLException) {
            closeConnection();
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the outbox connection failed", e);
            }
            connection = null;
        }
    }

    private void await(Duration timeout) {
        synchronized (signal) {
            if (!signalled && running) {
                try {
                    signal.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            signalled = false;
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
