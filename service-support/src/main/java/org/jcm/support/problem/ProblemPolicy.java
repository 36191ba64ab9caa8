package org.jcm.support.problem;

import jakarta.ws.rs.core.Response;

/**
 * What {@link EdgeProblemMappers} asks of the service it runs in: each service has exactly one
 * such bean. The mappers are the same in both services; the realm of the bearer challenge, the
 * code and detail of a bare status, the exception that carries a refusal by the service's own token
 * rules, and the few failures only one service meets (the registry's body limit while streaming and
 * its unavailable database) are the service's own.
 */
public interface ProblemPolicy {

    /** The realm named in {@code WWW-Authenticate: Bearer realm="..."}. */
    String realm();

    /**
     * The problem for a bare HTTP status raised by the framework, such as 404 or 405: by default
     * with the shared code and detail of {@link HttpProblemCodes}.
     */
    default Problem forStatus(int status) {
        return Problem.of(status, HttpProblemCodes.forStatus(status), HttpProblemCodes.detailForStatus(status));
    }

    /** The exception type whose message tells the client which of the service's own token rules a token breaks. */
    Class<? extends Exception> tokenRefusal();

    /**
     * The service's own answer to {@code cause}, one exception of a failure's chain, or null to
     * let the mappers go on; the chain's causes are offered from the outermost in.
     */
    default Response answerForCause(Throwable cause) {
        return null;
    }

    /**
     * The service's own answer to an unexpected failure that no cause of its chain explained, or
     * null for 500 {@code internal_error}.
     */
    default Response answerForUnexpected(Throwable failure) {
        return null;
    }
}
