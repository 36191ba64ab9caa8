package org.jcm.registry.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jcm.support.json.JsonTextException;

/**
 * The one place where exceptions become HTTP responses: every error leaves the service as an
 * {@code application/problem+json} body, and nothing about the service's insides leaks out.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String BEARER_CHALLENGE = "Bearer realm=\"jcm-registry\"";
    private static final String RETRY_AFTER_SECONDS = "1";

    /** A problem thrown on purpose by a service. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    /** A request body that is not JSON, has unknown fields, or has fields of the wrong type. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return JsonProblems.of(e).toResponse();
    }

    /**
     * Fields of the wrong type or unknown fields. Quarkus ships a mapper for exactly this type
     * (a bare 400, with details only in dev mode), so ours needs its own entry and a higher priority.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e) {
        return JsonProblems.of(e).toResponse();
    }

    /**
     * A value that a ledger-core type refused (an id, a quantity, a text), when no more specific
     * field error was raised: 400 {@code invalid_field} naming the type and the reason.
     */
    @ServerExceptionMapper
    public Response invalidValue(org.jcm.ledger.id.InvalidValueException e) {
        return Problem.of(400, ProblemCodes.INVALID_FIELD, "A value is not valid: " + e.getMessage(),
                java.util.List.of(new FieldError(e.type(), e.reason()))).toResponse();
    }

    /** A body sent without Content-Length that grew past the limit while it was read. */
    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e) {
        return bodyTooLargeResponse(e);
    }

    /** A body that is not UTF-8 JSON text, or whose strings hold text that cannot be stored. */
    @ServerExceptionMapper
    public Response jsonText(JsonTextException e) {
        return JsonProblems.of(e).toResponse();
    }

    /** No token where one is required. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return withChallenge(Problem.of(401, ProblemCodes.UNAUTHORIZED, "A valid bearer token is required."));
    }

    /**
     * A token that failed verification: expired, wrongly signed, from another issuer or for another
     * audience, garbled, or refused by the registry's own rules (issued in the future, living too
     * long, carrying several roles), whose reason is then the detail.
     */
    @ServerExceptionMapper({AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response authenticationFailed(RuntimeException e) {
        LOG.debugf("Authentication failed: %s", e.getMessage());
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.jcm.registry.security.TokenRefusedException refused) {
                return withChallenge(Problem.of(401, ProblemCodes.UNAUTHORIZED, refused.getMessage()));
            }
        }
        return withChallenge(Problem.of(401, ProblemCodes.UNAUTHORIZED,
                "The bearer token is not valid: it may be expired, wrongly signed, from another issuer or for another audience."));
    }

    /** A valid token whose roles do not allow the request. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, ProblemCodes.FORBIDDEN, "The token does not allow this request.").toResponse();
    }

    /**
     * Errors that JAX-RS raises itself (404, 405, 406, 415 and the like), and JSON syntax errors,
     * which Quarkus's JSON reader wraps in a plain 400.
     */
    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof BodyTooLargeException tooLarge) {
            return bodyTooLargeResponse(tooLarge);
        }
        if (e.getCause() instanceof JsonTextException text) {
            return JsonProblems.of(text).toResponse();
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonProblems.of(json).toResponse();
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status < 400) {
            // Redirects and the like are responses, not errors.
            return original;
        }
        if (status >= 500) {
            return internalError(e);
        }
        Problem problem = Problem.of(status, ProblemCodes.forStatus(status), ProblemCodes.detailForStatus(status));
        return status == 401 ? withChallenge(problem) : problem.toResponse();
    }

    /** Anything else is our fault: log it with a reference and tell the client only the reference. */
    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return bodyTooLargeResponse(tooLarge);
            }
            if (cause instanceof JsonTextException text) {
                return JsonProblems.of(text).toResponse();
            }
        }
        java.util.Optional<String> unavailable = DatabaseUnavailable.find(e);
        if (unavailable.isPresent()) {
            return databaseUnavailable(unavailable.get());
        }
        return internalError(e);
    }

    /**
     * PostgreSQL unreachable, shutting down or recovering: not a defect, and the request had no
     * effect it could not repeat (a mutation's retry with the same key finds out), so 503
     * {@code ledger_unavailable} with Retry-After, logged without a stack trace.
     */
    static Response databaseUnavailable(String why) {
        LOG.warnf("Answering 503: the database is unavailable (%s)", why);
        return Problem.of(503, org.jcm.registry.service.LedgerWriter.LEDGER_UNAVAILABLE,
                "The ledger database is unavailable for the moment; retry (with the same Idempotency-Key for a mutation).")
                .responseBuilder().header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static Response bodyTooLargeResponse(BodyTooLargeException e) {
        // The rest of the body is never read, so the connection cannot carry another request.
        return Problem.of(413, ProblemCodes.BODY_TOO_LARGE, "The request body is larger than the limit of "
                + e.limitBytes() + " bytes.").responseBuilder().header("Connection", "close").build();
    }

    private static Response internalError(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return Problem.of(500, ProblemCodes.INTERNAL_ERROR,
                "The service failed to handle the request; quote reference " + reference + " to the operator.")
                .toResponse();
    }

    private static Response withChallenge(Problem problem) {
        return problem.responseBuilder().header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE).build();
    }
}
