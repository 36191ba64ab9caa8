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
import org.jcm.ledger.ledger.LedgerState;
import org.jcm.ledger.ledger.StateMachine;
import org.jcm.ledger.rule.Outcome;
import org.jcm.registry.persistence.BatchRows;
import org.jcm.registry.persistence.ChangeRows;
import org.jcm.registry.persistence.EventIndex;
import org.jcm.registry.persistence.LedgerStore;
import org.jcm.registry.persistence.LedgerVerificationException;
import org.jcm.registry.persistence.LoadedLedger;
import org.jcm.registry.persistence.StoredOutcome;
import org.jcm.registry.persistence.SubjectKey;

/**
 * The single writer of the ledger: one dedicated thread owns ledger-core's {@link LedgerState},
 * applies queued commands in batches with {@link StateMachine#apply}, assigns sequence numbers and
 * hashes in memory, persists each batch in one PostgreSQL transaction, and only then completes
 * the callers' futures. See {@code docs/writer.md}.
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
        return submit(List.of(item), null, checkpoint, completer).thenApply(outcome -> {
            if (outcome instanceof BatchOutcome.Items items) {
                return items.results().get(0);
            }
            BatchOutcome.Unavailable unavailable = (BatchOutcome.Unavailable) outcome;
            return new CommandResult.Unavailable(unavailable.code(), unavailable.detail());
        });
    }

    /**
     * Submits commands that are applied in order within one batch (one transaction), each with its
     * own outcome. {@code batchKey}, if not null, is the idempotency key of the submission as a whole.
     */
    public CompletableFuture<BatchOutcome> submit(List<Item> items, IdempotencyKey batchKey, long checkpoint,
                                                  Executor completer) {
        CompletableFuture<BatchOutcome> future = new CompletableFuture<>();
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
        queue.add(new Submission(items, batchKey, checkpoint, completer, future));
        return future;
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
                process(batch, commands);
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
        Submission submission = new Submission(missing, null, Long.MAX_VALUE, Runnable::run, new CompletableFuture<>());
        process(List.of(submission), missing.size());
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

    /** Applies, persists and answers one batch. */
    private void process(List<Submission> batch, int commands) {
        long batchNo = checkpoint + 1;
        Map<SubjectKey, StoredOutcome> stored;
        try {
            stored = lookUpStaleKeys(batch);
        } catch (SQLException e) {
            commitFailed(batch, e);
            return;
        }
        rows.clear();
        addedThisBatch.clear();
        try {
            for (Submission s : batch) {
                decide(s, batchNo, stored);
            }
            changeRows.add(state.drainChanges(), state, rows);
        } catch (PoisonCommand poison) {
            handlePoison(batch, commands, poison);
            return;
        }
        long started = System.nanoTime();
        if (!rows.isEmpty()) {
            try {
                store.persist(connection, rows);
            } catch (SQLException | RuntimeException e) {
                commitFailed(batch, e);
                return;
            }
        } else {
            try {
                // Ends the read-only transaction of the key look-up, if there was one (pgjdbc sends
                // nothing when no transaction is open).
                connection.rollback();
            } catch (SQLException e) {
                commitFailed(batch, e);
                return;
            }
        }
        long commitNanos = System.nanoTime() - started;
        committed(batch, batchNo);
        metrics.batch(commands, rows.eventCount(), commitNanos);
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
            StoredOutcome outcome = StoredOutcome.batch(s.batchKey.requestHash());
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
                return earlier.live() instanceof CommandResult live ? live : new CommandResult.Replayed(earlier.stored());
            }
        }
        CommandResult result;
        StoredOutcome outcome;
        try {
            Outcome decided = StateMachine.apply(state, item.command(), new CommandContext(now(), item.actor()));
            if (decided instanceof Outcome.Accepted accepted) {
                List<LedgerEvent> events = accepted.events();
                for (int i = 0, n = events.size(); i < n; i++) {
                    append(events.get(i));
                }
                result = new CommandResult.Accepted(events);
                outcome = key == null ? null
                        : StoredOutcome.accepted(key.requestHash(), events.get(0).seq(), events.get(events.size() - 1).seq());
                metrics.accepted();
            } else {
                Outcome.Rejected rejected = (Outcome.Rejected) decided;
                String code = rejected.rejection().code();
                int status = rejected.rejection().httpStatus();
                result = new CommandResult.Rejected(code, status, rejected.detail());
                outcome = key == null ? null : StoredOutcome.rejected(key.requestHash(), status, code, rejected.detail());
                metrics.rejected(code);
            }
        } catch (RuntimeException e) {
            throw new PoisonCommand(s, index, e);
        }
        if (key != null) {
            rows.idempotency(key.subjectKey(), outcome);
            remember(key.subjectKey(), outcome, result, batchNo);
        }
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
        EventIndex.add(event, rows);
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
        forgetThisBatch();
        for (Submission s : batch) {
            s.complete(new BatchOutcome.Unavailable(LEDGER_UNAVAILABLE,
                    "The ledger could not commit this request; retry with the same Idempotency-Key."));
        }
        status = WriterStatus.STARTING;
        statusDetail = "rebuilding the ledger after a failed commit";
    }

    /**
     * A command made ledger-core throw (a defect): the state may be half-changed, so it is rebuilt
     * from PostgreSQL and the batch is decided again without that command, which gets a 500.
     */
    private void handlePoison(List<Submission> batch, int commands, PoisonCommand poison) {
        LOG.errorf(poison.getCause(), "The state machine failed on a %s; rebuilding the state and retrying the batch without it",
                poison.submission.items.get(poison.index).command().getClass().getSimpleName());
        forgetThisBatch();
        if (poison.submission.poisoned == null) {
            poison.submission.poisoned = new CommandResult[poison.submission.items.size()];
        }
        poison.submission.poisoned[poison.index] = new CommandResult.Failed(
                "The ledger failed to apply this command; it was not applied.");
        try {
            LoadedLedger loaded = store.load(connection, false);
            state = loaded.state();
            head = loaded.headHash();
            changeRows = new ChangeRows(loaded.storedAccounts());
        } catch (SQLException | LedgerVerificationException | RuntimeException e) {
            commitFailed(batch, e);
            return;
        }
        process(batch, commands);
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
        final long checkpoint;
        final Executor completer;
        final CompletableFuture<BatchOutcome> future;
        boolean stale;
        CommandResult[] poisoned;
        BatchOutcome outcome;

        Submission(List<Item> items, IdempotencyKey batchKey, long checkpoint, Executor completer,
                   CompletableFuture<BatchOutcome> future) {
            this.items = items;
            this.batchKey = batchKey;
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

    /** Ledger-core threw on a command: a defect, handled by rebuilding (see {@link #handlePoison}). */
    private static final class PoisonCommand extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Submission submission;
        final int index;

        PoisonCommand(Submission submission, int index, RuntimeException cause) {
            super(cause);
            this.submission = submission;
            this.index = index;
        }
    }
}
