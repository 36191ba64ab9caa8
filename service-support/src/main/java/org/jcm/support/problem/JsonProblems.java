package org.jcm.support.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions about a request body into problems that name the field at fault. */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** The problem for any Jackson failure while reading a request body. */
    public static Problem of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e instanceof JsonMappingException mapping && isEmptyBody(mapping)) {
            return emptyBody();
        }
        if (e instanceof JsonMappingException mapping && isTrailingContent(mapping)) {
            return Problem.of(400, HttpProblemCodes.MALFORMED_JSON,
                    "The request body has content after its JSON document" + location(e.getLocation()) + ".");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping.getPath());
            return Problem.of(400, HttpProblemCodes.INVALID_FIELD, "Field '" + field + "' is not valid.",
                    List.of(new FieldError(field, fieldDetail(mapping))));
        }
        if (e instanceof ValueInstantiationException instantiation) {
            // A request record refused its values as a whole, in its constructor.
            return Problem.of(400, HttpProblemCodes.INVALID_FIELD, "The request is not valid: " + fieldDetail(instantiation));
        }
        if (e instanceof JsonMappingException mapping) {
            return Problem.of(400, HttpProblemCodes.INVALID_FIELD, "The request body does not have the expected shape: "
                    + fieldDetail(mapping));
        }
        return Problem.of(400, HttpProblemCodes.MALFORMED_JSON, "The request body is not valid JSON: "
                + e.getOriginalMessage() + location(e.getLocation()));
    }

    /** The problem for a body that is not UTF-8 JSON text, or that holds text no field can keep. */
    public static Problem of(org.jcm.support.json.JsonTextException e) {
        return Problem.of(400, e.code(), e.reason(),
                e.field() == null ? null : List.of(new FieldError(e.field(), e.reason())));
    }

    private static Problem unknownField(UnrecognizedPropertyException e) {
        String field = fieldPath(e.getPath());
        String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                .map(Object::toString).sorted().collect(Collectors.joining(", "));
        String detail = known.isEmpty() ? "This field is not part of the request."
                : "This field is not part of the request; known fields: " + known + ".";
        return Problem.of(400, HttpProblemCodes.UNKNOWN_FIELD, "Field '" + field + "' is not known; unknown fields are refused.",
                List.of(new FieldError(field, detail)));
    }

    private static String fieldDetail(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "Must be one of " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + ".";
        }
        if (e instanceof ValueInstantiationException instantiation) {
            // Our request records validate in their constructors and say what is wrong; other
            // causes could describe internals, so they get a generic sentence.
            Throwable cause = instantiation.getCause();
            return cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "The value is not accepted.";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "Must be " + describe(mismatch.getTargetType()) + ".";
        }
        return "The value is not accepted.";
    }

    /** The problem for a missing body where a JSON document is required. */
    public static Problem emptyBody() {
        return Problem.of(400, HttpProblemCodes.MALFORMED_JSON, "The request body is empty; a JSON document is required.");
    }

    private static boolean isTrailingContent(JsonMappingException e) {
        return e instanceof MismatchedInputException && e.getPath().isEmpty()
                && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
    }

    private static boolean isEmptyBody(JsonMappingException e) {
        return e instanceof MismatchedInputException && e.getPath().isEmpty()
                && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map");
    }

    /** A path such as {@code allocations[0].quantity}. */
    public static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "(body)" : field.toString();
    }

    private static String describe(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.math.BigDecimal.class) {
            return "a decimal number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "a JSON object";
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
