package org.jcm.settlement.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.jcm.settlement.apply.BatchEffects;
import org.jcm.settlement.config.SettlementConfig;
import org.jcm.settlement.config.VenueConfig;
import org.jcm.settlement.feed.SessionCalendar;
import org.jcm.settlement.metrics.TradeDecisionMetrics;
import org.jcm.settlement.stream.FeedBroadcaster;
import org.jcm.settlement.persistence.AppliedBatch;
import org.jcm.settlement.persistence.BatchWriter;
import org.jcm.settlement.persistence.Position;
import org.jcm.settlement.persistence.Transactions;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.witness.LeafBatch;
import org.jcm.settlement.webhook.Outbox;
import org.jcm.settlement.witness.TreeStore;

/**
 * The single writer of the settlement database's ledger-derived data: one thread reads the ledger
 * topic and folds it, a second commits each poll's new events in one transaction together with the
 * new position; the first also sweeps overdue trades and runs rebuilds. Being the only applier is what lets it keep the folded ledger
 * state in memory.
 */
@ApplicationScoped
public class LedgerConsumer {

    private static final Logger LOG = Logger.getLogger(LedgerConsumer.class);

    private final SettlementConfig config;
    private final DataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final Clock clock;
    private final SessionCalendar sessions;
    private final FeedBroadcaster broadcaster;
    private final Timer commitToFeed;
    private final Timer batchTimer;
    private final Counter eventsApplied;
    private final LedgerTracing tracing;
    private final TradeDecisionMetrics decisions;

    private final ParallelDecoder decoder = new ParallelDecoder();
    private final AtomicReference<ConsumerStatus> status = new AtomicReference<>(ConsumerStatus.initial());
    private final AtomicReference<CompletableFuture<Long>> rebuildRequest = new AtomicReference<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> kafka;
    private Thread thread;
    private long nextSweepNanos = System.nanoTime();
    private long nextFeedCheckNanos = System.nanoTime();
    // Set when a registration settled a trade at once: its feed entries wait for this thread.
    private final AtomicBoolean settledOnRegistration = new AtomicBoolean(true);

    LedgerConsumer(SettlementConfig config, DataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Clock clock,
            FeedBroadcaster broadcaster, MeterRegistry meters, VenueConfig venues, OpenTelemetry openTelemetry,
            TradeDecisionMetrics decisions) {
        this.config = config;
        this.tracing = new LedgerTracing(openTelemetry);
        this.decisions = decisions;
        this.sessions = venues.calendar();
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.clock = clock;
        this.broadcaster = broadcaster;
        this.commitToFeed = Timer.builder("settlement.commit.to.feed")
                .description("Time from a ledger event's commit (its at) to the commit of its effects, while live")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
        this.batchTimer = Timer.builder("settlement.batch.apply").description("Time to apply one poll's events")
                .register(meters);
        this.eventsApplied = Counter.builder("settlement.events.applied").description("Ledger events applied")
                .register(meters);
        Gauge.builder("settlement.ledger.applied.seq", status, s -> s.get().lastAppliedSeq())
                .description("The last ledger sequence number applied").register(meters);
        Gauge.builder("settlement.consumer.lag.records", status, s -> s.get().lagRecords())
                .description("Records on the ledger topic not yet read, -1 when unknown").register(meters);
    }

    void start(@Observes StartupEvent event) {
        if (!config.consumer().enabled()) {
            update(ConsumerState.STOPPED, null);
            return;
        }
        running = true;
        thread = new Thread(this::run, "settlement-ledger-consumer");
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
        update(ConsumerState.STOPPED, null);
    }

    /** The consumer's current status. */
    public ConsumerStatus status() {
        return status.get();
    }

    /**
     * Asks for a rebuild: the derived data is wiped and the ledger applied again from sequence 1.
     * Completes with the new generation once the wipe has committed.
     */
    public CompletionStage<Long> requestRebuild() {
        CompletableFuture<Long> request = new CompletableFuture<>();
        CompletableFuture<Long> earlier = rebuildRequest.getAndSet(request);
        if (earlier != null) {
            request.whenComplete((generation, failure) -> {
                if (failure == null) {
                    earlier.complete(generation);
                } else {
                    earlier.completeExceptionally(failure);
                }
            });
        }
        if (!running) {
            request.completeExceptionally(new IllegalStateException("the ledger consumer is not running"));
        }
        return request;
    }

