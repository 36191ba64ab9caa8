package org.jcm.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * An answer of the registry or the settlement service that is not a success, as its RFC 9457
 * problem+json body says (docs/problems.md): {@code code} is the stable code to act on, {@code
 * errors} name the fields at fault. An answer without a problem body (a proxy's 502 page) becomes a
 * problem with code {@code http_<status>} and the body's first characters as detail.
 */
public final class JcmProblem extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field at fault: the field's path and what is wrong with it. */
    public record FieldError(String field, String detail) {
    }

    private final String type;
    private final String code;
    private final int status;
    private final String title;
    private final String detail;
    private final transient List<FieldError> errors;
    private final transient HttpHeaders headers;

    JcmProblem(String type, String code, int status, String title, String detail, List<FieldError> errors,
            HttpHeaders headers) {
        super(status + " " + code + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.type = type;
        this.code = code;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.headers = headers;
    }

    /** The problem an answer of {@code status} with {@code body} states. */
    public static JcmProblem of(int status, String body, HttpHeaders headers) {
        JsonNode node = parse(body);
        if (node == null || !node.hasNonNull("code")) {
            String text = body == null ? "" : body.strip();
            return new JcmProblem("about:blank", "http_" + status, status, null,
                    text.length() > 200 ? text.substring(0, 200) : text, List.of(), headers);
        }
        return new JcmProblem(node.path("type").asText("about:blank"), node.path("code").asText(),
                node.path("status").asInt(status), node.path("title").asText(null), node.path("detail").asText(null),
                errors(node.path("errors")), headers);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<FieldError> errors(JsonNode array) {
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : array) {
            errors.add(new FieldError(error.path("field").asText(null), error.path("detail").asText(null)));
        }
        return errors;
    }

    /** The problem type URI. */
    public String type() {
        return type;
    }

    /** The stable problem code, e.g. {@code insufficient_units}. */
    public String code() {
        return code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem's title, or null. */
    public String title() {
        return title;
    }

    /** The human-readable detail, or null. */
    public String detail() {
        return detail;
    }

    /** The fields at fault; empty when the problem is not about fields. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The answer's headers (e.g. {@code Retry-After}), or empty ones. */
    public HttpHeaders headers() {
        return headers == null ? HttpHeaders.of(java.util.Map.of(), (a, b) -> true) : headers;
    }
}
