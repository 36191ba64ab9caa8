package org.jcm.registry.service;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.StateMachine;
import org.jcm.ledger.rule.Outcome;
import org.jcm.registry.write.store.BatchRows;
import org.jcm.registry.write.store.ChangeRows;
import org.jcm.registry.write.store.EventIndex;
import org.jcm.registry.write.store.LedgerStore;
import org.jcm.registry.write.store.LedgerVerificationException;
import org.jcm.registry.write.store.LoadedLedger;
import org.jcm.registry.write.store.SqlFaults;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.registry.problem.ProblemCodes;

/**
 * The single writer of the ledger: one dedicated thread owns ledger-core's {@link LedgerState},
 * decides queued commands in batches with {@link StateMachine#decide}, encodes the events, assigns
 * sequence numbers and hashes in memory, folds them, persists each batch in one PostgreSQL
 * transaction, and only then completes the callers' futures. The state's undo journal is on, so
 * that a command that fails, or a batch whose rows PostgreSQL refuses, is taken back without
 * rebuilding the state. See {@code docs/writer.md}.
 *
 * <p>Request threads call {@link #submit}; everything else runs on the writer thread. The writer
 * holds a PostgreSQL session advisory lock on its connection while it is {@link WriterStatus#ACTIVE};
 * an instance without the lock answers {@code not_the_writer}.
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

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);
    private static final Actor BOOTSTRAP = Actor.operator("bootstrap");
    /**
     * The checkpoint of a submission whose caller did not look its keys up in PostgreSQL: the
     * writer looks them up (those it does not remember) with the batch.
     */
    public static final long UNCHECKED = Long.MIN_VALUE;
    private static final long POLL_MILLIS = 100;

    /** One command to submit: the command, who issues it, and its idempotency key (null for none). */
    public record Item(Command command, Actor actor, IdempotencyKey key) {
        public Item {
            java.util.Objects.requireNonNull(command, "command");
            java.util.Objects.requireNonNull(actor, "actor");
        }
    }

    private final WriterConfig config;
    private final LedgerCore core;
    private final LedgerStore store;
    private final Clock clock;
    private final Supplier<List<Party>> referenceParties;
    private final WriterMetrics metrics;
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

    // Shared with request threads.
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedCommands = new AtomicInteger();
    private final Thread thread;
    private volatile WriterStatus status = WriterStatus.STARTING;
    private volatile String statusDetail = "starting";
    private volatile boolean stopping;
    private volatile long checkpoint;
    private volatile long committedSeq;
    private volatile byte[] committedHead = HashChain.zero();
    private volatile ReferenceView reference = ReferenceView.EMPTY;

    // Owned by the writer thread.
    private Connection connection;
    private boolean locked;
    private LedgerState state;
    private byte[] head;
    private ChangeRows changeRows;
    private final BatchRows rows = new BatchRows();
    private final EventIndex index = new EventIndex(rows);
    private final RecentKeys recent;
    private final List<SubjectKey> addedThisBatch = new ArrayList<>();
    private Instant lastAt = Instant.EPOCH;

    /**
     * A writer (not yet started). {@code referenceParties} are registered at activation when the
     * ledger lacks them (if {@link WriterConfig#bootstrapParties()}).
     */
    public LedgerWriter(WriterConfig config, LedgerStore store, Clock clock, MeterRegistry meters,
                        Supplier<List<Party>> referenceParties) {
        this(config, store, clock, meters, referenceParties, null);
    }

    /**
     * A writer that replaces {@code previous} in this process (null for none): its
     * {@link #checkpoint()} continues after the previous one's, so that submissions checked against
     * the old writer are recognized as stale, and it shows the previous reference data until it
     * has loaded its own.
     */
    public LedgerWriter(WriterConfig config, LedgerStore store, Clock clock, MeterRegistry meters,
                        Supplier<List<Party>> referenceParties, LedgerWriter previous) {
        this(config, store, clock, meters, referenceParties, previous, LedgerCore.STATE_MACHINE);
    }

    /** A writer that decides and folds with {@code core} (tests simulate defects of ledger-core with it). */
    LedgerWriter(WriterConfig config, LedgerStore store, Clock clock, MeterRegistry meters,
                 Supplier<List<Party>> referenceParties, LedgerWriter previous, LedgerCore core) {
        this.core = core;
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.referenceParties = referenceParties;
        this.recent = new RecentKeys(config.recentKeys());
        this.metrics = new WriterMetrics(meters);
        if (previous != null) {
            this.checkpoint = previous.checkpoint();
            this.reference = previous.reference();
        }
        this.thread = new Thread(this::run, "ledger-writer");
        this.thread.setDaemon(true);
    }

    // ------------------------------------------------------------------ public API (any thread)

    /** Starts the writer thread, which takes the lock, replays the ledger and then applies commands. */
    public void start() {
        if (!config.enabled()) {
            status = WriterStatus.STANDBY;
            statusDetail = "writing is disabled on this instance (jcm.writer.enabled=false)";
            return;
        }
        thread.start();
    }

    /**
     * Stops after the batch in progress; queued submissions are answered {@code ledger_unavailable}
     * and the connection (with the lock) is closed.
     */
    public void stop() {
        stopping = true;
        if (thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        status = WriterStatus.STOPPED;
        statusDetail = "stopped";
        failQueued(LEDGER_UNAVAILABLE, "The ledger writer is stopping; retry.");
    }

    /**
     * Submits one command. {@code checkpoint} is {@link #checkpoint()} as read before the caller
     * looked the key up in PostgreSQL ({@link #UNCHECKED} if it left the look-up to the writer,
     * {@link Long#MAX_VALUE} if there is nothing to look up). The future is
     * completed on {@code completer} after the command's batch committed (or failed).
     */
    public CompletableFuture<CommandResult> submit(Item item, long checkpoint, Executor completer) {
        return submit(List.of(item), null, null, checkpoint, completer).thenApply(outcome -> {
            if (outcome instanceof BatchOutcome.Items items) {
                return items.results().get(0);
            }
            if (outcome instanceof BatchOutcome.Refused refused) {
                return new CommandResult.Refused(refused.status(), refused.code(), refused.detail());
            }
            BatchOutcome.Unavailable unavailable = (BatchOutcome.Unavailable) outcome;
            return new CommandResult.Unavailable(unavailable.code(), unavailable.detail());
        });
    }

    /**
     * Submits commands that are applied in order within one batch (one transaction), each with its
     * own outcome. {@code batchKey}, if not null, is the idempotency key of the submission as a whole,
     * sent by {@code batchActor} (whose role and scope a replay of the batch must have).
     */
    public CompletableFuture<BatchOutcome> submit(List<Item> items, IdempotencyKey batchKey, Actor batchActor,
                                                  long checkpoint, Executor completer) {
        if (batchKey != null) {
            java.util.Objects.requireNonNull(batchActor, "batchActor");
        }
        CompletableFuture<BatchOutcome> future = new CompletableFuture<>();
        // Rows PostgreSQL is known to refuse are refused here, before they cost the writer a failed
        // commit and a split (which remain for whatever else it refuses).
        String unstorable = unstorable(items, batchKey, batchActor);
        if (unstorable != null) {
            metrics.poison(WriterMetrics.STAGE_STORE);
            LOG.warnf("A submission of %d commands cannot be stored (%s); answering it 422", items.size(), unstorable);
            future.complete(new BatchOutcome.Refused(422, UNPROCESSABLE_COMMAND, "The ledger cannot store this request: "
                    + unstorable + ". Nothing of it was applied."));
            return future;
        }
        CommandResult[] poisoned = null;
        for (int i = 0; i < items.size(); i++) {
            String problem = unstorable(items.get(i));
            if (problem != null) {
                metrics.poison(WriterMetrics.STAGE_STORE);
                if (poisoned == null) {
                    poisoned = new CommandResult[items.size()];
                }
                poisoned[i] = new CommandResult.Refused(422, UNPROCESSABLE_COMMAND, "The ledger cannot store this request: "
                        + problem + ". Nothing was applied.");
            }
        }
        if (poisoned != null && batchKey == null && items.size() == 1) {
            future.complete(new BatchOutcome.Items(List.of(poisoned[0])));
            return future;
        }
        WriterStatus now = status;
        if (now != WriterStatus.ACTIVE) {
            String code = now == WriterStatus.STANDBY ? NOT_THE_WRITER : LEDGER_UNAVAILABLE;
            metrics.refused(code, items.size());
            future.complete(new BatchOutcome.Unavailable(code, statusDetail));
            return future;
        }
        int queued = queuedCommands.addAndGet(items.size());
        // A submission larger than the whole queue is still taken when nothing else waits.
        if (queued > config.queueCapacity() && queued > items.size()) {
            queuedCommands.addAndGet(-items.size());
            metrics.refused(WRITER_OVERLOADED, items.size());
            future.complete(new BatchOutcome.Unavailable(WRITER_OVERLOADED,
                    "The ledger writer has " + config.queueCapacity() + " commands waiting; retry shortly."));
            return future;
        }
        Submission submission = new Submission(items, batchKey, batchActor, checkpoint, completer, future);
        submission.poisoned = poisoned;
        queue.add(submission);
        return future;
    }

    /** Why PostgreSQL cannot store a transfer batch's own key, or null (see {@link SqlFaults#unstorable}). */
    private static String unstorable(List<Item> items, IdempotencyKey batchKey, Actor batchActor) {
        if (batchKey == null) {
            return null;
        }
        String problem = unstorable(batchKey, batchActor);
        if (problem != null) {
            return problem;
        }
        for (Item item : items) {
            if (item.key() != null && item.key().subjectKey().equals(batchKey.subjectKey())) {
                // Both records would have the same primary key.
                return "its Idempotency-Key is also the key of one of its items";
            }
        }
        return null;
    }

    private static String unstorable(Item item) {
        return unstorable(item.key(), item.actor());
    }

    /** Why the key's subject and name or the actor's subject and scope cannot be stored as they are, or null. */
    private static String unstorable(IdempotencyKey key, Actor actor) {
        String problem = SqlFaults.unstorable(actor.subject());
        if (problem == null) {
            problem = SqlFaults.unstorable(actor.scope());
        }
        if (problem == null && key != null) {
            problem = SqlFaults.unstorable(key.subjectKey().subject());
            if (problem == null) {
                problem = SqlFaults.unstorable(key.subjectKey().key());
            }
        }
        return problem == null ? null : problem + " in the token's subject or scope or in the Idempotency-Key";
    }

    /**
     * A counter that increases after every committed batch and every (re)activation. Read it
     * before looking an idempotency key up in PostgreSQL and pass it to {@link #submit}: the
     * writer then knows whether it must look the key up again itself.
     */
    public long checkpoint() {
        return checkpoint;
    }

    /** The sequence number of the last committed event (0 for an empty ledger). */
    public long committedSeq() {
        return committedSeq;
    }

    /** The hash of the last committed event, lowercase hex (64 zeros for an empty ledger). */
    public String committedHeadHex() {
        return HashChain.toHex(committedHead);
    }

    /** The reference data as last committed ({@link ReferenceView#EMPTY} until the ledger was first loaded). */
    public ReferenceView reference() {
        return reference;
    }

    /** Whether the reference data has been loaded from the ledger (answers may be built from it). */
    public boolean referenceLoaded() {
        return reference != ReferenceView.EMPTY;
    }

    /** The writer's status and why, for health checks and 503 details. */
    public WriterStatus status() {
        return status;
    }

    /** A sentence about the status. */
    public String statusDetail() {
        return statusDetail;
    }

    /** Whether the writer thread runs (or writing is disabled here, which is healthy too). */
    public boolean threadAlive() {
        return !config.enabled() || thread.isAlive() || status == WriterStatus.STOPPED;
    }

    /** Commands waiting in the queue. */
    public int queueDepth() {
        return queuedCommands.get();
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
        while (status == WriterStatus.STARTING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return status;
    }

    // ------------------------------------------------------------------ the writer thread

    private void run() {
        List<Submission> batch = new ArrayList<>();
        try {
            while (!stopping) {
                if (status == WriterStatus.FAILED) {
                    failQueued(LEDGER_UNAVAILABLE, statusDetail);
                    sleep(POLL_MILLIS);
                    continue;
                }
                if (status != WriterStatus.ACTIVE) {
                    activate();
                    continue;
                }
                Submission first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                int commands = first.items.size();
                for (Submission next = queue.peek(); next != null && commands + next.items.size() <= config.maxBatchSize();
                        next = queue.peek()) {
                    batch.add(queue.poll());
                    commands += next.items.size();
                }
                queuedCommands.addAndGet(-commands);
                process(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("The ledger writer thread failed", e);
            for (Submission s : batch) {
                if (!s.future.isDone()) {
                    s.complete(new BatchOutcome.Unavailable(LEDGER_UNAVAILABLE, "The ledger writer failed; retry."));
                }
            }
            status = WriterStatus.FAILED;
            statusDetail = "the writer thread failed: " + e;
        } finally {
            failQueued(LEDGER_UNAVAILABLE, "The ledger writer stopped; retry.");
            closeConnection();
        }
    }

    /** Takes the lock, replays the ledger and registers missing reference Parties. */
    private void activate() throws InterruptedException {
        try {
            if (connection == null || !connection.isValid(5)) {
                closeConnection();
                connection = store.connect();
            }
            if (!locked) {
                locked = store.tryLock(connection, config.lockKey());
                if (!locked) {
                    status = WriterStatus.STANDBY;
                    statusDetail = "another instance is the ledger writer (it holds PostgreSQL advisory lock "
                            + config.lockKey() + ")";
                    failQueued(NOT_THE_WRITER, statusDetail);
                    sleep(config.lockRetryInterval().toMillis());
                    return;
                }
            }
            status = WriterStatus.STARTING;
            statusDetail = "replaying the ledger";
            LoadedLedger loaded = store.load(connection, config.verifyBlocks());
            state = loaded.state();
            state.setJournaling(true);
            head = loaded.headHash();
            changeRows = new ChangeRows(loaded.storedAccounts());
            committedSeq = state.lastSeq();
            committedHead = head;
            reference = ReferenceView.of(state);
            recent.clear();
            checkpoint = checkpoint + 1;
            recent.invalidateThrough(checkpoint);
            LOG.infof("Ledger writer active: %d events replayed and verified in %d ms", state.lastSeq(), loaded.replayMillis());
            status = WriterStatus.ACTIVE;
            statusDetail = "active";
            bootstrapParties();
        } catch (LedgerVerificationException e) {
            LOG.errorf("The stored ledger failed verification; the writer will not apply commands: %s", e.getMessage());
            status = WriterStatus.FAILED;
            statusDetail = "the stored ledger failed verification: " + e.getMessage();
            failQueued(LEDGER_UNAVAILABLE, statusDetail);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("The ledger writer cannot reach PostgreSQL, retrying: %s", e.toString());
            closeConnection();
            status = WriterStatus.STARTING;
            statusDetail = "the ledger writer cannot reach PostgreSQL";
            failQueued(LEDGER_UNAVAILABLE, "The ledger is not available right now; retry.");
            sleep(1000);
        }
    }

    /** Registers the reference Parties the ledger does not know yet, as operator {@code bootstrap}. */
    private void bootstrapParties() {
        if (!config.bootstrapParties()) {
            return;
        }
        List<Item> missing = new ArrayList<>();
        for (Party party : referenceParties.get()) {
            if (state.party(party.code()).isEmpty() && state.partyByIso2(party.iso2()).isEmpty()) {
                missing.add(new Item(new RegisterParty(party), BOOTSTRAP, null));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Submission submission = new Submission(missing, null, null, Long.MAX_VALUE, Runnable::run, new CompletableFuture<>());
        process(List.of(submission));
        BatchOutcome outcome = submission.future.join();
        if (outcome instanceof BatchOutcome.Items items) {
            long accepted = items.results().stream().filter(r -> r instanceof CommandResult.Accepted).count();
            LOG.infof("Registered %d reference Parties", accepted);
            items.results().stream().filter(r -> !(r instanceof CommandResult.Accepted))
                    .forEach(r -> LOG.warnf("A reference Party was not registered: %s", r));
        } else {
            LOG.warnf("Reference Parties were not registered: %s", outcome);
        }
    }

    /**
     * Applies, persists and answers one batch. A command that fails while it is decided, encoded or
     * folded fails alone ({@link #poisoned}); a commit that PostgreSQL refuses because of some row
     * splits the batch ({@link #refused}); only a storage fault (or an undo that fails) rebuilds.
     */
    private void process(List<Submission> batch) {
        long batchNo = checkpoint + 1;
        rows.clear();
        addedThisBatch.clear();
        metrics.discardPending();
        byte[] batchHead = head;
        int batchMark = state.mark();
        Map<SubjectKey, StoredOutcome> stored;
        try {
            stored = lookUpStaleKeys(batch);
        } catch (SQLException e) {
            failed(batch, batchMark, batchHead, e);
            return;
        }
        try {
            for (Submission s : batch) {
                decide(s, batchNo, stored);
            }
        } catch (UndoFailed e) {
            rebuild(batch, WriterMetrics.REBUILD_UNDO_FAILED, e.getCause());
            return;
        }
        long started = System.nanoTime();
        try {
            changeRows.add(state.drainChanges(), state, rows);
            if (!rows.isEmpty()) {
                store.persist(connection, rows);
            } else {
                // Ends the read-only transaction of the key look-up, if there was one (pgjdbc sends
                // nothing when no transaction is open).
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            failed(batch, batchMark, batchHead, e);
            return;
        }
        long commitNanos = System.nanoTime() - started;
        state.release();
        committed(batch, batchNo);
        metrics.batch(countCommands(batch), rows.eventCount(), commitNanos);
    }

    /**
     * The batch's key look-up or commit failed. A storage fault (the connection, the server, a
     * serialization failure, anything unknown) is answered 503 and the state is rebuilt, since the
     * commit may or may not have happened. If PostgreSQL refused some row instead, the transaction
     * was rolled back for certain: the batch is taken back in memory and processed again in halves,
     * each its own transaction, until the submission whose rows are refused is alone; it gets 422
     * and everything else commits.
     */
    private void failed(List<Submission> batch, int batchMark, byte[] batchHead, Exception e) {
        if (!refusedRow(e)) {
            commitFailed(batch, e);
            return;
        }
        try {
            state.rollbackTo(batchMark);
        } catch (RuntimeException undo) {
            rebuild(batch, WriterMetrics.REBUILD_UNDO_FAILED, undo);
            return;
        }
        head = batchHead;
        rows.clear();
        forgetThisBatch();
        metrics.discardPending();
        if (batch.size() == 1) {
            refused(batch.get(0), e);
            state.release();
            return;
        }
        metrics.split();
        LOG.warnf("PostgreSQL refused a row of a batch of %d submissions (%s); committing it in halves to find the submission",
                batch.size(), describe(e));
        int half = batch.size() / 2;
        List<Submission> first = new ArrayList<>(batch.subList(0, half));
        List<Submission> second = new ArrayList<>(batch.subList(half, batch.size()));
        process(first);
        if (status == WriterStatus.ACTIVE) {
            process(second);
        } else {
            answerUnavailable(second);
        }
    }

    /**
     * Whether a failure was caused by the batch's rows rather than by the storage: PostgreSQL (or
     * the driver, before sending) refused a value or a constraint (SQLSTATE classes 21, 22, 23, 27,
     * 42, 54), or building the rows threw. The transaction is then rolled back (the key look-up
     * leaves it open); if even that fails, the connection is gone and it is a storage fault.
     */
    private boolean refusedRow(Exception e) {
        boolean byRow = e instanceof SQLException sql ? SqlFaults.refusedRow(sql) : e instanceof RuntimeException;
        if (!byRow) {
            return false;
        }
        try {
            connection.rollback();
            return true;
        } catch (SQLException broken) {
            e.addSuppressed(broken);
            return false;
        }
    }

    /** The lone submission whose rows PostgreSQL refused: answered 422 (500 if building its rows threw); nothing is stored. */
    private void refused(Submission s, Exception e) {
        metrics.poison(WriterMetrics.STAGE_STORE);
        if (e instanceof SQLException sql) {
            LOG.warnf("PostgreSQL refused the rows of a submission of %d commands (%s); answering it 422",
                    s.items.size(), describe(sql));
            s.complete(new BatchOutcome.Refused(422, UNPROCESSABLE_COMMAND, "The ledger cannot store this request"
                    + (sql.getSQLState() == null ? "" : " (SQLSTATE " + sql.getSQLState() + ")")
                    + "; nothing of it was applied. Correct its content; retrying it unchanged will fail again."));
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Building the rows of a submission failed, reference %s; answering it 500", reference);
            s.complete(new BatchOutcome.Refused(500, ProblemCodes.INTERNAL_ERROR, "The ledger failed to store this request;"
                    + " nothing of it was applied. Quote reference " + reference + " to the operator."));
        }
    }

    /** A message fit for an answer: surrogates and control characters replaced, at most 200 characters. */
    private static String printable(String message) {
        if (message == null) {
            return "no detail";
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), 200));
        for (int i = 0; i < message.length() && out.length() < 200; i++) {
            char c = message.charAt(i);
            out.append(Character.isSurrogate(c) || Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    private static String describe(Exception e) {
        return e instanceof SQLException sql ? "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage() : e.toString();
    }

    private static int countCommands(List<Submission> batch) {
        int n = 0;
        for (Submission s : batch) {
            n += s.items.size();
        }
        return n;
    }

    /** Looks up in PostgreSQL the keys of submissions whose caller's lookup may have missed a commit. */
    private Map<SubjectKey, StoredOutcome> lookUpStaleKeys(List<Submission> batch) throws SQLException {
        Set<SubjectKey> keys = null;
        for (Submission s : batch) {
            if (s.checkpoint >= recent.validFrom()) {
                continue;
            }
            s.stale = true;
            if (keys == null) {
                keys = new HashSet<>();
            }
            // Keys the writer remembers are answered from memory; only the others need PostgreSQL.
            if (s.batchKey != null && recent.get(s.batchKey.subjectKey()) == null) {
                keys.add(s.batchKey.subjectKey());
            }
            for (Item item : s.items) {
                if (item.key() != null && recent.get(item.key().subjectKey()) == null) {
                    keys.add(item.key().subjectKey());
                }
            }
        }
        return keys == null || keys.isEmpty() ? Map.of() : store.findOutcomes(connection, keys);
    }

    private void decide(Submission s, long batchNo, Map<SubjectKey, StoredOutcome> stored) {
        if (s.batchKey != null) {
            RecentKeys.Entry earlier = earlier(s.batchKey.subjectKey(), s, stored);
            if (earlier != null) {
                if (!s.batchKey.sameRequest(earlier.requestHash())) {
                    s.outcome = new BatchOutcome.KeyReused();
                } else if (!earlier.stored().replayableBy(s.batchActor)) {
                    s.outcome = new BatchOutcome.Refused(403, ProblemCodes.FORBIDDEN, REPLAY_FORBIDDEN);
                } else {
                    s.outcome = earlier.live() instanceof BatchOutcome live ? live : new BatchOutcome.Replayed(earlier.stored());
                }
                return;
            }
        }
        List<CommandResult> results = new ArrayList<>(s.items.size());
        for (int i = 0; i < s.items.size(); i++) {
            results.add(decide(s, i, batchNo, stored));
        }
        BatchOutcome.Items items = new BatchOutcome.Items(results);
        s.outcome = items;
        if (s.batchKey != null) {
            StoredOutcome outcome = StoredOutcome.batch(s.batchKey.requestHash(), s.batchActor);
            rows.idempotency(s.batchKey.subjectKey(), outcome);
            remember(s.batchKey.subjectKey(), outcome, items, batchNo);
        }
    }

    private CommandResult decide(Submission s, int index, long batchNo, Map<SubjectKey, StoredOutcome> stored) {
        if (s.poisoned != null && s.poisoned[index] != null) {
            return s.poisoned[index];
        }
        Item item = s.items.get(index);
        IdempotencyKey key = item.key();
        if (key != null) {
            RecentKeys.Entry earlier = earlier(key.subjectKey(), s, stored);
            if (earlier != null) {
                metrics.replayed();
                if (!key.sameRequest(earlier.requestHash())) {
                    return new CommandResult.KeyReused();
                }
                if (!earlier.stored().replayableBy(item.actor())) {
                    return new CommandResult.Refused(403, ProblemCodes.FORBIDDEN, REPLAY_FORBIDDEN);
                }
                return earlier.live() instanceof CommandResult live ? live : new CommandResult.Replayed(earlier.stored());
            }
        }
        int mark = state.mark();
        rows.mark();
        byte[] headBefore = head;
        String stage = WriterMetrics.STAGE_DECIDE;
        CommandResult result;
        StoredOutcome outcome;
        try {
            Outcome decided = core.decide(state, item.command(), new CommandContext(now(), item.actor()));
            if (decided instanceof Outcome.Accepted accepted) {
                List<LedgerEvent> events = accepted.events();
                // Every event is encoded and chained before any is folded: a command whose content
                // cannot be encoded leaves the state untouched.
                stage = WriterMetrics.STAGE_ENCODE;
                for (int i = 0, n = events.size(); i < n; i++) {
                    append(events.get(i));
                }
                stage = WriterMetrics.STAGE_FOLD;
                for (int i = 0, n = events.size(); i < n; i++) {
                    core.fold(state, events.get(i));
                }
                result = new CommandResult.Accepted(events);
                outcome = key == null ? null
                        : StoredOutcome.accepted(key.requestHash(), item.actor(), events.get(0).seq(),
                                events.get(events.size() - 1).seq());
                metrics.accepted();
            } else {
                Outcome.Rejected rejected = (Outcome.Rejected) decided;
                String code = rejected.rejection().code();
                int status = rejected.rejection().httpStatus();
                result = new CommandResult.Rejected(code, status, rejected.detail());
                outcome = key == null ? null
                        : StoredOutcome.rejected(key.requestHash(), item.actor(), status, code, rejected.detail());
                metrics.rejected(code);
            }
        } catch (RuntimeException e) {
            return poisoned(s, index, stage, e, mark, headBefore);
        }
        if (key != null) {
            rows.idempotency(key.subjectKey(), outcome);
            remember(key.subjectKey(), outcome, result, batchNo);
        }
        return result;
    }

    /**
     * A command threw while it was decided, encoded or folded: whatever it changed is taken back
     * (state, rows, head hash) and it alone is answered, 422 {@code unprocessable_command} if its
     * events cannot be encoded (its content: a lone UTF-16 surrogate, for instance), 500 otherwise
     * (a defect of ledger-core). Nothing is recorded for its key, and the rest of the batch goes on.
     */
    private CommandResult poisoned(Submission s, int index, String stage, RuntimeException e, int mark, byte[] headBefore) {
        try {
            state.rollbackTo(mark);
        } catch (RuntimeException undo) {
            undo.addSuppressed(e);
            throw new UndoFailed(undo);
        }
        rows.resetToMark();
        head = headBefore;
        metrics.poison(stage);
        String command = s.items.get(index).command().getClass().getSimpleName();
        CommandResult result;
        if (WriterMetrics.STAGE_ENCODE.equals(stage)) {
            LOG.warnf("A %s cannot be encoded (%s); answering it 422, the rest of its batch goes on", command, e.toString());
            result = new CommandResult.Refused(422, UNPROCESSABLE_COMMAND, "The ledger cannot record this request: its"
                    + " content cannot be encoded as canonical JSON (" + printable(e.getMessage()) + "). Nothing was applied.");
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "The state machine failed to %s a %s, reference %s; answering it 500, the rest of its batch goes on",
                    stage, command, reference);
            result = new CommandResult.Failed("The ledger failed to apply this command; it was not applied. Quote reference "
                    + reference + " to the operator.");
        }
        if (s.poisoned == null) {
            s.poisoned = new CommandResult[s.items.size()];
        }
        s.poisoned[index] = result;
        return result;
    }

    /** The earlier outcome of a key: remembered in memory, or (for stale submissions) found in PostgreSQL. */
    private RecentKeys.Entry earlier(SubjectKey key, Submission s, Map<SubjectKey, StoredOutcome> stored) {
        RecentKeys.Entry entry = recent.get(key);
        if (entry == null && s.stale) {
            StoredOutcome found = stored.get(key);
            if (found != null) {
                entry = new RecentKeys.Entry(found.requestHash(), found, null, 0);
            }
        }
        return entry;
    }

    private void remember(SubjectKey key, StoredOutcome outcome, Object live, long batchNo) {
        recent.put(key, new RecentKeys.Entry(outcome.requestHash(), outcome, live, batchNo));
        addedThisBatch.add(key);
    }

    /** Encodes an accepted event canonically, chains its hash and adds its rows. */
    private void append(LedgerEvent event) {
        Map<String, Object> json = EventCodec.toJson(event);
        byte[] canonical = Jcs.canonicalBytes(json);
        byte[] hash = HashChain.next(head, canonical);
        Actor actor = event.actor();
        rows.event(event.seq(), event.type(), (String) json.get("at"), actor.role().wireName(), actor.subject(),
                actor.scope(), new String(canonical, StandardCharsets.UTF_8), head, hash);
        index.add(event);
        head = hash;
    }

    /** Event times never go backwards, even if the wall clock does. */
    private Instant now() {
        Instant at = clock.instant();
        if (at.isBefore(lastAt)) {
            at = lastAt;
        }
        lastAt = at;
        return at;
    }

    private void committed(List<Submission> batch, long batchNo) {
        checkpoint = batchNo;
        committedSeq = state.lastSeq();
        committedHead = head;
        changeRows.committed(rows);
        metrics.flushPending();
        for (SubjectKey key : addedThisBatch) {
            recent.committed(key);
        }
        addedThisBatch.clear();
        recent.evictOverCapacity();
        if (rows.changesReferenceData()) {
            reference = ReferenceView.of(state);
        }
        // Listeners hear of the batch before any client does, so whoever sees an answer can rely
        // on the listeners (the outbox publisher among them) knowing of its events.
        if (rows.eventCount() > 0 && !listeners.isEmpty()) {
            List<CommittedBatch.Entry> entries = new ArrayList<>(rows.eventCount());
            rows.forEachEvent((seq, type, json, prev, hash) -> entries.add(
                    new CommittedBatch.Entry(seq, type, json, HashChain.toHex(prev), HashChain.toHex(hash))));
            CommittedBatch committedBatch = new CommittedBatch(entries.get(0).seq(), entries.get(entries.size() - 1).seq(),
                    List.copyOf(entries));
            for (CommitListener listener : listeners) {
                try {
                    listener.committed(committedBatch);
                } catch (RuntimeException e) {
                    LOG.error("A commit listener failed", e);
                }
            }
        }
        for (Submission s : batch) {
            s.complete(s.outcome);
        }
    }

    /** The batch may or may not have committed: answer it retryably and rebuild from PostgreSQL. */
    private void commitFailed(List<Submission> batch, Exception e) {
        LOG.errorf(e, "A ledger batch failed to commit; answering it 503 and rebuilding from PostgreSQL");
        metrics.commitFailed();
        rebuild(batch, WriterMetrics.REBUILD_COMMIT_FAILED, null);
    }

    /**
     * Answers the batch 503 {@code ledger_unavailable} and makes the writer rebuild its state from
     * PostgreSQL (reconnect, re-take the lock, replay and verify) before it takes the next batch.
     */
    private void rebuild(List<Submission> batch, String reason, Throwable cause) {
        if (cause != null) {
            LOG.errorf(cause, "The ledger writer rebuilds its state from PostgreSQL (%s)", reason);
        }
        metrics.rebuild(reason);
        metrics.discardPending();
        try {
            // A failed key look-up leaves its transaction open; a broken connection is replaced at activation.
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; activation reconnects.
        }
        forgetThisBatch();
        answerUnavailable(batch);
        status = WriterStatus.STARTING;
        statusDetail = "rebuilding the ledger after a failed commit";
    }

    private void answerUnavailable(List<Submission> batch) {
        for (Submission s : batch) {
            s.complete(new BatchOutcome.Unavailable(LEDGER_UNAVAILABLE,
                    "The ledger could not commit this request; retry with the same Idempotency-Key."));
        }
    }

    private void forgetThisBatch() {
        for (SubjectKey key : addedThisBatch) {
            recent.remove(key);
        }
        addedThisBatch.clear();
    }

    private void failQueued(String code, String detail) {
        for (Submission s = queue.poll(); s != null; s = queue.poll()) {
            queuedCommands.addAndGet(-s.items.size());
            metrics.refused(code, s.items.size());
            s.complete(new BatchOutcome.Unavailable(code, detail));
        }
    }

    private void closeConnection() {
        locked = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a broken connection; the lock goes with the session.
            }
            connection = null;
        }
    }

    private void sleep(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!stopping && System.currentTimeMillis() < deadline) {
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, deadline - System.currentTimeMillis())));
        }
    }

    /** Commands submitted together, answered together. */
    private static final class Submission {
        final List<Item> items;
        final IdempotencyKey batchKey;
        final Actor batchActor;
        final long checkpoint;
        final Executor completer;
        final CompletableFuture<BatchOutcome> future;
        boolean stale;
        CommandResult[] poisoned;
        BatchOutcome outcome;

        Submission(List<Item> items, IdempotencyKey batchKey, Actor batchActor, long checkpoint, Executor completer,
                   CompletableFuture<BatchOutcome> future) {
            this.items = items;
            this.batchKey = batchKey;
            this.batchActor = batchActor;
            this.checkpoint = checkpoint;
            this.completer = completer;
            this.future = future;
        }

        void complete(BatchOutcome result) {
            try {
                completer.execute(() -> future.complete(result));
            } catch (RuntimeException e) {
                future.complete(result);
            }
        }
    }

    /** Taking back a failed command threw: the state can no longer be trusted and is rebuilt. */
    private static final class UndoFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndoFailed(RuntimeException cause) {
            super(cause);
        }
    }
}
