package org.jcm.registry.write;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.store.StoredLedgerReader;
import org.jcm.support.problem.HttpProblemCodes;

/**
 * A mutation becomes durable: submits commands to the writer ({@link Ledger}), which decides every
 * idempotency key ({@link KeyDecisions}), and turns what it answers into a {@link MutationResult}
 * per command. A replay of an accepted command is resolved here, on the request thread, by reading
 * its stored events without blocking ({@link StoredLedgerReader}); one query serves all the replayed
 * items of a transfer batch. Nothing here knows HTTP: the REST layer maps the values to responses.
 */
@ApplicationScoped
public class MutationService {

    private final Ledger ledger;
    private final StoredLedgerReader reader;
    private final WriterConfig config;

    MutationService(Ledger ledger, StoredLedgerReader reader, WriterConfig config) {
        this.ledger = ledger;
        this.reader = reader;
        this.config = config;
    }

    /** Applies one command with its key; the result arrives after its batch committed. */
    public Uni<MutationResult> submit(Command command, Actor actor, IdempotencyKey key) {
        return ledger.submit(new LedgerWriter.Item(command, actor, key)).chain(result -> {
            if (result instanceof CommandResult.Replayed replayed) {
                return replay(key, replayed.outcome());
            }
            return Uni.createFrom().item(resolved(result));
        });
    }

    /**
     * Applies {@code items} in order within one writer batch (one transaction), each with its own
     * key and result; {@code batchKey} guards the batch as a whole, a retry of it answers each
     * item's earlier result. Submitted even when empty, so that the batch's own key is recorded.
     */
    public Uni<BatchResult> submit(List<LedgerWriter.Item> items, IdempotencyKey batchKey, Actor actor) {
        return ledger.submit(items, batchKey, actor).chain(outcome -> {
            if (outcome instanceof BatchOutcome.Items results) {
                return resolve(items, results.results());
            } else if (outcome instanceof BatchOutcome.KeyReused) {
                return Uni.createFrom().item(new BatchResult.KeyReused());
            } else if (outcome instanceof BatchOutcome.Refused refused) {
                return Uni.createFrom().item(new BatchResult.Refused(refused.status(), refused.code(), refused.detail()));
            }
            BatchOutcome.Unavailable unavailable = (BatchOutcome.Unavailable) outcome;
            return Uni.createFrom().item(new BatchResult.Busy(unavailable.code(), unavailable.detail(),
                    config.retryAfterSeconds()));
        });
    }

    /** The reference data answers are built with (cooperative approach ids for ITMO ids). */
    public ReferenceView reference() {
        return ledger.reference();
    }

    /** A retry's answer: the stored rejection, or the stored events read back; 409 if the key was used for another request. */
    private Uni<MutationResult> replay(IdempotencyKey key, StoredOutcome stored) {
        MutationResult known = stored(key, stored);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return reader.events(stored.firstSeq(), stored.lastSeq()).map(MutationResult.Committed::new);
    }

    /** The items' results, with the events of every replayed acceptance read in one query. */
    private Uni<BatchResult> resolve(List<LedgerWriter.Item> items, List<CommandResult> results) {
        List<long[]> ranges = new ArrayList<>();
        for (CommandResult result : results) {
            if (result instanceof CommandResult.Replayed replayed && replayed.outcome().accepted()) {
                ranges.add(new long[] {replayed.outcome().firstSeq(), replayed.outcome().lastSeq()});
            }
        }
        return reader.events(ranges).map(events -> {
            List<MutationResult> resolved = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                resolved.add(resolved(items.get(i).key(), results.get(i), events));
            }
            return new BatchResult.Items(resolved);
        });
    }

    private MutationResult resolved(IdempotencyKey key, CommandResult result, Map<Long, LedgerEvent> stored) {
        if (!(result instanceof CommandResult.Replayed replayed)) {
            return resolved(result);
        }
        MutationResult known = stored(key, replayed.outcome());
        if (known != null) {
            return known;
        }
        List<LedgerEvent> events = new ArrayList<>();
        for (long seq = replayed.outcome().firstSeq(); seq <= replayed.outcome().lastSeq(); seq++) {
            events.add(stored.get(seq));
        }
        return new MutationResult.Committed(events);
    }

    /**
     * The answer a stored outcome gives without its events: 409 if it is not this request's (another
     * kind or request hash), the stored rejection; null for an acceptance, whose events must be read.
     */
    private static MutationResult stored(IdempotencyKey key, StoredOutcome stored) {
        if (stored.kind() != StoredOutcome.Kind.COMMAND || !key.sameRequest(stored.requestHash())) {
            return new MutationResult.KeyReused();
        }
        if (!stored.accepted()) {
            return new MutationResult.Rejected(stored.status(), stored.rejectionCode(), stored.rejectionDetail());
        }
        return null;
    }

    /** The value of a result that needs nothing read. */
    private MutationResult resolved(CommandResult result) {
        if (result instanceof CommandResult.Accepted accepted) {
            return new MutationResult.Committed(accepted.events());
        } else if (result instanceof CommandResult.Rejected rejected) {
            return new MutationResult.Rejected(rejected.status(), rejected.code(), rejected.detail());
        } else if (result instanceof CommandResult.KeyReused) {
            return new MutationResult.KeyReused();
        } else if (result instanceof CommandResult.Unavailable unavailable) {
            return new MutationResult.Busy(unavailable.code(), unavailable.detail(), config.retryAfterSeconds());
        } else if (result instanceof CommandResult.Failed failed) {
            return new MutationResult.Refused(500, HttpProblemCodes.INTERNAL_ERROR, failed.detail());
        } else if (result instanceof CommandResult.Refused refused) {
            return new MutationResult.Refused(refused.status(), refused.code(), refused.detail());
        }
        throw new IllegalArgumentException("A replay must be resolved with its stored outcome: " + result);
    }
}
