package org.jcm.registry.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jcm.support.http.RawUri;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.Problem;

/**
 * Refuses a request whose path or query holds a percent-encoded C0 control character or DEL
 * ({@code %00} to {@code %1F}, {@code %7F}): 400 {@code bad_request} for the path, 400
 * {@code invalid_query_parameter} for the query. No id, code, filter, cursor or name of this API
 * holds one, and PostgreSQL cannot even compare text holding NUL: an organization id with
 * {@code %00} used to reach a query and fail with 500. The raw URI is checked, so that nothing
 * here decodes anything a second time. (Settlement has its own guard: it answers both with its
 * {@code invalid_parameter}, so the codes, not the check in {@link RawUri}, differ.)
 */
public class ControlCharacterGuard {

    /** The problem code of a query value that holds a control character (as for any bad query parameter). */
    static final String INVALID_QUERY_PARAMETER = "invalid_query_parameter";

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (RawUri.holdsControl(uri.getRawPath())) {
            return Problem.of(400, ProblemCodes.BAD_REQUEST, "The path holds a control character.").toResponse();
        }
        if (RawUri.holdsControl(uri.getRawQuery())) {
            return Problem.of(400, INVALID_QUERY_PARAMETER, "A query parameter holds a control character.",
                    List.of(new FieldError("query", "must not hold control characters"))).toResponse();
        }
        return null;
    }

}
