package org.jcm.support.problem;

/**
 * The problem codes of the HTTP layer that both services answer with, and the code and detail of
 * a bare HTTP status. Each service's own {@code ProblemCodes} extends this class with the codes
 * only it uses (so {@code ProblemCodes.MALFORMED_JSON} still reads as before) and, where it
 * answers a status differently, hides {@link #forStatus} and {@link #detailForStatus}. Domain
 * rejections (such as {@code insufficient_units}) are defined with the ledger's rules, not here.
 */
public class HttpProblemCodes {

    /** The body is not JSON at all: a syntax error, an empty body, a duplicate key, a byte order mark, not UTF-8. */
    public static final String MALFORMED_JSON = "malformed_json";
    /**
     * A string or field name holds text that cannot be stored: a lone UTF-16 surrogate or U+0000
     * (org.jcm.support.json.JsonTextGuard); {@code errors[0].field} is its path.
     */
    public static final String INVALID_TEXT = "invalid_text";
    /** A field has the wrong type, an unknown enum value, or a value its type refuses. */
    public static final String INVALID_FIELD = "invalid_field";
    /** The body has a field that the endpoint does not know; such bodies are refused, not ignored. */
    public static final String UNKNOWN_FIELD = "unknown_field";
    /** The request is not valid for a reason that no more specific code names. */
    public static final String BAD_REQUEST = "bad_request";
    /** No bearer token, or one that is expired, wrongly signed or from another issuer. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** The token is valid but its roles or scope do not allow this request. */
    public static final String FORBIDDEN = "forbidden";
    /** No such resource. */
    public static final String NOT_FOUND = "not_found";
    /** The resource does not support this HTTP method. */
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    /** No representation matches the {@code Accept} header. */
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    /** The body exceeds the size limit (1 MiB). */
    public static final String BODY_TOO_LARGE = "body_too_large";
    /** The request line (method, path and query) is too long. */
    public static final String URI_TOO_LONG = "uri_too_long";
    /** The request's headers are too large in all. */
    public static final String HEADER_FIELDS_TOO_LARGE = "header_fields_too_large";
    /** The {@code Content-Type} is not one the endpoint reads, or a body came without one. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    /** Something failed inside the service; the detail carries a reference for the logs only. */
    public static final String INTERNAL_ERROR = "internal_error";

    /** For the services' own {@code ProblemCodes}, which only add constants. */
    protected HttpProblemCodes() {
    }

    /** The code of a bare HTTP status, for errors raised by the framework rather than by our code. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> BODY_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADER_FIELDS_TOO_LARGE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }

    /** A detail for a bare HTTP status, which says nothing about the service's insides. */
    public static String detailForStatus(int status) {
        return switch (status) {
            case 401 -> "A valid bearer token is required.";
            case 403 -> "The token does not allow this request.";
            case 404 -> "There is no resource at this path.";
            case 405 -> "The resource does not support this method.";
            case 406 -> "The resource cannot answer in a media type that the Accept header allows.";
            case 413 -> "The request body is larger than the limit of 1 MiB.";
            case 414 -> "The request line is too long.";
            case 431 -> "The request's headers are too large.";
            case 415 -> "The resource does not read this Content-Type.";
            default -> status >= 500 ? "The service failed to handle the request." : "The request is not valid.";
        };
    }
}
