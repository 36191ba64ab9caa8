package org.jcm.support.openapi;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.jcm.support.problem.Problem;

/**
 * Gives every operation of the OpenAPI document the problem responses it shares with others, each
 * defined once in the service rather than repeated as {@code @APIResponse} on every resource. An
 * operation asks for a named set with the extension {@value #EXTENSION}, usually on its resource
 * class ({@code @Extension(name = ProblemResponsesFilter.EXTENSION, value = "mutation")}: SmallRye
 * gives a class's extensions to each of its operations that has none of its own, and to the class's
 * tags). The filter removes the extension and adds the set's responses, each an
 * {@code application/problem+json} {@link Problem} with the set's description, to the operation's
 * own, all in status-code order. A code of the set is the set's response: it replaces the generic 400, 401 and 403
 * that SmallRye adds to an operation that declares none, as a class-level {@code @APIResponse} did;
 * an operation that needs its own description for a code names a set without it. The document
 * reads as if each operation carried the annotations. Every operation, with a set or without, then
 * has each error response completed as a problem (content and, for 429 and 503, {@code Retry-After}).
 *
 * <p>A service subclasses it with its sets and a public no-argument constructor, and names the
 * subclass in {@code mp.openapi.filter}. A set the service does not define fails the build of
 * the document, so a misspelt name cannot drop responses silently.
 */
public abstract class ProblemResponsesFilter implements OASFilter {

    /** The operation extension that names the set of problem responses to add. */
    public static final String EXTENSION = "x-jcm-problem-responses";

    /** The header of every 429 and 503: seconds to wait before a retry. */
    public static final String RETRY_AFTER = "Retry-After";

    /** Responses are listed by status code, as a reader looks them up; a non-numeric key after them. */
    private static final Comparator<String> STATUS_ORDER = Comparator
            .comparing((String code) -> !code.chars().allMatch(Character::isDigit)).thenComparing(Comparator.naturalOrder());

    private final Map<String, Map<String, String>> sets;

    /**
     * A filter with these sets: set name to (status code to description), each in the order the
     * document lists them.
     */
    protected ProblemResponsesFilter(Map<String, Map<String, String>> sets) {
        this.sets = Map.copyOf(sets);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        Map<String, Object> extensions = operation.getExtensions();
        if (extensions != null && extensions.containsKey(EXTENSION)) {
            addSet(operation, String.valueOf(extensions.get(EXTENSION)));
        }
        completeProblems(operation);
        return operation;
    }

    /**
     * Every error the services answer is a problem: a 4xx or 5xx response declared without content
     * (SmallRye's generic 400, 401 and 403, or an annotation that names only a code) gets the
     * {@code application/problem+json} Problem content, and every 429 and 503 its
     * {@code Retry-After} header, so that a generated client reads them as problems and knows to wait.
     */
    private static void completeProblems(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((code, response) -> {
            boolean error = code.startsWith("4") || code.startsWith("5");
            if (error && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
            if ((code.equals("429") || code.equals("503"))
                    && (response.getHeaders() == null || !response.getHeaders().containsKey(RETRY_AFTER))) {
                response.addHeader(RETRY_AFTER, OASFactory.createHeader()
                        .description("Seconds to wait before retrying (with the same Idempotency-Key for a write)")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            }
        });
    }

    private void addSet(Operation operation, String name) {
        Map<String, String> set = sets.get(name);
        if (set == null) {
            throw new IllegalStateException("No problem responses named '" + name + "'; the sets are " + sets.keySet());
        }
        operation.removeExtension(EXTENSION);
        Map<String, APIResponse> merged = new TreeMap<>(STATUS_ORDER);
        set.forEach((code, description) -> merged.put(code, problem(description)));
        APIResponses own = operation.getResponses();
        if (own != null && own.getAPIResponses() != null) {
            own.getAPIResponses().forEach(merged::putIfAbsent);
        }
        APIResponses responses = OASFactory.createAPIResponses();
        merged.forEach(responses::addAPIResponse);
        if (own != null && own.getDefaultValue() != null) {
            responses.setDefaultValue(own.getDefaultValue());
        }
        operation.setResponses(responses);
    }

    /** SmallRye also copies a method's extension onto the method's declared responses, where it means nothing: it is removed. */
    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        if (response.getExtensions() != null && response.getExtensions().containsKey(EXTENSION)) {
            response.removeExtension(EXTENSION);
        }
        return response;
    }

    /** A class-level extension also lands on the class's tags, where it means nothing: it is removed. */
    @Override
    public Tag filterTag(Tag tag) {
        if (tag.getExtensions() != null && tag.getExtensions().containsKey(EXTENSION)) {
            tag.removeExtension(EXTENSION);
        }
        return tag;
    }

    /** A problem response: {@code application/problem+json} with the {@code Problem} schema. */
    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
