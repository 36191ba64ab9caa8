package org.jcm.registry.outbox;

import io.opentelemetry.api.OpenTelemetry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jcm.registry.write.store.DatabaseRecovery;

/**
 * Sends every committed ledger event to Kafka, in sequence order, and records in PostgreSQL
 * ({@code outbox_position}) the last seq the broker acknowledged.
 *
 * <p>One thread does everything: it checks that the database is not in recovery (a hot standby
 * grants advisory locks apart from the primary: {@link State#DATABASE_IN_RECOVERY}), takes a
 * PostgreSQL advisory lock so that only one instance publishes, reads a batch of events after the recorded position, sends it as one transaction of
 * an idempotent, transactional producer ({@code acks=all}), and moves the position once the
 * transaction committed. On any failure it drops the producer, pauses, and starts again from the
 * recorded position, so a {@code read_committed} consumer never sees an event skipped or out of
 * order; what it may see is an event twice (committed, but the position was not recorded), with
 * the same seq and the same bytes.
 *
 * <p>This class is the thread and its state; {@link OutboxDatabase} holds the SQL (lock, events,
 * position) and {@link OutboxProducer} the Kafka side (topic, transactional producer).
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
        /**
         * The database is in recovery (a hot standby, {@code pg_is_in_recovery()}): this instance
         * takes no lock and publishes nothing, since a standby grants the lock apart from the
         * primary and publishing would fence the real publisher's producer; it checks again every
         * {@code max-retry-backoff}, so a promoted standby is published from.
         */
        DATABASE_IN_RECOVERY,
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
    private final OutboxDatabase outbox;
    private final OutboxProducer producer;
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
        this(settings, database, kafkaConfig, OpenTelemetry.noop());
    }

    /** As above, with a {@code kafka publish} span per traced event (docs/operations.md, "Tracing"). */
    public OutboxPublisher(OutboxSettings settings, ConnectionFactory database, Map<String, Object> kafkaConfig,
                           OpenTelemetry openTelemetry) {
        this.settings = settings;
        this.outbox = new OutboxDatabase(database, settings.topic());
        this.producer = new OutboxProducer(settings, Map.copyOf(kafkaConfig), openTelemetry);
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
                    if (state != State.PUBLISHING && outbox.inRecovery()) {
                        inRecovery();
                        await(settings.maxRetryBackoff());
                        continue;
                    }
                    if (!outbox.holdLock()) {
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
            producer.close();
            outbox.close();
            state = State.STOPPED;
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
            position = outbox.readPosition();
            acknowledgedSeq = position;
            LOG.infof("Outbox publisher for %s starts after seq %d", settings.topic(), position);
        }
        List<OutboxDatabase.Pending> batch = outbox.readBatch(position, settings.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        producer.ensureProducer();
        waitingSince = Instant.now();
        producer.sendInTransaction(batch);
        waitingSince = null;
        long last = batch.get(batch.size() - 1).seq();
        outbox.recordPosition(last);
        position = last;
        acknowledgedSeq = last;
        acknowledgedAt = Instant.now();
        return batch.size();
    }

    private void inRecovery() {
        if (state != State.DATABASE_IN_RECOVERY) {
            LOG.warnf("%s: %s", DatabaseRecovery.STATE, DatabaseRecovery.detail("the outbox publisher for " + settings.topic()));
        }
        state = State.DATABASE_IN_RECOVERY;
        consecutiveFailures = 0;
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
        producer.close();
        waitingSince = null;
        position = -1;
        if (e instanceof SQLException) {
            outbox.close();
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
