package org.jcm.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;

/**
 * The body of every error response: RFC 9457 problem details plus the service's stable
 * {@code code} and, for field problems, {@code errors}.
 *
 * @param type a URI naming the problem, {@code urn:jcm:problem:<code>}
 * @param title the HTTP reason phrase of the status
 * @param status the HTTP status
 * @param detail what went wrong in this occurrence, for people
 * @param code the stable snake_case code that clients branch on
 * @param errors field problems, or null when there are none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    /** The media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The prefix of every problem type URI. */
    public static final String TYPE_PREFIX = "urn:jcm:problem:";

    /** Checks the parts and keeps {@code errors} either null or non-empty. */
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A problem has an error status: " + status);
        }
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** A problem with the usual type and title for the status and code. */
    public static Problem of(int status, String code, String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + code, HttpTitles.of(status), status, detail, code, errors);
    }

    /** A problem without field errors. */
    public static Problem of(int status, String code, String detail) {
        return of(status, code, detail, null);
    }

    /** The JAX-RS response carrying this problem. */
    public Response toResponse() {
        return responseBuilder().build();
    }

    /** A JAX-RS response builder carrying this problem, for adding headers. */
    public Response.ResponseBuilder responseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
