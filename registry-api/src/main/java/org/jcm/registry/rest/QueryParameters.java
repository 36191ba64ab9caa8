package org.jcm.registry.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.registry.problem.ClientText;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.ProblemException;

/**
 * The query parameters of a read request, checked strictly like request bodies: a parameter the
 * endpoint does not know, or one given twice, is refused rather than ignored, because a mistyped
 * filter ({@code ?vintge=2024}) would otherwise silently answer everything. The one exception is
 * {@code format}, which {@link FormatParameter} has already checked against the endpoint.
 */
public final class QueryParameters {

    /** A query parameter is unknown, repeated, or has a value the endpoint refuses. */
    public static final String INVALID_QUERY_PARAMETER = "invalid_query_parameter";

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The request's query parameters, of which only {@code allowed} are accepted.
     *
     * @throws ProblemException 400 {@code invalid_query_parameter}
     */
    public static QueryParameters of(UriInfo uri, Set<String> allowed) {
        MultivaluedMap<String, String> given = uri.getQueryParameters(true);
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : given.entrySet()) {
            String name = entry.getKey();
            // format is checked for every endpoint alike, by FormatParameter, before this runs.
            if (!allowed.contains(name) && !name.equals(FormatParameter.NAME)) {
                String accepted = allowed.isEmpty() ? "it takes none"
                        : "it takes " + String.join(", ", allowed.stream().sorted().toList());
                throw invalid(name, "This endpoint has no query parameter " + ClientText.quote(name) + "; " + accepted + ".");
            }
            if (entry.getValue().size() != 1) {
                throw invalid(name, "Give '" + name + "' once.");
            }
            values.put(name, entry.getValue().get(0));
        }
        return new QueryParameters(values);
    }

    /** The value of a parameter, or null when it was not given. */
    public String get(String name) {
        return values.get(name);
    }

    /** The problem for one bad query parameter: 400 {@code invalid_query_parameter} naming it. */
    public static ProblemException invalid(String name, String detail) {
        return new ProblemException(400, INVALID_QUERY_PARAMETER, detail, List.of(new FieldError(abbreviate(name), detail)));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
