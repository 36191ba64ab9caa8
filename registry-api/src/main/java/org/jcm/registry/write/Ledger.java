package org.jcm.registry.write;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.store.LedgerStore;

/**
 * The ledger as the rest of the service sees it: submits commands to the current
 * {@link LedgerWriter}, answers on the caller's Vert.x context (so that responses are built there,
 * not on the writer thread), fans committed batches out to {@link CommitListener}s (which survive
 * writer restarts), and owns the writer's life: started at start-up, stopped at shutdown,
 * {@link #restartWriter() restarted} on demand.
 */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class);
    private static final String NOT_CONFIRMED =
            "The ledger did not confirm the request in time; retry with the same Idempotency-Key.";

    private final WriterConfig config;
    private final ReferenceConfig referenceConfig;
    private final LedgerConfig ledgerConfig;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final CommitListener fanOut = this::fanOut;
    private final CheckpointAnchor checkpoints;
    private final OpenTelemetry openTelemetry;
    private volatile LedgerWriter writer;

    Ledger(WriterConfig config, ReferenceConfig referenceConfig, LedgerRulesConfig rules, MeterRegistry meters, Clock clock,
           @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
           @ConfigProperty(name = "quarkus.datasource.username") String user,
           @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password,
           CheckpointAnchor checkpoints, OpenTelemetry openTelemetry) {
        this.checkpoints = checkpoints;
        this.openTelemetry = openTelemetry;
        listeners.add(checkpoints);
        this.config = config;
        this.referenceConfig = referenceConfig;
        this.ledgerConfig = rules.ledgerConfig();
        this.meters = meters;
        this.clock = clock;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password.orElse(null);
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("jcm.writer.queue.depth", this, ledger -> ledger.writer == null ? 0 : ledger.writer.queueDepth())
                .description("Commands waiting for the ledger writer").register(meters);
        Gauge.builder("jcm.writer.failed", this, ledger -> ledger.writer != null
                        && ledger.writer.status() == WriterStatus.FAILED ? 1 : 0)
                .description("1 while the writer refuses to apply anything because the stored ledger failed a check")
                .register(meters);
        writer = newWriter(null);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        LedgerWriter current = writer;
        if (current != null) {
            current.stop();
        }
    }

    /**
     * Stops the current writer (after its batch in progress; queued commands are answered 503) and
     * starts a new one on the same database, which takes the lock and replays the ledger. For
     * operations and for tests of restarts.
     */
    public synchronized LedgerWriter restartWriter() {
        LedgerWriter old = writer;
        if (old != null) {
            old.stop();
        }
        writer = newWriter(old);
        writer.start();
        LOG.info("Ledger writer restarted");
        return writer;
    }

    /** The current writer. */
    public LedgerWriter writer() {
        return writer;
    }

    /** The reference data as last committed. */
    public ReferenceView reference() {
        return writer.reference();
    }

    /**
     * Submits one command; the result arrives on the caller's context after its batch committed.
     * The writer decides its idempotency key (see {@link KeyDecisions}).
     */
    public Uni<CommandResult> submit(LedgerWriter.Item item) {
        return Uni.createFrom().completionStage(() -> writer.submit(item, completer()))
                .ifNoItem().after(config.commitTimeout())
                .recoverWithItem(() -> new CommandResult.Unavailable(LedgerWriter.LEDGER_UNAVAILABLE, NOT_CONFIRMED));
    }

    /**
     * Submits commands applied in one batch, each with its own outcome (see
     * {@link LedgerWriter#submit(List, IdempotencyKey, Actor, Executor)}).
     */
    public Uni<BatchOutcome> submit(List<LedgerWriter.Item> items, IdempotencyKey batchKey, Actor batchActor) {
        return Uni.createFrom().completionStage(() -> writer.submit(items, batchKey, batchActor, completer()))
                .ifNoItem().after(config.commitTimeout())
                .recoverWithItem(() -> new BatchOutcome.Unavailable(LedgerWriter.LEDGER_UNAVAILABLE, NOT_CONFIRMED));
    }

    /**
     * Adds a listener told, on the writer thread and in sequence order, about every batch of events
     * committed from now on (by this and any later writer instance). It must not block.
     */
    public void addCommitListener(CommitListener listener) {
        listeners.add(listener);
    }

    public void removeCommitListener(CommitListener listener) {
        listeners.remove(listener);
    }

    /** The sequence number of the last committed event. */
    public long committedSeq() {
        return writer.committedSeq();
    }

    private void fanOut(CommittedBatch batch) {
        for (CommitListener listener : listeners) {
            try {
                listener.committed(batch);
            } catch (RuntimeException e) {
                LOG.error("A commit listener failed", e);
            }
        }
    }

    private LedgerWriter newWriter(LedgerWriter previous) {
        LedgerStore store = new LedgerStore(jdbcUrl, user, password, ledgerConfig);
        LedgerWriter created = new LedgerWriter(config, store, clock, meters,
                () -> ReferenceParties.load(referenceConfig), previous, checkpoints, openTelemetry);
        created.addCommitListener(fanOut);
        return created;
    }

    /** Completes on the caller's Vert.x context when there is one, so that answers are built there. */
    private static Executor completer() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return ForkJoinPool.commonPool();
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
