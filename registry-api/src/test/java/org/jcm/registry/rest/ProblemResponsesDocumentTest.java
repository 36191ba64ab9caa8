package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.junit.jupiter.api.Test;

/**
 * Tests that the OpenAPI document lists, per operation, the problem responses its resource names
 * once ({@link ProblemResponses}): each with the description of {@link ApiDoc} and the
 * {@code application/problem+json} Problem schema, before the operation's own answers.
 */
@QuarkusTest
class ProblemResponsesDocumentTest {

    static final List<String> MUTATIONS = List.of("/api/v1/accounts", "/api/v1/accounts/{accountId}/freeze",
            "/api/v1/authorizations", "/api/v1/authorizations/{authorizationId}/revoke", "/api/v1/transfers",
            "/api/v1/transfer-batches", "/api/v1/cancellations", "/api/v1/retirements", "/api/v1/issuances",
            "/api/v1/corresponding-adjustments",
            "/api/v1/proposals/{proposalId}/approve", "/api/v1/proposals/{proposalId}/reject",
            "/api/v1/applications", "/api/v1/applications/{id}/project-idea", "/api/v1/applications/{id}/project-idea-review",
            "/api/v1/applications/{id}/design", "/api/v1/applications/{id}/validation",
            "/api/v1/applications/{id}/registration-decision", "/api/v1/applications/{id}/withdrawal",
            "/api/v1/applications/{id}/participant-changes", "/api/v1/applications/{id}/participant-changes/consent",
            "/api/v1/monitoring-cycles", "/api/v1/monitoring-cycles/{id}/report", "/api/v1/monitoring-cycles/{id}/verification",
            "/api/v1/monitoring-cycles/{id}/issuance-request", "/api/v1/monitoring-cycles/{id}/issuance-decision");

    static final Map<String, String> DESCRIPTIONS = Map.of("400", ApiDoc.E400, "401", ApiDoc.E401, "403", ApiDoc.E403,
            "404", ApiDoc.E404, "409", ApiDoc.E409, "413", ApiDoc.E413, "422", ApiDoc.E422, "503", ApiDoc.E503);
    static final List<String> MUTATION_CODES = List.of("400", "401", "403", "404", "409", "413", "422", "503");
    static final List<String> REFERENCE_CODES = List.of("400", "401", "403", "413", "503");

    private static String document() {
        return given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void every_mutation_lists_the_mutation_problems_in_status_order_each_a_problem_with_its_description() {
        String document = document();
        for (String path : MUTATIONS) {
            Map<String, Object> responses = JsonPath.from(document).getMap("paths.'" + path + "'.post.responses");
            assertThat(responses).as(path).isNotNull();
            assertThat(List.copyOf(responses.keySet())).as(path).containsAll(MUTATION_CODES).isSorted();
            MUTATION_CODES.forEach(code -> assertProblem(document, path, "post", code, DESCRIPTIONS.get(code)));
        }
    }

    @Test
    void reads_that_need_a_token_list_401_and_403_once_defined_beside_their_own_responses() {
        String document = document();
        for (String path : List.of("/api/v1/accounts/{accountId}", "/api/v1/accounts/{accountId}/holdings",
                "/api/v1/accounts/{accountId}/transactions", "/api/v1/organizations/{organizationId}", "/api/v1/proposals",
                "/api/v1/proposals/{proposalId}")) {
            Map<String, Object> responses = JsonPath.from(document).getMap("paths.'" + path + "'.get.responses");
            assertThat(responses).as(path).isNotNull();
            assertThat(List.copyOf(responses.keySet())).as(path).contains("200", "400", "401", "403").isSorted();
            assertProblem(document, path, "get", "401", ReadApiDoc.E401);
            assertProblem(document, path, "get", "403", ReadApiDoc.E403);
        }
    }

    @Test
    void reference_data_operations_list_their_set_and_keep_their_own_404_and_409() {
        String document = document();
        for (String[] operation : new String[][] {{"/api/v1/registries", "post"}, {"/api/v1/registries", "get"},
                {"/api/v1/parties", "get"}, {"/api/v1/organizations", "post"}}) {
            REFERENCE_CODES.forEach(code -> assertProblem(document, operation[0], operation[1], code,
                    DESCRIPTIONS.get(code)));
        }
        assertThat(JsonPath.from(document).getString("paths.'/api/v1/registries'.post.responses.'409'.description"))
                .isEqualTo("registry_already_registered, idempotency_key_reused");
        assertThat(JsonPath.from(document).getString("paths.'/api/v1/organizations'.post.responses.'404'.description"))
                .isEqualTo("unknown_registry");
    }

    @Test
    void the_marker_naming_a_set_does_not_reach_the_document() {
        assertThat(document()).doesNotContain(ProblemResponsesFilter.EXTENSION);
    }

    private static void assertProblem(String document, String path, String method, String code, String description) {
        String response = "paths.'" + path + "'." + method + ".responses.'" + code + "'";
        JsonPath json = JsonPath.from(document);
        assertThat(json.getString(response + ".description")).as(path + " " + code).isEqualTo(description);
        assertThat(json.getString(response + ".content.'application/problem+json'.schema.'$ref'")).as(path + " " + code)
                .isEqualTo("#/components/schemas/Problem");
    }
}
