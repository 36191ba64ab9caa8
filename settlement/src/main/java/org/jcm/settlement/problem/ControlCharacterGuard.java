package org.jcm.settlement.problem;

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
 * ({@code %00} to {@code %1F}, {@code %7F}) with 400 {@code invalid_parameter}. No venue, trade
 * id, instrument, Party, time or cursor of this API holds one, and PostgreSQL cannot even compare
 * text holding NUL: such a value used to reach a query and fail with 500. The raw URI is checked,
 * not the decoded one, so that nothing here decodes (or fails to decode) anything twice. (The
 * registry has its own guard with its own codes; the check itself is the shared {@link RawUri}.)
 */
public class ControlCharacterGuard {

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (RawUri.holdsControl(uri.getRawPath())) {
            return refusal("A path segment holds a control character.", "path");
        }
        if (RawUri.holdsControl(uri.getRawQuery())) {
            return refusal("A query parameter holds a control character.", "query");
        }
        return null;
    }

    private static Response refusal(String detail, String field) {
        return Problem.of(400, ProblemCodes.INVALID_PARAMETER, detail,
                List.of(new FieldError(field, "must not hold control characters"))).toResponse();
    }
}
