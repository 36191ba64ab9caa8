package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.TransferBatchItem;
import org.jcm.registry.api.TransferBatchItemResult;
import org.jcm.registry.api.TransferBatchRequest;
import org.jcm.registry.api.TransferBatchResponse;
import org.jcm.registry.write.BatchResult;
import org.jcm.registry.write.LedgerWriter;
import org.jcm.registry.write.MutationResult;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * POST /transfer-batches: up to 1,000 transfers submitted as one unit, so the writer applies them
 * in order within one batch (one transaction). Each item has its own idempotency key and outcome,
 * exactly as if it had been posted alone to /transfers (same request hash, so a key used on either
 * endpoint is recognized on the other); the batch's own key guards the batch as a whole. The
 * keys of a batch and of its items are all different, or the batch is refused as a whole before
 * anything is submitted (400 {@code duplicate_idempotency_key}). Keys are decided by the writer, as
 * for every mutation; this class checks the request, prepares the items and maps the result.
 */
@ApplicationScoped
public class TransferBatches {

    static final String TRANSFER = "transfer";
    static final String BATCH = "transfer-batch";

    private final Mutations mutations;

    TransferBatches(Mutations mutations) {
        this.mutations = mutations;
    }

    /** One item as prepared on the request thread: what goes to the writer, or why it is refused outright. */
    private record Prepared(String key, LedgerWriter.Item item, Problem problem) {
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
        List<LedgerWriter.Item> submitted = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Prepared p = prepare(i, items.get(i), actor);
            prepared.add(p);
            if (p.problem() == null) {
                submitted.add(p.item());
            }
        }
        IdempotencyKey batchKey = new IdempotencyKey(new SubjectKey(actor.subject(), key), mutations.hashes().of(BATCH, request));
        return mutations.service().submit(submitted, batchKey, actor).map(result -> respond(prepared, result));
    }

    private Prepared prepare(int index, TransferBatchItem item, Actor actor) {
        String prefix = "items[" + index + "].";
        if (item == null) {
            return new Prepared(null, null, Fields.invalid("items[" + index + "]", "is required.").problem());
        }
        String keyProblem = IdempotencyKeys.problem(item.idempotencyKey());
        if (keyProblem != null) {
            String code = item.idempotencyKey() == null || item.idempotencyKey().isEmpty() ? IdempotencyKeys.REQUIRED
                    : IdempotencyKeys.INVALID;
            return new Prepared(item.idempotencyKey(), null, Problem.of(400, code, "The item's " + prefix
                    + "idempotencyKey " + keyProblem));
        }
        try {
            TransferCredits command = item.transfer().toCommand(prefix);
            IdempotencyKey idempotency = new IdempotencyKey(new SubjectKey(actor.subject(), item.idempotencyKey()),
                    mutations.hashes().of(TRANSFER, item.transfer()));
            return new Prepared(item.idempotencyKey(), new LedgerWriter.Item(command, actor, idempotency), null);
        } catch (ProblemException e) {
            return new Prepared(item.idempotencyKey(), null, e.problem());
        }
    }

    /** The answer for the batch's result: each item's outcome in request order, or one problem for the whole batch. */
    private Response respond(List<Prepared> prepared, BatchResult result) {
        if (result instanceof BatchResult.Items items) {
            return Response.ok(new TransferBatchResponse(itemResults(prepared, items.results())),
                    MediaType.APPLICATION_JSON_TYPE).build();
        } else if (result instanceof BatchResult.KeyReused) {
            return Mutations.keyReused().toResponse();
        } else if (result instanceof BatchResult.Refused refused) {
            return Problem.of(refused.status(), refused.code(), refused.detail()).toResponse();
        }
        BatchResult.Busy busy = (BatchResult.Busy) result;
        return Mutations.busy(busy.code(), busy.detail(), busy.retryAfterSeconds());
    }

    /** The items' outcomes: refused on the request thread, or the writer's results (one per item submitted, in order). */
    private List<TransferBatchItemResult> itemResults(List<Prepared> prepared, List<MutationResult> results) {
        List<TransferBatchItemResult> items = new ArrayList<>(prepared.size());
        int next = 0;
        for (Prepared p : prepared) {
            if (p.problem() != null) {
                items.add(new TransferBatchItemResult(p.key(), p.problem().status(), null, p.problem()));
                continue;
            }
            MutationResult result = results.get(next++);
            if (result instanceof MutationResult.Committed committed) {
                items.add(new TransferBatchItemResult(p.key(), 201, mutations.body(committed.events()), null));
            } else {
                Problem problem = Mutations.problem(result);
                items.add(new TransferBatchItemResult(p.key(), problem.status(), null, problem));
            }
        }
        return items;
    }
}
