package org.jcm.registry.write;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.StateMachine;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.store.LedgerStore;

/**
 * The single writer of the ledger: one dedicated thread owns ledger-core's {@link LedgerState},
 * decides queued commands in batches with {@link StateMachine#decide}, encodes the events, assigns
 * sequence numbers and hashes in memory, folds them, persists each batch in one PostgreSQL
 * transaction, and only then completes the callers' futures. The state's undo journal is on, so
 * that a command that fails, or a batch whose rows PostgreSQL refuses, is taken back without
 * rebuilding the state. See {@code docs/writer.md}.
 *
 * <p>This class is the writer's face to other threads: request threads call {@link #submit}
 * (refused at once when the submission cannot be stored, the writer is not active or the queue is
 * full); the writer thread runs {@link WriterLoop}, which activates ({@link Activation}) and
 * processes batches ({@link BatchProcessor}, {@link KeyDecisions}, {@link CommandApplier}) and acts
 * on pending transfers and proposals when they come due ({@link DueActions}). The
 * writer holds a PostgreSQL session advisory lock on its connection while it is
 * {@link WriterStatus#ACTIVE}; an instance without the lock answers {@code not_the_writer}.
 */
public final class LedgerWriter {

    /** The retryable codes a submission can be answered with before it is applied. */
    public static final String NOT_THE_WRITER = "not_the_writer";
    public static final String LEDGER_UNAVAILABLE = "ledger_unavailable";
    public static final String WRITER_OVERLOADED = "writer_overloaded";
    /**
     * The detail of 403 {@code forbidden} for a replay by another actor: an earlier request with the
     * same token subject and key was made with another role or scope (another organization, say).
     */
    public static final String REPLAY_FORBIDDEN = "This Idempotency-Key was used by this token's subject with another"
            + " role or scope than this token's; its outcome is answered only to the same role and scope.";
    /** The code of a command the ledger cannot encode or store because of its content (422). */
    public static final String UNPROCESSABLE_COMMAND = "unprocessable_command";

    /** One command to submit: the command, who issues it, and its idempotency key (null for none). */
    public record Item(Command command, Actor actor, IdempotencyKey key) {
        public Item {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(actor, "actor");
        }
    }

    private final WriterConfig config;
    private final WriterMetrics metrics;
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final WriterView view;
    private final SubmissionQueue queue;
    private final Thread thread;
    private final WriterTracing tracing;

    /**
     * A writer (not yet started). {@code referenceParties} are registered at activation when the
     * ledger lacks them (if {@link WriterConfig#bootstrapParties()}).
     */
    public LedgerWriter(WriterConfig config, LedgerStore store, Clock clock, MeterRegistry meters,
                        Supplier<List<Party>> referenceParties) {
        this(config, store, clock, meters, referenceParties, null);
    }

    /**
     * A writer that replaces {@code previous} in this process (null for none): it shows the
     * previous one's reference data until it has loaded its own.
     */
    public LedgerWriter(WriterConfig config, LedgerStore store, Clock clock, MeterRegistry meters,
                        Supplier<List<Party>> referenceParties, LedgerWriter previous) {
        this(config, store, clock, meters, referenceParties, previous, CheckpointAnchor.NONE);
    }

    /**
     * A writer that replaces {@code previous} (null for none) and checks the stored ledger against
     * the transparency log's signed checkpoints ({@code anchor}), at activation and at every self-check.
     */
    public LedgerWriter(WriterConfig config, LedgerStore store, Clock clock, MeterRegistry meters,
                        Supplier<List<Party>> referenceParties, LedgerWriter previous, CheckpointAnchor anchor) {
        this(config, store, clock, meters, referenceParties, previous, LedgerCore.STATE_MACHINE, anchor, WriterTracing.NONE);
    }

    /** As above, tracing submissions and batches with {@code openTelemetry} (docs/operations.md, "Tracing"). */
    public LedgerWriter(WriterConfig config, LedgerStore store, Clock clock, MeterRegistry meters,
                        Supplier<List<Party>> referenceParties, LedgerWriter previous, CheckpointAnchor anchor,
                        OpenTelemetry openTelemetry) {
        this(config, store, clock, meters, referenceParties, previous, LedgerCore.STATE_MACHINE, anchor,
                new WriterTracing(openTelemetry));
    }

    /** A writer that decides and folds with {@code core} (tests simulate defects of ledger-core with it). */
    LedgerWriter(WriterConfig config, LedgerStore store, Clock clock, MeterRegistry meters,
                 Supplier<List<Party>> referenceParties, LedgerWriter previous, LedgerCore core) {
        this(config, store, clock, meters, referenceParties, previous, core, CheckpointAnchor.NONE, WriterTracing.NONE);
    }

    private LedgerWriter(WriterConfig config, LedgerStore store, Clock clock, MeterRegistry meters,
                         Supplier<List<Party>> referenceParties, LedgerWriter previous, LedgerCore core,
                         CheckpointAnchor anchor, WriterTracing tracing) {
        this.config = config;
        this.tracing = tracing;
        this.metrics = new WriterMetrics(meters);
        this.view = new WriterView(previous == null ? ReferenceView.EMPTY : previous.reference());
        this.queue = new SubmissionQueue(config.queueCapacity(), config.maxBatchSize());
        WriterSession session = new WriterSession(clock);
        KeyDecisions keys = new KeyDecisions(config.recentKeys(), store, metrics, session.rows);
        BatchProcessor processor = new BatchProcessor(store, session, view, metrics, keys,
                new CommandApplier(core, session, metrics), listeners, tracing);
        Activation activation = new Activation(config, store, session, view, queue, metrics, keys, processor, referenceParties,
                anchor);
        DueActions due = new DueActions(config, session, view, processor, metrics);
        SelfCheck selfCheck = new SelfCheck(config, session, view, metrics, anchor);
        this.thread = new Thread(new WriterLoop(view, queue, activation, processor, due, selfCheck, metrics, session),
                "ledger-writer");
        this.thread.setDaemon(true);
    }

