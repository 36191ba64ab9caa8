package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.TransferBatchItem;
import org.jcm.registry.api.TransferBatchItemResult;
import org.jcm.registry.api.TransferBatchRequest;
import org.jcm.registry.api.TransferBatchResponse;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.support.problem.Problem;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;
import org.jcm.registry.service.BatchOutcome;
import org.jcm.registry.service.CommandResult;
import org.jcm.registry.service.IdempotencyKey;
import org.jcm.registry.service.LedgerWriter;

/**
 * POST /transfer-batches: up to 1,000 transfers submitted as one unit, so the writer applies them
 * in order within one batch (one transaction). Each item has its own idempotency key and outcome,
 * exactly as if it had been posted alone to /transfers (same request hash, so a key used on either
 * endpoint is recognized on the other); the batch's own key guards the batch as a whole. The
 * keys of a batch and of its items are all different, or the batch is refused as a whole before
 * anything is looked up (400 {@code duplicate_idempotency_key}).
 */
@ApplicationScoped
public class TransferBatches {

    static final String TRANSFER = "transfer";
    static final String BATCH = "transfer-batch";

    private final Mutations mutations;

    TransferBatches(Mutations mutations) {
        this.mutations = mutations;
    }

    /** One item as prepared on the request thread: its command and key, or why it is refused outright. */
    private record Prepared(String key, TransferCredits command, IdempotencyKey idempotency, Problem problem) {
    }

    public Uni<Response> execute(String keyHeader, TransferBatchRequest request, Actor actor) {
        // The batch takes one request from the rate limit, however many items it holds.
        Response limited = mutations.rateLimit().refusal(actor.subject());
        if (limited != null) {
            return Uni.createFrom().item(limited);
        }
        String key = IdempotencyKeys.require(keyHeader);
        List<TransferBatchItem> items = Fields.required("items", request.items());
        if (items.isEmpty() || items.size() > TransferBatchRequest.MAX_ITEMS) {
            throw Fields.invalid("items", "must hold 1 to " + TransferBatchRequest.MAX_ITEMS + " transfers, not " + items.size() + ".");
        }
        List<String> itemKeys = new ArrayList<>(items.size());
        for (TransferBatchItem item : items) {
            itemKeys.add(item == null ? null : item.idempotencyKey());
        }
        IdempotencyKeys.requireDistinct(key, itemKeys);
        List<Prepared> prepared = new ArrayList<>(items.size());
        List<String> keys = new ArrayList<>(items.size() + 1);
        keys.add(key);
        for (int i = 0; i < items.size(); i++) {
            Prepared p = prepare(i, items.get(i), actor);
            prepared.add(p);
            if (p.problem() == null) {
                keys.add(p.key());
            }
        }
        IdempotencyKey batchKey = new IdempotencyKey(new SubjectKey(actor.subject(), key), mutations.hashes().of(BATCH, request));
        long checkpoint = mutations.ledger().checkpoint();
        // One query for the batch's key and every item's key: a known batch is replayed, known
        // items are answered from their records and only the others go to the writer.
        return mutations.reader().outcomes(actor.subject(), keys).chain(stored -> {
            if (!stored.isEmpty() && !mutations.ledger().referenceLoaded()) {
                return Uni.createFrom().item(mutations.notLoaded());
            }
            StoredOutcome batch = stored.get(key);
            if (batch != null) {
                if (batch.kind() != StoredOutcome.Kind.BATCH || !batchKey.sameRequest(batch.requestHash())) {
                    return Uni.createFrom().item(mutations.response(Mutations.keyReused()));
                }
                if (!batch.replayableBy(actor)) {
                    return Uni.createFrom().item(mutations.response(Mutations.replayForbidden()));
                }
                return replayed(prepared, stored, actor);
            }
            Object[] known = new Object[prepared.size()];
            List<LedgerWriter.Item> fresh = new ArrayList<>(prepared.size());
            for (int i = 0; i < prepared.size(); i++) {
                Prepared p = prepared.get(i);
                if (p.problem() != null) {
                    continue;
                }
                StoredOutcome earlier = stored.get(p.key());
                if (earlier != null) {
                    known[i] = replayOutcome(p, earlier, actor);
                } else {
                    fresh.add(new LedgerWriter.Item(p.command(), actor, p.idempotency()));
                }
            }
            // Submitted even when empty, so that the batch's own key is recorded.
            return mutations.ledger().submit(fresh, batchKey, actor, checkpoint).chain(outcome -> {
                if (outcome instanceof BatchOutcome.Items results) {
                    return assemble(prepared, known, results.results(), actor);
                } else if (outcome instanceof BatchOutcome.Replayed) {
                    return replay(actor, prepared);
                } else if (outcome instanceof BatchOutcome.KeyReused) {
                    return Uni.createFrom().item(mutations.response(Mutations.keyReused()));
                } else if (outcome instanceof BatchOutcome.Refused refused) {
                    return Uni.createFrom().item(mutations.response(Problem.of(refused.status(), refused.code(),
                            refused.detail())));
                }
                BatchOutcome.Unavailable unavailable = (BatchOutcome.Unavailable) outcome;
                return Uni.createFrom().item(mutations.response(Problem.of(503, unavailable.code(), unavailable.detail())));
            });
        });
    }

