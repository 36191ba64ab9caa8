package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.MutationResponses;
import org.jcm.registry.limit.MutationRateLimit;
import org.jcm.registry.write.store.StoredLedgerReader;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.support.problem.Problem;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.service.CommandResult;
import org.jcm.registry.service.IdempotencyKey;
import org.jcm.registry.service.Ledger;
import org.jcm.registry.service.LedgerWriter;
import org.jcm.registry.service.WriterConfig;

/**
 * The path every mutation takes on the request thread: take one request from the token subject's
 * rate limit, check the Idempotency-Key, build the command, hash the request, submit it to the
 * writer (which answers a known key from its memory or PostgreSQL), and turn the result into the
 * HTTP answer. Accepted answers are built from the events alone, so
 * a replay (rebuilt from the stored events) is byte for byte the first answer.
 */
@ApplicationScoped
public class Mutations {

    private final Ledger ledger;
    private final StoredLedgerReader reader;
    private final RequestHashes hashes;
    private final WriterConfig config;
    private final MutationRateLimit rateLimit;

    Mutations(Ledger ledger, StoredLedgerReader reader, RequestHashes hashes, WriterConfig config, MutationRateLimit rateLimit) {
        this.ledger = ledger;
        this.reader = reader;
        this.hashes = hashes;
        this.config = config;
        this.rateLimit = rateLimit;
    }

    /**
     * Executes one mutation. {@code hashed} is what identifies the request (the body, plus path
     * parameters); {@code locationPrefix}, if not null, makes a Location header of the created id.
     */
    public Uni<Response> execute(String operation, String keyHeader, Object hashed, Actor actor, Supplier<Command> command,
                                 String locationPrefix) {
        Response limited = rateLimit.refusal(actor.subject());
        if (limited != null) {
            return Uni.createFrom().item(limited);
        }
        String key = IdempotencyKeys.require(keyHeader);
        Command built = command.get();
        IdempotencyKey idempotency = new IdempotencyKey(new SubjectKey(actor.subject(), key), hashes.of(operation, hashed));
        // The writer looks the key up itself, in one query per batch for every key it does not
        // remember, inside the batch's transaction: a request costs no PostgreSQL round trip of its own.
        return ledger.submit(new LedgerWriter.Item(built, actor, idempotency), LedgerWriter.UNCHECKED)
                .chain(result -> respond(result, idempotency, locationPrefix));
    }

    /** The answer for a writer's result. */
    Uni<Response> respond(CommandResult result, IdempotencyKey key, String locationPrefix) {
        if (result instanceof CommandResult.Accepted accepted) {
            return Uni.createFrom().item(created(accepted.events(), locationPrefix));
        } else if (result instanceof CommandResult.Replayed replayed) {
            return replay(key, replayed.outcome(), locationPrefix);
        }
        return Uni.createFrom().item(response(problem(result)));
    }

    /** The answer to a retry: the stored outcome, rebuilt from the stored events; 409 if the key was used for another request. */
    Uni<Response> replay(IdempotencyKey key, StoredOutcome stored, String locationPrefix) {
        if (stored.kind() != StoredOutcome.Kind.COMMAND || !key.sameRequest(stored.requestHash())) {
            return Uni.createFrom().item(response(keyReused()));
        }
        if (!stored.accepted()) {
            return Uni.createFrom().item(response(stored(stored)));
        }
        return reader.events(stored.firstSeq(), stored.lastSeq()).map(events -> created(events, locationPrefix));
    }

    /** The accepted answer for a command's events. */
    Response created(List<LedgerEvent> events, String locationPrefix) {
        MutationResponse body = body(events);
        Response.ResponseBuilder response = Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (locationPrefix != null && body.id() != null) {
            response.location(URI.create(locationPrefix + body.id()));
        }
        return response.build();
    }

    /** The body of an accepted answer. */
    MutationResponse body(List<LedgerEvent> events) {
        return MutationResponses.of(events, ledger.reference()::cooperativeApproach);
    }

    /** The problem for a result that is not an acceptance. */
    Problem problem(CommandResult result) {
        if (result instanceof CommandResult.Rejected rejected) {
            return Problem.of(rejected.status(), rejected.code(), rejected.detail());
        } else if (result instanceof CommandResult.KeyReused) {
            return keyReused();
        } else if (result instanceof CommandResult.Unavailable unavailable) {
            return Problem.of(503, unavailable.code(), unavailable.detail());
        } else if (result instanceof CommandResult.Failed failed) {
            return Problem.of(500, ProblemCodes.INTERNAL_ERROR, failed.detail());
        } else if (result instanceof CommandResult.Refused refused) {
            return Problem.of(refused.status(), refused.code(), refused.detail());
        }
        throw new IllegalArgumentException("not a problem: " + result);
    }

    /** The problem a stored rejection answers with. */
    static Problem stored(StoredOutcome stored) {
        return Problem.of(stored.status(), stored.rejectionCode(), stored.rejectionDetail());
    }

    /** The HTTP answer for a problem; retryable 503s say when to retry. */
    Response response(Problem problem) {
        if (problem.status() == 503) {
            return problem.responseBuilder().header("Retry-After", Integer.toString(config.retryAfterSeconds())).build();
        }
        return problem.toResponse();
    }

    /** 503 while the ledger's reference data is not loaded yet (start-up of this instance). */
    Response notLoaded() {
        return response(Problem.of(503, org.jcm.registry.service.LedgerWriter.LEDGER_UNAVAILABLE,
                "The ledger is starting on this instance; retry with the same Idempotency-Key."));
    }

    /** 403 {@code forbidden}: the key's outcome belongs to another role or scope of the same token subject. */
    static Problem replayForbidden() {
        return Problem.of(403, ProblemCodes.FORBIDDEN, LedgerWriter.REPLAY_FORBIDDEN);
    }

    /** 409 {@code idempotency_key_reused}. */
    static Problem keyReused() {
        return Problem.of(409, IdempotencyKeys.REUSED, "This Idempotency-Key was already used for a different request; "
                + "use a new key for a new request.");
    }

    Ledger ledger() {
        return ledger;
    }

    StoredLedgerReader reader() {
        return reader;
    }

    RequestHashes hashes() {
        return hashes;
    }

    MutationRateLimit rateLimit() {
        return rateLimit;
    }
}
