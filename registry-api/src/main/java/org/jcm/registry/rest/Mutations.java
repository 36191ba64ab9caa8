package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.MutationResponses;
import org.jcm.registry.limit.MutationRateLimit;
import org.jcm.registry.write.MutationResult;
import org.jcm.registry.write.MutationService;
import org.jcm.registry.write.idempotency.IdempotencyKey;
import org.jcm.registry.write.idempotency.RequestHashes;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.jcm.support.problem.Problem;

/**
 * The HTTP side of every mutation, on the request thread: take one request from the token subject's
 * rate limit, check the Idempotency-Key header, build the command, hash the request, hand it to the
 * {@link MutationService}, and map its {@link MutationResult} to the answer (201 with the events and
 * a Location, a problem, or 503 with {@code Retry-After}). Accepted answers are built from the events
 * alone, so a replay (rebuilt from the stored events) is byte for byte the first answer.
 */
@ApplicationScoped
public class Mutations {

    /** Where a proposal is read: the Location of a four-eyes endpoint's answer. */
    static final String PROPOSALS = "/api/v1/proposals/";

    private final MutationService service;
    private final RequestHashes hashes;
    private final MutationRateLimit rateLimit;

    Mutations(MutationService service, RequestHashes hashes, MutationRateLimit rateLimit) {
        this.service = service;
        this.hashes = hashes;
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
        return service.submit(built, actor, idempotency).map(result -> response(result, locationPrefix));
    }

    /**
     * As {@link #execute}, for a command that needs a look-up before it is submitted (the
     * documents it cites): after the rate limit and the Idempotency-Key, {@code command} is called
     * on the request thread (it may answer a problem at once, e.g. a malformed field) and gives the
     * command when its look-up is done, or fails with the look-up's problem; nothing reaches the
     * writer before.
     */
    public Uni<Response> executeLater(String operation, String keyHeader, Object hashed, Actor actor,
                                      Supplier<Uni<Command>> command, String locationPrefix) {
        Response limited = rateLimit.refusal(actor.subject());
        if (limited != null) {
            return Uni.createFrom().item(limited);
        }
        String key = IdempotencyKeys.require(keyHeader);
        Uni<Command> built = command.get();
        IdempotencyKey idempotency = new IdempotencyKey(new SubjectKey(actor.subject(), key), hashes.of(operation, hashed));
        return built.chain(c -> service.submit(c, actor, idempotency)).map(result -> response(result, locationPrefix));
    }

    /**
     * Executes a four-eyes endpoint's mutation: when the actor has the role that proposes the
     * command ({@link ProposableAction#kind()}; for a cancellation only one for correction), the
     * command is submitted as {@link ProposeAction} and answers the proposal, with
     * {@code Location: /api/v1/proposals/{id}}; otherwise it is submitted as it is (an account
     * holder's own cancellation; other roles get the ledger's usual rejection), with
     * {@code locationPrefix} as {@link #execute} has it.
     */
    public Uni<Response> propose(String operation, String keyHeader, Object hashed, Actor actor, Supplier<Command> command,
                                 String locationPrefix) {
        return execute(operation, keyHeader, hashed, actor, () -> proposal(command.get(), actor), locationPrefix);
    }

    /** The command a four-eyes endpoint submits for {@code actor}: the proposal of {@code command}, or itself. */
    static Command proposal(Command command, Actor actor) {
        if (command instanceof ProposableAction action && action.kind().role() == actor.role()
                && !(action instanceof CancelCredits cancel && cancel.reason() != CancellationReason.CORRECTION)) {
            return new ProposeAction(action);
        }
        return command;
    }

    /** The answer for a mutation's result. */
    Response response(MutationResult result, String locationPrefix) {
        if (result instanceof MutationResult.Committed committed) {
            return created(committed.events(), locationPrefix);
        } else if (result instanceof MutationResult.Busy busy) {
            return busy(busy.code(), busy.detail(), busy.retryAfterSeconds());
        }
        return problem(result).toResponse();
    }

    /** The accepted answer for a command's events. */
    private Response created(List<LedgerEvent> events, String locationPrefix) {
        MutationResponse body = body(events);
        Response.ResponseBuilder response = Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        // A proposal's answer names the proposal, whichever endpoint proposed it.
        String prefix = !events.isEmpty() && events.get(0) instanceof ProposalMade ? PROPOSALS : locationPrefix;
        if (prefix != null && body.id() != null) {
            response.location(URI.create(prefix + body.id()));
        }
        return response.build();
    }

    /** The body of an accepted answer. */
    MutationResponse body(List<LedgerEvent> events) {
        return MutationResponses.of(events, service.reference()::cooperativeApproach);
    }

    /** The problem for a result that is not an acceptance. */
    static Problem problem(MutationResult result) {
        if (result instanceof MutationResult.Rejected rejected) {
            return Problem.of(rejected.status(), rejected.code(), rejected.detail());
        } else if (result instanceof MutationResult.KeyReused) {
            return keyReused();
        } else if (result instanceof MutationResult.Refused refused) {
            return Problem.of(refused.status(), refused.code(), refused.detail());
        } else if (result instanceof MutationResult.Busy busy) {
            return Problem.of(503, busy.code(), busy.detail());
        }
        throw new IllegalArgumentException("not a problem: " + result);
    }

    /** 503: retryable, with {@code Retry-After}. */
    static Response busy(String code, String detail, int retryAfterSeconds) {
        return Problem.of(503, code, detail).responseBuilder().header("Retry-After", Integer.toString(retryAfterSeconds)).build();
    }

    /** 409 {@code idempotency_key_reused}. */
    static Problem keyReused() {
        return Problem.of(409, IdempotencyKeys.REUSED, "This Idempotency-Key was already used for a different request; "
                + "use a new key for a new request.");
    }

    RequestHashes hashes() {
        return hashes;
    }

    MutationService service() {
        return service;
    }

    MutationRateLimit rateLimit() {
        return rateLimit;
    }
}
