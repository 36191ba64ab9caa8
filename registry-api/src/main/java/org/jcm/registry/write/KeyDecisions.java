package org.jcm.registry.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.registry.write.store.BatchRows;
import org.jcm.registry.write.store.LedgerStore;
import org.jcm.support.problem.HttpProblemCodes;

/**
 * Where every idempotency key is decided, single mutations and transfer batches alike: the writer
 * looks up, in one query per batch inside the batch's transaction, the keys it does not remember
 * ({@link RecentKeys}); a known key is answered from its earlier outcome (the very same result
 * within a batch, the stored outcome otherwise), a reused one with {@code KeyReused}, and a replay
 * by another role or scope with 403 ({@link StoredOutcome#replayableBy}); a new key gets the
 * command's result recorded, as a row of the batch and in memory. Writer thread only.
 */
final class KeyDecisions {

    /** The detail of an item of a replayed transfer batch whose own record is gone. */
    static final String ITEM_NOT_STORED = "The outcome of this item is no longer stored; send it again with a new key.";

    private final RecentKeys recent;
    private final LedgerStore store;
    private final WriterMetrics metrics;
    private final BatchRows rows;
    private final List<SubjectKey> addedThisBatch = new ArrayList<>();

    KeyDecisions(int capacity, LedgerStore store, WriterMetrics metrics, BatchRows rows) {
        this.recent = new RecentKeys(capacity);
        this.store = store;
        this.metrics = metrics;
        this.rows = rows;
    }

    /** A new batch begins: no key has been added by it yet. */
    void beginBatch() {
        addedThisBatch.clear();
    }

    /** Looks up in PostgreSQL, in one query, every key of the batch that is not remembered. */
    Map<SubjectKey, StoredOutcome> lookUp(Connection connection, List<Submission> batch) throws SQLException {
        Set<SubjectKey> keys = new HashSet<>();
        for (Submission s : batch) {
            if (s.batchKey != null && recent.get(s.batchKey.subjectKey()) == null) {
                keys.add(s.batchKey.subjectKey());
            }
            for (LedgerWriter.Item item : s.items) {
                if (item.key() != null && recent.get(item.key().subjectKey()) == null) {
                    keys.add(item.key().subjectKey());
                }
            }
        }
        return keys.isEmpty() ? Map.of() : store.findOutcomes(connection, keys);
    }

    /**
     * The outcome of a transfer batch whose own key is known, or null if it is new (or has none): 409
     * for another batch, 403 for another role or scope, else its items' earlier results.
     */
    BatchOutcome knownBatch(Submission s, Map<SubjectKey, StoredOutcome> stored) {
        if (s.batchKey == null) {
            return null;
        }
        RecentKeys.Entry earlier = earlier(s.batchKey.subjectKey(), stored);
        if (earlier == null) {
            return null;
        }
        if (!s.batchKey.sameRequest(earlier.stored().requestHash())) {
            return new BatchOutcome.KeyReused();
        }
        if (!earlier.stored().replayableBy(s.batchActor)) {
            return new BatchOutcome.Refused(403, HttpProblemCodes.FORBIDDEN, LedgerWriter.REPLAY_FORBIDDEN);
        }
        if (earlier.live() instanceof RecentKeys.Live.Batch live) {
            return live.outcome();
        }
        List<CommandResult> results = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            CommandResult known = s.poisoned(i) != null ? s.poisoned(i) : knownItem(s.items.get(i), stored);
            results.add(known != null ? known : new CommandResult.Failed(ITEM_NOT_STORED));
        }
        return new BatchOutcome.Items(results);
    }

    /**
     * The answer to a command whose key is known, or null if it is new (or has none): 409 for another
     * request, 403 for another role or scope, else its earlier result.
     */
    CommandResult knownItem(LedgerWriter.Item item, Map<SubjectKey, StoredOutcome> stored) {
        IdempotencyKey key = item.key();
        if (key == null) {
            return null;
        }
        RecentKeys.Entry earlier = earlier(key.subjectKey(), stored);
        if (earlier == null) {
            return null;
        }
        metrics.replayed();
        if (!key.sameRequest(earlier.stored().requestHash())) {
            return new CommandResult.KeyReused();
        }
        if (!earlier.stored().replayableBy(item.actor())) {
            return new CommandResult.Refused(403, HttpProblemCodes.FORBIDDEN, LedgerWriter.REPLAY_FORBIDDEN);
        }
        return earlier.live() instanceof RecentKeys.Live.Command live ? live.result() : new CommandResult.Replayed(earlier.stored());
    }

    /**
     * Records the result of a new key's command as a row of the batch and in memory: an acceptance
     * with its events' seq range, or a rejection. A command that failed alone records nothing.
     */
    void record(LedgerWriter.Item item, CommandResult result) {
        IdempotencyKey key = item.key();
        if (key == null) {
            return;
        }
        StoredOutcome outcome;
        if (result instanceof CommandResult.Accepted accepted) {
            List<LedgerEvent> events = accepted.events();
            outcome = StoredOutcome.accepted(key.requestHash(), item.actor(), events.get(0).seq(),
                    events.get(events.size() - 1).seq());
        } else if (result instanceof CommandResult.Rejected rejected) {
            outcome = StoredOutcome.rejected(key.requestHash(), item.actor(), rejected.status(), rejected.code(),
                    rejected.detail());
        } else {
            return;
        }
        remember(key.subjectKey(), outcome, new RecentKeys.Live.Command(result));
    }

    /** Records a new transfer batch's own key. */
    void recordBatch(IdempotencyKey batchKey, Actor batchActor, BatchOutcome.Items items) {
        remember(batchKey.subjectKey(), StoredOutcome.batch(batchKey.requestHash(), batchActor), new RecentKeys.Live.Batch(items));
    }

    /** The batch committed: its keys keep their stored outcomes only; the oldest keys beyond the capacity go. */
    void committed() {
        for (SubjectKey key : addedThisBatch) {
            recent.committed(key);
        }
        addedThisBatch.clear();
        recent.evictOverCapacity();
    }

    /** The batch was taken back or may not have committed: its keys are forgotten (PostgreSQL knows). */
    void forgetThisBatch() {
        for (SubjectKey key : addedThisBatch) {
            recent.remove(key);
        }
        addedThisBatch.clear();
    }

    /** Forgets everything (at activation: the replayed ledger is all that is known). */
    void clear() {
        recent.clear();
        addedThisBatch.clear();
    }

    /** The earlier outcome of a key: remembered in memory, or found in PostgreSQL. */
    private RecentKeys.Entry earlier(SubjectKey key, Map<SubjectKey, StoredOutcome> stored) {
        RecentKeys.Entry entry = recent.get(key);
        if (entry == null) {
            StoredOutcome found = stored.get(key);
            if (found != null) {
                entry = new RecentKeys.Entry(found, null);
            }
        }
        return entry;
    }

    private void remember(SubjectKey key, StoredOutcome outcome, RecentKeys.Live live) {
        rows.idempotency(key, outcome);
        recent.put(key, new RecentKeys.Entry(outcome, live));
        addedThisBatch.add(key);
    }
}
