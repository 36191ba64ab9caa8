package org.jcm.settlement.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.support.openapi.ProblemResponsesFilter;

/**
 * The settlement service's shared problem responses in the OpenAPI document (registered as
 * {@code mp.openapi.filter}): a resource or method names a set of {@link SettlementApiDoc} once, and
 * each of its operations lists the set's responses, each an {@code application/problem+json}
 * Problem; 429 and 503 carry {@code Retry-After}.
 */
public class SettlementProblemResponses extends ProblemResponsesFilter {

    /** The filter with settlement's sets; SmallRye makes it with this constructor. */
    public SettlementProblemResponses() {
        super(Map.of(SettlementApiDoc.REGISTRATION_PROBLEMS, registration(),
                SettlementApiDoc.CANCELLATION_PROBLEMS, cancellation(),
                SettlementApiDoc.READ_PROBLEMS, set("400", SettlementApiDoc.E400_QUERY, "401", SettlementApiDoc.E401,
                        "403", SettlementApiDoc.E403),
                SettlementApiDoc.PUBLIC_PROBLEMS, set("400", SettlementApiDoc.E400_QUERY),
                SettlementApiDoc.WEBHOOK_PROBLEMS, set("400", SettlementApiDoc.E400, "401", SettlementApiDoc.E401,
                        "403", SettlementApiDoc.E403_WEBHOOK),
                SettlementApiDoc.WEBHOOK_BY_ID_PROBLEMS, set("400", SettlementApiDoc.E400_QUERY, "401", SettlementApiDoc.E401,
                        "403", SettlementApiDoc.E403_WEBHOOK, "404", SettlementApiDoc.E404_WEBHOOK),
                SettlementApiDoc.OPERATOR_PROBLEMS, set("401", SettlementApiDoc.E401, "403", SettlementApiDoc.E403)));
    }

    private static Map<String, String> registration() {
        return set("400", SettlementApiDoc.E400, "401", SettlementApiDoc.E401, "403", SettlementApiDoc.E403,
                "409", SettlementApiDoc.E409_REGISTRATION, "413", SettlementApiDoc.E413, "415", SettlementApiDoc.E415,
                "422", SettlementApiDoc.E422, "429", SettlementApiDoc.E429, "503", SettlementApiDoc.E503_REGISTRATION);
    }

    private static Map<String, String> cancellation() {
        return set("400", SettlementApiDoc.E400, "401", SettlementApiDoc.E401, "403", SettlementApiDoc.E403,
                "404", "The venue registered no such trade (unknown_trade)", "409", SettlementApiDoc.E409_CANCELLATION,
                "503", SettlementApiDoc.E503_CANCELLATION);
    }

    /** Status codes and descriptions, in pairs, in the order given. */
    private static Map<String, String> set(String... codesAndDescriptions) {
        Map<String, String> set = new LinkedHashMap<>();
        for (int i = 0; i < codesAndDescriptions.length; i += 2) {
            set.put(codesAndDescriptions[i], codesAndDescriptions[i + 1]);
        }
        return set;
    }
}