    /** Starts the writer thread, which takes the lock, replays the ledger and then applies commands. */
    public void start() {
        if (!config.enabled()) {
            view.set(WriterStatus.STANDBY, "writing is disabled on this instance (jcm.writer.enabled=false)");
            return;
        }
        thread.start();
    }

    /**
     * Stops after the batch in progress; queued submissions are answered {@code ledger_unavailable}
     * and the connection (with the lock) is closed.
     */
    public void stop() {
        view.stop();
        if (thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        view.set(WriterStatus.STOPPED, "stopped");
        queue.failAll(LEDGER_UNAVAILABLE, "The ledger writer is stopping; retry.", metrics);
    }

    /**
     * Submits one command. The writer decides its key (if any) with the batch it lands in; the
     * future is completed on {@code completer} after the command's batch committed (or failed).
     */
    public CompletableFuture<CommandResult> submit(Item item, Executor completer) {
        return submit(List.of(item), null, null, completer).thenApply(outcome -> {
            if (outcome instanceof BatchOutcome.Items items) {
                return items.results().get(0);
            }
            if (outcome instanceof BatchOutcome.Refused refused) {
                return new CommandResult.Refused(refused.status(), refused.code(), refused.detail());
            }
            if (outcome instanceof BatchOutcome.Unavailable unavailable) {
                return new CommandResult.Unavailable(unavailable.code(), unavailable.detail());
            }
            throw new IllegalStateException("A submission without a batch key was answered " + outcome);
        });
    }

    /**
     * Submits commands that are applied in order within one batch (one transaction), each with its
     * own outcome. {@code batchKey}, if not null, is the idempotency key of the submission as a whole,
     * sent by {@code batchActor} (whose role and scope a replay of the batch must have).
     */
    public CompletableFuture<BatchOutcome> submit(List<Item> items, IdempotencyKey batchKey, Actor batchActor,
                                                  Executor completer) {
        if (batchKey != null) {
            Objects.requireNonNull(batchActor, "batchActor");
        }
        CompletableFuture<BatchOutcome> future = new CompletableFuture<>();
        Submission submission = new Submission(items, batchKey, batchActor, completer, future,
                Span.current().getSpanContext(), tracing.submitted(items.size()));
        BatchOutcome refused = Admission.refusal(submission, metrics);
        if (refused == null) {
            refused = unavailable(items.size());
        }
        if (refused == null && !queue.offer(submission)) {
            metrics.refused(WRITER_OVERLOADED, items.size());
            refused = new BatchOutcome.Unavailable(WRITER_OVERLOADED,
                    "The ledger writer has " + config.queueCapacity() + " commands waiting; retry shortly.");
        }
        if (refused != null) {
            submission.refusedAtOnce(refused);
        }
        return future;
    }

    /**
     * 503 while the writer is not active: {@code not_the_writer} on a standby or on a database in
     * recovery, else {@code ledger_unavailable}.
     */
    private BatchOutcome unavailable(int commands) {
        WriterStatus now = view.status();
        if (now == WriterStatus.ACTIVE) {
            return null;
        }
        String code = now == WriterStatus.STANDBY || now == WriterStatus.DATABASE_IN_RECOVERY ? NOT_THE_WRITER
                : LEDGER_UNAVAILABLE;
        metrics.refused(code, commands);
        return new BatchOutcome.Unavailable(code, view.detail());
    }

    /** The sequence number of the last committed event (0 for an empty ledger). */
    public long committedSeq() {
        return view.committedSeq();
    }

    /** The hash of the last committed event, lowercase hex (64 zeros for an empty ledger). */
    public String committedHeadHex() {
        return HashChain.toHex(view.committedHead());
    }

    /** The reference data as last committed ({@link ReferenceView#EMPTY} until the ledger was first loaded). */
    public ReferenceView reference() {
        return view.reference();
    }

    /** The writer's status and why, for health checks and 503 details. */
    public WriterStatus status() {
        return view.status();
    }

    /** A sentence about the status. */
    public String statusDetail() {
        return view.detail();
    }

    /** Whether the writer thread runs (or writing is disabled here, which is healthy too). */
    public boolean threadAlive() {
        return !config.enabled() || thread.isAlive() || view.status() == WriterStatus.STOPPED;
    }

    /** Commands waiting in the queue. */
    public int queueDepth() {
        return queue.depth();
    }

    /** Adds a listener told about every committed batch of events (see {@link CommitListener}). */
    public void addCommitListener(CommitListener listener) {
        listeners.add(listener);
    }

    public void removeCommitListener(CommitListener listener) {
        listeners.remove(listener);
    }

    /** Waits until the writer is active (or gave up: standby, failed, stopped); returns the status. */
    public WriterStatus awaitStarted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (view.status() == WriterStatus.STARTING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return view.status();
    }
}
