package org.jcm.registry.write;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.registry.write.store.LedgerStore;
import org.jcm.registry.write.store.SqlFaults;
import org.jcm.support.problem.HttpProblemCodes;

/**
 * Makes one batch durable and answers it: looks its keys up ({@link KeyDecisions}), applies its
 * commands ({@link CommandApplier}), persists its rows in one transaction, tells the commit
 * listeners and completes the futures. A command that fails while it is decided, encoded or folded
 * fails alone; a commit that PostgreSQL refuses because of some row splits the batch
 * ({@link #failed}); only a storage fault (or an undo that fails) rebuilds ({@link #rebuild}).
 * Writer thread only.
 */
final class BatchProcessor {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private final LedgerStore store;
    private final WriterSession session;
    private final WriterView view;
    private final WriterMetrics metrics;
    private final KeyDecisions keys;
    private final CommandApplier applier;
    private final List<CommitListener> listeners;
    private final WriterTracing tracing;

    BatchProcessor(LedgerStore store, WriterSession session, WriterView view, WriterMetrics metrics, KeyDecisions keys,
                   CommandApplier applier, List<CommitListener> listeners, WriterTracing tracing) {
        this.tracing = tracing;
        this.store = store;
        this.session = session;
        this.view = view;
        this.metrics = metrics;
        this.keys = keys;
        this.applier = applier;
        this.listeners = listeners;
    }

    /** Applies, persists and answers one batch, inside its {@code ledger.batch} span. */
    void process(List<Submission> batch) {
        Span span = tracing.batchStarted(batch);
        try (Scope ignored = span.makeCurrent()) {
            processBatch(batch);
        } finally {
            span.end();
        }
    }

    private void processBatch(List<Submission> batch) {
        session.rows.clear();
        keys.beginBatch();
        metrics.discardPending();
        byte[] batchHead = session.head;
        int batchMark = session.state.mark();
        Map<SubjectKey, StoredOutcome> stored;
        try {
            stored = keys.lookUp(session.connection, batch);
        } catch (SQLException e) {
            failed(batch, batchMark, batchHead, e);
            return;
        }
        try {
            for (Submission s : batch) {
                decide(s, stored);
            }
        } catch (CommandApplier.UndoFailed e) {
            rebuild(batch, WriterMetrics.REBUILD_UNDO_FAILED, e.getCause());
            return;
        }
        long started = System.nanoTime();
        try {
            session.changeRows.add(session.state.drainChanges(), session.state, session.rows);
            if (!session.rows.isEmpty()) {
                store.persist(session.connection, session.rows);
            } else {
                // Ends the read-only transaction of the key look-up, if there was one (pgjdbc sends
                // nothing when no transaction is open).
                session.connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            failed(batch, batchMark, batchHead, e);
            return;
        }
        long commitNanos = System.nanoTime() - started;
        session.state.release();
        committed(batch);
        metrics.batch(Submission.countCommands(batch), session.rows.eventCount(), commitNanos);
    }

    /** Decides a submission: a known transfer batch is answered from its key; otherwise each command on its own. */
    private void decide(Submission s, Map<SubjectKey, StoredOutcome> stored) {
        BatchOutcome known = keys.knownBatch(s, stored);
        if (known != null) {
            s.outcome = known;
            return;
        }
        List<CommandResult> results = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            CommandResult result = s.poisoned(i);
            if (result == null) {
                result = keys.knownItem(s.items.get(i), stored);
            }
            if (result == null) {
                result = applier.apply(s, i);
                keys.record(s.items.get(i), result);
            }
            results.add(result);
        }
        BatchOutcome.Items items = new BatchOutcome.Items(results);
        s.outcome = items;
        if (s.batchKey != null) {
            keys.recordBatch(s.batchKey, s.batchActor, items);
        }
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
            LOG.errorf(e, "A ledger batch failed to commit; answering it 503 and rebuilding from PostgreSQL");
            metrics.commitFailed();
            rebuild(batch, WriterMetrics.REBUILD_COMMIT_FAILED, null);
            return;
        }
        try {
            session.state.rollbackTo(batchMark);
        } catch (RuntimeException undo) {
            rebuild(batch, WriterMetrics.REBUILD_UNDO_FAILED, undo);
            return;
        }
        session.head = batchHead;
        session.rows.clear();
        keys.forgetThisBatch();
        metrics.discardPending();
        if (batch.size() == 1) {
            refused(batch.get(0), e);
            session.state.release();
            return;
        }
        metrics.split();
        LOG.warnf("PostgreSQL refused a row of a batch of %d submissions (%s); committing it in halves to find the submission",
                batch.size(), describe(e));
        int half = batch.size() / 2;
        List<Submission> first = new ArrayList<>(batch.subList(0, half));
        List<Submission> second = new ArrayList<>(batch.subList(half, batch.size()));
        process(first);
        if (view.status() == WriterStatus.ACTIVE) {
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
            session.connection.rollback();
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
                    s.size(), describe(sql));
            s.complete(new BatchOutcome.Refused(422, LedgerWriter.UNPROCESSABLE_COMMAND, "The ledger cannot store this request"
                    + (sql.getSQLState() == null ? "" : " (SQLSTATE " + sql.getSQLState() + ")")
                    + "; nothing of it was applied. Correct its content; retrying it unchanged will fail again."));
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Building the rows of a submission failed, reference %s; answering it 500", reference);
            s.complete(new BatchOutcome.Refused(500, HttpProblemCodes.INTERNAL_ERROR, "The ledger failed to store this request;"
                    + " nothing of it was applied. Quote reference " + reference + " to the operator."));
        }
    }

    /**
     * The batch is durable: publish the new head, keep its keys, tell the listeners, answer the
     * callers. Listeners hear of the batch before any client does, so whoever sees an answer can
     * rely on the listeners (the outbox publisher among them) knowing of its events.
     */
    private void committed(List<Submission> batch) {
        long fromSeq = view.committedSeq() + 1;
        long toSeq = session.state.lastSeq();
        view.committed(toSeq, session.head);
        WriterTracing.committed(fromSeq, toSeq);
        session.changeRows.committed(session.rows);
        metrics.flushPending();
        keys.committed();
        if (session.rows.changesReferenceData()) {
            view.reference(ReferenceView.of(session.state));
        }
        if (session.rows.eventCount() > 0) {
            CommittedBatch committedBatch = new CommittedBatch(fromSeq, toSeq, session.rows.eventJson());
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

    /**
     * Answers the batch 503 {@code ledger_unavailable} and makes the writer rebuild its state from
     * PostgreSQL (reconnect, re-take the lock, replay and verify) before it takes the next batch.
     */
    void rebuild(List<Submission> batch, String reason, Throwable cause) {
        if (cause != null) {
            LOG.errorf(cause, "The ledger writer rebuilds its state from PostgreSQL (%s)", reason);
        }
        metrics.rebuild(reason);
        metrics.discardPending();
        // A failed key look-up leaves its transaction open; a broken connection is replaced at activation.
        session.rollback();
        keys.forgetThisBatch();
        answerUnavailable(batch);
        view.set(WriterStatus.STARTING, "rebuilding the ledger after a failed commit");
    }

    private static void answerUnavailable(List<Submission> batch) {
        for (Submission s : batch) {
            s.complete(new BatchOutcome.Unavailable(LedgerWriter.LEDGER_UNAVAILABLE,
                    "The ledger could not commit this request; retry with the same Idempotency-Key."));
        }
    }

    private static String describe(Exception e) {
        return e instanceof SQLException sql ? "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage() : e.toString();
    }
}
