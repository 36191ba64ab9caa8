package org.jcm.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that an OpenAPI document is complete enough to generate a client from (docs/api.md, "The
 * OpenAPI document"), and lists every gap as one line naming the operation, so that a service's
 * test fails with all of them at once. For every operation under {@link Rules#pathPrefix()}:
 * <ul>
 *   <li>an {@code operationId}, camelCase ({@code [a-z][A-Za-z0-9]*}) and unique in the document;</li>
 *   <li>at least one 2xx response, and every JSON content of a 2xx response, and of the request
 *       body, with a named schema (a {@code $ref}, or an array of one), so that a generator makes a
 *       named class of it rather than an untyped map;</li>
 *   <li>every 4xx and 5xx response an {@code application/problem+json} {@code Problem}, and every
 *       429 and 503 with its {@code Retry-After} header;</li>
 *   <li>an operation with a request body answers 400, 413 and 415, and a named schema of its body
 *       is under a JSON media type;</li>
 *   <li>every write (POST, PUT, PATCH, DELETE) takes the required {@code Idempotency-Key} header
 *       and answers the service's {@link Rules#keyedProblems()}, unless the service lists it in
 *       {@link Rules#keyFree()} (writes that are not retried by key, such as an operator's action);</li>
 *   <li>every {@code $ref} in the document names one of its component schemas.</li>
 * </ul>
 */
public final class OpenApiCompleteness {

    /** What a service's document must hold beyond the common rules. */
    public record Rules(String pathPrefix, Set<String> keyedProblems, Set<String> keyFree) {
    }

    static final String KEY_HEADER = "Idempotency-Key";
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Set<String> METHODS = Set.of("get", "head", "options", "trace", "post", "put", "patch", "delete");
    private static final String PROBLEM = "#/components/schemas/Problem";

    private OpenApiCompleteness() {
    }

    /** Every gap of {@code document} under {@code rules}, one line each; empty when it is complete. */
    public static List<String> gaps(JsonNode document, Rules rules) {
        List<String> gaps = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith(rules.pathPrefix())) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (METHODS.contains(operation.getKey())) {
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    check(name, operation.getKey(), operation.getValue(), rules, operationIds, gaps);
                }
            }
        }
        checkReferences(document, document, gaps);
        return gaps;
    }

    /** Every {@code $ref} names a schema of the document's components: a dangling one breaks every generator. */
    private static void checkReferences(JsonNode document, JsonNode node, List<String> gaps) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.path("$ref").asText();
            String prefix = "#/components/schemas/";
            if (!ref.startsWith(prefix) || !document.path("components").path("schemas").has(ref.substring(prefix.length()))) {
                String gap = "$ref '" + ref + "' names no schema of the document";
                if (!gaps.contains(gap)) {
                    gaps.add(gap);
                }
            }
        }
        node.elements().forEachRemaining(child -> checkReferences(document, child, gaps));
    }

    private static void check(String name, String method, JsonNode operation, Rules rules,
                              Map<String, String> operationIds, List<String> gaps) {
        String id = operation.path("operationId").asText("");
        if (id.isEmpty()) {
            gaps.add(name + ": no operationId");
        } else if (!CAMEL_CASE.matcher(id).matches()) {
            gaps.add(name + ": operationId '" + id + "' is not camelCase");
        } else if (operationIds.putIfAbsent(id, name) != null) {
            gaps.add(name + ": operationId '" + id + "' is also " + operationIds.get(id) + "'s");
        }
        JsonNode responses = operation.path("responses");
        checkAnswers(name, responses, gaps);
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            checkNamedJson(name + " request body", body.path("content"), gaps);
            checkJsonBody(name, body.path("content"), gaps);
            requireCodes(name, responses, Set.of("400", "413", "415"), "it takes a body", gaps);
        }
        if (WRITES.contains(method) && !rules.keyFree().contains(id)) {
            if (!requiresKey(operation)) {
                gaps.add(name + ": no required " + KEY_HEADER + " header parameter");
            }
            requireCodes(name, responses, rules.keyedProblems(), "it is a write by key", gaps);
        }
    }

    private static void checkAnswers(String name, JsonNode responses, List<String> gaps) {
        boolean success = false;
        Iterator<Map.Entry<String, JsonNode>> codes = responses.fields();
        while (codes.hasNext()) {
            Map.Entry<String, JsonNode> code = codes.next();
            String status = code.getKey();
            if (status.startsWith("2")) {
                success = true;
                checkNamedJson(name + " " + status, code.getValue().path("content"), gaps);
            } else if (status.startsWith("4") || status.startsWith("5")) {
                String ref = code.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asText("");
                if (!PROBLEM.equals(ref)) {
                    gaps.add(name + " " + status + ": not an application/problem+json Problem");
                }
                if ((status.equals("429") || status.equals("503")) && code.getValue().path("headers").path("Retry-After").isMissingNode()) {
                    gaps.add(name + " " + status + ": no Retry-After header");
                }
            }
        }
        if (!success) {
            gaps.add(name + ": no 2xx response");
        }
    }

    /** Every JSON media type of {@code content} has a {@code $ref} schema or an array of one. */
    private static void checkNamedJson(String where, JsonNode content, List<String> gaps) {
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            if (!type.getKey().equals("application/json") && !type.getKey().endsWith("+json")) {
                continue;
            }
            JsonNode schema = type.getValue().path("schema");
            boolean named = schema.has("$ref") || ("array".equals(schema.path("type").asText()) && schema.path("items").has("$ref"));
            if (!named) {
                gaps.add(where + ": " + type.getKey() + " has no named schema");
            }
        }
    }

    /** A named schema of a request body is JSON: one under another media type (octet-stream) is a mislabelled JSON body. */
    private static void checkJsonBody(String name, JsonNode content, List<String> gaps) {
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            boolean json = type.getKey().equals("application/json") || type.getKey().endsWith("+json");
            if (!json && type.getValue().path("schema").has("$ref")) {
                gaps.add(name + " request body: a named schema as " + type.getKey() + ", not JSON");
            }
        }
    }

    private static void requireCodes(String name, JsonNode responses, Set<String> codes, String why, List<String> gaps) {
        codes.stream().sorted().filter(code -> !responses.has(code))
                .forEach(code -> gaps.add(name + ": no " + code + " response, though " + why));
    }

    private static boolean requiresKey(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (KEY_HEADER.equals(parameter.path("name").asText()) && "header".equals(parameter.path("in").asText())
                    && parameter.path("required").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }
}
