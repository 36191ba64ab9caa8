package org.jcm.registry.write;

import java.util.List;
import org.jboss.logging.Logger;
import org.jcm.ledger.command.Actor;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.store.SqlFaults;

/**
 * Refuses, when a submission arrives and before it is queued, what PostgreSQL is known to refuse
 * (see {@link SqlFaults#unstorable}): a NUL or an unpaired surrogate in a key, token subject or
 * scope, or a transfer batch keyed like one of its items. Such rows would otherwise cost the
 * writer a failed commit and a split (which remain for whatever else PostgreSQL refuses).
 */
final class Admission {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private Admission() {
    }

    /**
     * 422 for a submission that cannot be stored as a whole (a transfer batch whose own key or actor
     * cannot be stored), or for a single mutation that cannot; null if it may be queued. Commands of
     * a transfer batch that cannot be stored are marked poisoned and answered 422 alone.
     */
    static BatchOutcome refusal(Submission s, WriterMetrics metrics) {
        String unstorable = unstorableBatch(s.items, s.batchKey, s.batchActor);
        if (unstorable != null) {
            metrics.poison(WriterMetrics.STAGE_STORE);
            LOG.warnf("A submission of %d commands cannot be stored (%s); answering it 422", s.size(), unstorable);
            return new BatchOutcome.Refused(422, LedgerWriter.UNPROCESSABLE_COMMAND, "The ledger cannot store this request: "
                    + unstorable + ". Nothing of it was applied.");
        }
        for (int i = 0; i < s.size(); i++) {
            LedgerWriter.Item item = s.items.get(i);
            String problem = unstorable(item.key(), item.actor());
            if (problem != null) {
                metrics.poison(WriterMetrics.STAGE_STORE);
                s.poison(i, new CommandResult.Refused(422, LedgerWriter.UNPROCESSABLE_COMMAND,
                        "The ledger cannot store this request: " + problem + ". Nothing was applied."));
            }
        }
        if (s.poisoned != null && s.batchKey == null && s.size() == 1) {
            return new BatchOutcome.Items(List.of(s.poisoned(0)));
        }
        return null;
    }

    /** Why PostgreSQL cannot store a transfer batch's own key, or null. */
    private static String unstorableBatch(List<LedgerWriter.Item> items, IdempotencyKey batchKey, Actor batchActor) {
        if (batchKey == null) {
            return null;
        }
        String problem = unstorable(batchKey, batchActor);
        if (problem != null) {
            return problem;
        }
        for (LedgerWriter.Item item : items) {
            if (item.key() != null && item.key().subjectKey().equals(batchKey.subjectKey())) {
                // Both records would have the same primary key.
                return "its Idempotency-Key is also the key of one of its items";
            }
        }
        return null;
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
}