    private void run() {
        boolean rebuild = config.consumer().rebuildOnStart();
        while (running) {
            try {
                CompletableFuture<Long> request = rebuildRequest.getAndSet(null);
                if (rebuild || request != null) {
                    long generation = Transactions.locked(dataSource,
                            c -> BatchWriter.resetForRebuild(c, config.ledgerId()));
                    LOG.infof("Rebuild: derived data wiped, generation %d; applying the ledger from sequence 1", generation);
                    rebuild = false;
                    if (request != null) {
                        request.complete(generation);
                    }
                }
                session();
            } catch (WakeupException e) {
                // Shutdown: the loop condition ends the thread.
            } catch (FatalEntryException e) {
                LOG.errorf("The ledger consumer stopped: %s. Rebuild (POST /api/v1/admin/rebuild) once the topic is repaired.",
                        e.getMessage());
                update(ConsumerState.FAILED, e.getMessage());
                waitForRebuild();
            } catch (Exception e) {
                LOG.errorf(e, "The ledger consumer failed; starting over in %s", config.consumer().retryBackoff());
                update(ConsumerState.RETRYING, e.getClass().getSimpleName() + ": " + e.getMessage());
                pause(config.consumer().retryBackoff());
            }
        }
    }

    /** Reads the topic from its first record until shutdown, a rebuild request or a failure. */
    private void session() throws Exception {
        Position position = Transactions.locked(dataSource, c -> BatchWriter.position(c, config.ledgerId()));
        long treeSize = Transactions.locked(dataSource, c -> TreeStore.size(c, config.ledgerId()));
        ConsumerSession session = new ConsumerSession(config.ledgerId(), config.consumer().verifyChain(), position,
                treeSize, decoder);
        boolean rebuilding = position.lastSeq() == 0 && position.generation() > 0;
        status.set(new ConsumerStatus(ConsumerState.STARTING, position.lastSeq(), position.lastAt(), 0, -1, 0,
                position.generation(), null));
        TopicPartition partition = new TopicPartition(config.consumer().topic(), config.consumer().partition());
        // Two stages: this thread polls, decodes, verifies and folds the next batch while the writer
        // thread commits the previous one, so the CPU work and the database overlap. At most one
        // batch is in flight, and batches commit in order.
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "settlement-ledger-writer"));
        CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
        KafkaConsumer<String, byte[]> consumer = newConsumer();
        try {
            kafka = consumer;
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long lag = -1;
            while (running && rebuildRequest.get() == null) {
                ConsumerRecords<String, byte[]> records = consumer.poll(config.consumer().pollTimeout());
                boolean live = lag == 0;
                ConsumerSession.PollResult result = session.read(records.records(partition));
                if (!result.isEmpty()) {
                    join(inFlight);
                    BatchEffects effects = result.effects();
                    LeafBatch leaves = result.leaves();
                    Map<Long, Span> traced = effects.isEmpty() ? Map.of()
                            : tracing.received(records.records(partition), effects.fromSeq(), effects.toSeq());
                    inFlight = CompletableFuture.runAsync(
                            () -> tracing.applying(traced, () -> commit(session, effects, leaves, live)), writer);
                }
                if (result.seekBackTo() >= 0) {
                    consumer.seek(partition, result.seekBackTo());
                }
                OptionalLong currentLag = consumer.currentLag(partition);
                lag = currentLag.orElse(-1);
                rebuilding = rebuilding && lag != 0;
                report(session, position.generation(), lag, rebuilding);
                if (inFlight.isDone()) {
                    join(inFlight);
                    feedSettledOnRegistration();
                    sweepIfDue(lag == 0 && session.waitingForSeq() == 0);
                }
            }
            join(inFlight);
            report(session, position.generation(), consumer.currentLag(partition).orElse(-1), rebuilding);
        } finally {
            kafka = null;
            // Nothing to hand back to the broker (no consumer group; the position lives in
            // PostgreSQL), so the close does not wait for the fetch in flight, which kept a rebuild
            // waiting up to fetch.max.wait.ms (about 0.4 s measured) before its wipe.
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            inFlight.exceptionally(e -> null).join();
            writer.shutdown();
        }
    }

    /** Waits for a commit and rethrows its failure as it was thrown. */
    private static void join(CompletableFuture<Void> commit) throws Exception {
        try {
            commit.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Commits a batch's effects and the witness tree's new leaves in one transaction; returns what it applied, or null. */
    private AppliedBatch commit(ConsumerSession session, BatchEffects effects, LeafBatch leaves, boolean live) {
        long started = System.nanoTime();
        AppliedBatch applied;
        try {
            applied = Transactions.locked(dataSource, c -> {
                AppliedBatch batch = effects.isEmpty() ? null : BatchWriter.write(c, config.ledgerId(), effects, clock,
                        sessions);
                if (batch != null) {
                    Outbox.enqueue(c, effects.notices(), batch.tradesChanged());
                }
                TreeStore.append(c, config.ledgerId(), leaves);
                return batch;
            });
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
        if (applied == null) {
            return null;
        }
        decisions.decided(applied.tradesChanged());
        session.committed(effects);
        batchTimer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        eventsApplied.increment(effects.eventCount());
        if (live) {
            long lagMillis = Math.max(0, clock.millis() - effects.lastAt().toEpochMilli());
            commitToFeed.record(Duration.ofMillis(lagMillis));
        }
        broadcaster.publish(applied);
        return applied;
    }

    /**
     * Tells the consumer that a registration settled a trade whose delivery was applied before it
     * was registered; the consumer puts it into the feeds on its next turn.
     */
    public void settledOnRegistration() {
        settledOnRegistration.set(true);
    }

    /**
     * Puts trades settled by their registration into the bars, last prices and the stream. Runs
     * when a registration of this instance asked for it, and every sweep interval in case one of
     * another instance did; only between batches, so the stream hears of bars in one order.
     */
    private void feedSettledOnRegistration() throws Exception {
        long now = System.nanoTime();
        boolean asked = settledOnRegistration.getAndSet(false);
        if (!asked && now - nextFeedCheckNanos < 0) {
            return;
        }
        nextFeedCheckNanos = now + config.dvp().sweepInterval().toNanos();
        AppliedBatch fed = Transactions.locked(dataSource, c -> BatchWriter.feedSettledOnRegistration(c, sessions));
        if (!fed.legs().isEmpty()) {
            broadcaster.publish(fed);
        }
    }

    private void sweepIfDue(boolean caughtUp) throws Exception {
        // The interval runs on the monotonic timer: the clock says which deadlines have passed, and
        // it may be set back (by tests, or by an operator correcting it) without stopping sweeps.
        long now = System.nanoTime();
        if (!caughtUp || now - nextSweepNanos < 0) {
            return;
        }
        nextSweepNanos = now + config.dvp().sweepInterval().toNanos();
        List<RegisteredTrade> failed = Transactions.locked(dataSource, this::failOverdue);
        decisions.decided(failed);
        if (!failed.isEmpty()) {
            LOG.infof("%d registered trade(s) failed: no delivery by their deadline", failed.size());
        }
    }

    /** Sweeps overdue trades now, whatever the interval; for tests that move the clock. */
    public List<RegisteredTrade> sweepNow() throws Exception {
        List<RegisteredTrade> failed = Transactions.locked(dataSource, this::failOverdue);
        decisions.decided(failed);
        return failed;
    }

    /** Fails overdue trades and writes their webhook deliveries in the same transaction. */
    private List<RegisteredTrade> failOverdue(java.sql.Connection connection) throws SQLException {
        List<RegisteredTrade> failed = BatchWriter.failOverdue(connection, clock);
        Outbox.enqueue(connection, List.of(), failed);
        return failed;
    }

    private void report(ConsumerSession session, long generation, long lag, boolean rebuilding) {
        ConsumerState state;
        String problem = null;
        if (session.waitingForSeq() > 0) {
            state = ConsumerState.WAITING_FOR_GAP;
            problem = "entry " + session.gapSeq() + " arrived before entry " + session.waitingForSeq()
                    + "; waiting for the missing entries";
        } else if (lag == 0) {
            state = ConsumerState.RUNNING;
        } else {
            state = rebuilding ? ConsumerState.REBUILDING : ConsumerState.CATCHING_UP;
        }
        status.set(new ConsumerStatus(state, session.appliedSeq(), session.appliedAt(), session.foldedSeq(), lag,
                session.waitingForSeq(), generation, problem));
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        // The position lives in PostgreSQL, so there is no consumer group and nothing to commit to Kafka.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords());
        // Large fetches let a rebuild read tens of thousands of entries per poll.
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "settlement-" + config.ledgerId());
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void update(ConsumerState state, String problem) {
        ConsumerStatus s = status.get();
        status.set(new ConsumerStatus(state, s.lastAppliedSeq(), s.lastAppliedAt(), s.foldedSeq(), s.lagRecords(),
                s.waitingForSeq(), s.generation(), problem));
    }

    private void waitForRebuild() {
        while (running && rebuildRequest.get() == null) {
            pause(Duration.ofMillis(200));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