    private Prepared prepare(int index, TransferBatchItem item, Actor actor) {
        String prefix = "items[" + index + "].";
        if (item == null) {
            return new Prepared(null, null, null, Fields.invalid("items[" + index + "]", "is required.").problem());
        }
        String keyProblem = IdempotencyKeys.problem(item.idempotencyKey());
        if (keyProblem != null) {
            String code = item.idempotencyKey() == null || item.idempotencyKey().isEmpty() ? IdempotencyKeys.REQUIRED
                    : IdempotencyKeys.INVALID;
            return new Prepared(item.idempotencyKey(), null, null, Problem.of(400, code, "The item's " + prefix
                    + "idempotencyKey " + keyProblem));
        }
        try {
            TransferCredits command = item.transfer().toCommand(prefix);
            IdempotencyKey idempotency = new IdempotencyKey(new SubjectKey(actor.subject(), item.idempotencyKey()),
                    mutations.hashes().of(TRANSFER, item.transfer()));
            return new Prepared(item.idempotencyKey(), command, idempotency, null);
        } catch (ProblemException e) {
            return new Prepared(item.idempotencyKey(), null, null, e.problem());
        }
    }

    /**
     * The answer from what was known before submitting ({@code known}, by item) and the writer's
     * results (one per item submitted, in order).
     */
    private Uni<Response> assemble(List<Prepared> prepared, Object[] known, List<CommandResult> results, Actor actor) {
        Object[] outcomes = new Object[prepared.size()];
        int next = 0;
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            if (p.problem() != null) {
                outcomes[i] = p.problem();
                continue;
            }
            if (known[i] != null) {
                outcomes[i] = known[i];
                continue;
            }
            CommandResult result = results.get(next++);
            if (result instanceof CommandResult.Accepted accepted) {
                outcomes[i] = accepted.events();
            } else if (result instanceof CommandResult.Replayed replayed) {
                outcomes[i] = replayOutcome(p, replayed.outcome(), actor);
            } else {
                outcomes[i] = mutations.problem(result);
            }
        }
        return withStoredEvents(prepared, outcomes);
    }

    /** The answer to a retried batch, rebuilt from its items' stored outcomes. */
    private Uni<Response> replay(Actor actor, List<Prepared> prepared) {
        List<String> keys = new ArrayList<>();
        for (Prepared p : prepared) {
            if (p.problem() == null) {
                keys.add(p.key());
            }
        }
        return mutations.reader().outcomes(actor.subject(), keys).chain(stored -> replayed(prepared, stored, actor));
    }

    /** The answer to a retried batch from its items' stored outcomes (by key). */
    private Uni<Response> replayed(List<Prepared> prepared, Map<String, StoredOutcome> stored, Actor actor) {
        Object[] outcomes = new Object[prepared.size()];
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            if (p.problem() != null) {
                outcomes[i] = p.problem();
            } else if (stored.get(p.key()) == null) {
                outcomes[i] = Problem.of(500, ProblemCodes.INTERNAL_ERROR,
                        "The outcome of this item is no longer stored; send it again with a new key.");
            } else {
                outcomes[i] = replayOutcome(p, stored.get(p.key()), actor);
            }
        }
        return withStoredEvents(prepared, outcomes);
    }

    /**
     * A stored outcome: a problem, or the stored outcome itself when its events must be read. Like
     * a fresh item, it is answered only to the role and scope it was made with (403 otherwise).
     */
    private static Object replayOutcome(Prepared p, StoredOutcome stored, Actor actor) {
        if (stored.kind() != StoredOutcome.Kind.COMMAND || !p.idempotency().sameRequest(stored.requestHash())) {
            return Mutations.keyReused();
        }
        if (!stored.replayableBy(actor)) {
            return Mutations.replayForbidden();
        }
        return stored.accepted() ? stored : Mutations.stored(stored);
    }

    /** Reads the events of replayed items in one query, then builds the answer. */
    private Uni<Response> withStoredEvents(List<Prepared> prepared, Object[] outcomes) {
        List<long[]> ranges = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof StoredOutcome stored) {
                ranges.add(new long[] {stored.firstSeq(), stored.lastSeq()});
            }
        }
        return mutations.reader().events(ranges).map(events -> respond(prepared, outcomes, events));
    }

    @SuppressWarnings("unchecked")
    private Response respond(List<Prepared> prepared, Object[] outcomes, Map<Long, LedgerEvent> stored) {
        List<TransferBatchItemResult> items = new ArrayList<>(outcomes.length);
        for (int i = 0; i < outcomes.length; i++) {
            String key = prepared.get(i).key();
            Object outcome = outcomes[i];
            if (outcome instanceof Problem problem) {
                items.add(new TransferBatchItemResult(key, problem.status(), null, problem));
            } else if (outcome instanceof StoredOutcome s) {
                List<LedgerEvent> events = new ArrayList<>();
                for (long seq = s.firstSeq(); seq <= s.lastSeq(); seq++) {
                    events.add(stored.get(seq));
                }
                items.add(new TransferBatchItemResult(key, 201, mutations.body(events), null));
            } else {
                items.add(new TransferBatchItemResult(key, 201, mutations.body((List<LedgerEvent>) outcome), null));
            }
        }
        return Response.ok(new TransferBatchResponse(items), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
