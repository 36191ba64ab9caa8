package org.jcm.registry.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jcm.support.openapi.ProblemResponsesFilter;

/**
 * The registry's shared problem responses in the OpenAPI document (registered as
 * {@code mp.openapi.filter}): a resource names a set ({@link ApiDoc#MUTATION_PROBLEMS},
 * {@link ApiDoc#REFERENCE_PROBLEMS}, {@link ApiDoc#READ_PROBLEMS}) once, and each of its operations lists the set's responses
 * with the descriptions of {@link ApiDoc}, instead of every resource repeating the same
 * {@code @APIResponse} block. It also declares the query parameters of the endpoints that read them
 * through {@link QueryParameters} ({@link QueryParameterDocs}).
 */
public class ProblemResponses extends ProblemResponsesFilter {

    /** The filter with the registry's sets; SmallRye makes it with this constructor. */
    public ProblemResponses() {
        super(Map.of(ApiDoc.MUTATION_PROBLEMS, mutation(), ApiDoc.REFERENCE_PROBLEMS, referenceData(),
                ApiDoc.READ_PROBLEMS, read(), ApiDoc.REFERENCE_WRITE_PROBLEMS, referenceWrite(),
                ApiDoc.DISCLOSURE_WRITE_PROBLEMS, disclosureWrite()));
    }

    @Override
    public Operation filterOperation(Operation operation) {
        Operation filtered = super.filterOperation(operation);
        QueryParameterDocs.declare(filtered);
        return filtered;
    }

    private static Map<String, String> mutation() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("400", ApiDoc.E400);
        set.put("401", ApiDoc.E401);
        set.put("403", ApiDoc.E403);
        set.put("404", ApiDoc.E404);
        set.put("409", ApiDoc.E409);
        set.put("413", ApiDoc.E413);
        set.put("415", ApiDoc.E415);
        set.put("422", ApiDoc.E422);
        set.put("429", ApiDoc.E429);
        set.put("503", ApiDoc.E503);
        return set;
    }

    private static Map<String, String> read() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("401", ReadApiDoc.E401);
        set.put("403", ReadApiDoc.E403);
        return set;
    }

    private static Map<String, String> disclosureWrite() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("400", ApiDoc.E400_DISCLOSURE);
        set.put("401", ApiDoc.E401);
        set.put("403", ApiDoc.E403);
        set.put("404", "No such organization (unknown_organization)");
        set.put("413", ApiDoc.E413);
        set.put("415", ApiDoc.E415);
        set.put("429", ApiDoc.E429);
        return set;
    }

    private static Map<String, String> referenceWrite() {
        Map<String, String> set = referenceData();
        set.put("415", ApiDoc.E415);
        set.put("429", ApiDoc.E429);
        return set;
    }

    private static Map<String, String> referenceData() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("400", ApiDoc.E400);
        set.put("401", ApiDoc.E401);
        set.put("403", ApiDoc.E403);
        set.put("413", ApiDoc.E413);
        set.put("503", ApiDoc.E503);
        return set;
    }
}
