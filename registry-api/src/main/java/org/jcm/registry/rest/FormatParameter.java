package org.jcm.registry.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.Problem;

/**
 * One policy for {@code ?format=} on every endpoint of the registry (docs/api.md, "Formats").
 *
 * <p>Before routing, a {@code format} of {@code csv}, {@code json} or {@code html} becomes the
 * request's {@code Accept} header (the named type first, JSON as a fallback), so that the endpoints
 * keep choosing their representation by {@code Accept} alone and a JSON-only endpoint is still
 * matched. After routing, the matched endpoint's {@link Formats} decide: a value it lists is
 * honoured; any other value, and {@code format} on an endpoint without {@link Formats}, is 400
 * {@code unsupported_format}. A client asking for CSV where none is offered learns it at once
 * instead of getting JSON it did not ask for.
 */
public class FormatParameter {

    /** The query parameter. */
    static final String NAME = "format";

    /** What each value of {@code format} asks {@code Accept} for. */
    private static final Map<String, String> ACCEPT = Map.of(
            "csv", Representations.TEXT_CSV + ", application/json;q=0.1",
            "json", "application/json",
            "html", "text/html, application/json;q=0.1");

    /** Turns {@code format} into {@code Accept} before the endpoint is chosen; leaves a repeated one to the endpoint. */
    @ServerRequestFilter(preMatching = true)
    public void accept(ContainerRequestContext request) {
        List<String> values = request.getUriInfo().getQueryParameters(true).get(NAME);
        if (values != null && values.size() == 1 && ACCEPT.containsKey(values.get(0))) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, ACCEPT.get(values.get(0)));
        }
    }

    /** Refuses a {@code format} the matched endpoint does not offer. */
    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        List<String> values = request.getUriInfo().getQueryParameters(true).get(NAME);
        if (values == null) {
            return null;
        }
        Method method = resource.getResourceMethod();
        Formats offered = method == null ? null : method.getAnnotation(Formats.class);
        if (offered == null) {
            return refuse("This endpoint takes no 'format' parameter: it answers JSON only.");
        }
        List<String> accepted = List.of(offered.value());
        if (values.size() != 1) {
            return refuse("Give 'format' once.");
        }
        if (!accepted.contains(values.get(0))) {
            return refuse("This endpoint answers format=" + String.join(" or format=", accepted) + ", not "
                    + ClientText.quote("format=" + values.get(0)) + ".");
        }
        return null;
    }

    private static Response refuse(String detail) {
        return Problem.of(400, ProblemCodes.UNSUPPORTED_FORMAT, detail, List.of(new FieldError(NAME, detail))).toResponse();
    }
}
