package org.jcm.support.problem;

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
 * Where exceptions become HTTP responses in both services: every error leaves a service as an
 * {@code application/problem+json} body, and nothing about the service's insides leaks out. What
 * differs between the services comes from their {@link ProblemPolicy} bean; each service keeps its
 * own mappers only for the exceptions it alone answers in its own words.
 */
public class EdgeProblemMappers {

    private static final Logger LOG = Logger.getLogger(EdgeProblemMappers.class);

    private final ProblemPolicy policy;

    /** Mappers that ask {@code policy} what is the service's own. */
    public EdgeProblemMappers(ProblemPolicy policy) {
        this.policy = policy;
    }

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

    /** A body that is not UTF-8 JSON text, or whose strings hold text that cannot be stored. */
    @ServerExceptionMapper
    public Response jsonText(JsonTextException e) {
        return JsonProblems.of(e).toResponse();
    }

    /** No token where one is required. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return withChallenge(Problem.of(401, HttpProblemCodes.UNAUTHORIZED, "A valid bearer token is required."));
    }

    /**
     * A token that failed verification: expired, wrongly signed, from another issuer or for another
     * audience, garbled, or refused by the service's own rules (issued in the future, living too
     * long, carrying several roles), whose reason is then the detail.
     */
    @ServerExceptionMapper({AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response authenticationFailed(RuntimeException e) {
        LOG.debugf("Authentication failed: %s", e.getMessage());
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (policy.tokenRefusal().isInstance(cause)) {
                return withChallenge(Problem.of(401, HttpProblemCodes.UNAUTHORIZED, cause.getMessage()));
            }
        }
        return withChallenge(Problem.of(401, HttpProblemCodes.UNAUTHORIZED,
                "The bearer token is not valid: it may be expired, wrongly signed, from another issuer or for another audience."));
    }

    /** A valid token whose roles do not allow the request. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, HttpProblemCodes.FORBIDDEN, "The token does not allow this request.").toResponse();
    }

    /**
     * Errors that JAX-RS raises itself (404, 405, 406, 415 and the like), and JSON syntax errors,
     * which Quarkus's JSON reader wraps in a plain 400.
     */
    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response own = e.getCause() == null ? null : policy.answerForCause(e.getCause());
        if (own != null) {
            return own;
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
        Problem problem = policy.forStatus(status);
        return status == 401 ? withChallenge(problem) : problem.toResponse();
    }

    /** Anything else is our fault: log it with a reference and tell the client only the reference. */
    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Response own = policy.answerForCause(cause);
            if (own != null) {
                return own;
            }
            if (cause instanceof JsonTextException text) {
                return JsonProblems.of(text).toResponse();
            }
        }
        Response own = policy.answerForUnexpected(e);
        return own != null ? own : internalError(e);
    }

    private static Response internalError(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return Problem.of(500, HttpProblemCodes.INTERNAL_ERROR,
                "The service failed to handle the request; quote reference " + reference + " to the operator.")
                .toResponse();
    }

    private Response withChallenge(Problem problem) {
        return problem.responseBuilder().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + policy.realm() + "\"")
                .build();
    }
}
