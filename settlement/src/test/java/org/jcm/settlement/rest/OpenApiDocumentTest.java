package org.jcm.settlement.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.testsupport.OpenApiCompleteness;
import org.jcm.testsupport.OpenApiSnapshot;
import org.jcm.testsupport.OpenApiValidity;
import org.junit.jupiter.api.Test;

/**
 * Tests that the settlement service's OpenAPI document, served at /q/openapi, is complete enough to
 * generate a client from ({@link OpenApiCompleteness}, docs/settlement.md "The OpenAPI document").
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** A registration or cancellation by key answers these: a bad or reused key, a token, a consumer not ready. */
    static final Set<String> KEYED_PROBLEMS = Set.of("400", "401", "403", "409", "503");

    /**
     * The writes that take no Idempotency-Key: webhook endpoint management (a retried registration
     * makes a second endpoint the owner can delete; rotation and deletion act on one endpoint by id)
     * and the operator's actions (clearing an alarm and requesting a rebuild are idempotent).
     */
    static final Set<String> KEY_FREE = Set.of("registerWebhook", "deleteWebhook", "rotateWebhookSecret",
            "clearWitnessAlarm", "rebuildProjection");

    static String text() {
        return given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
    }

    static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(text());
    }

    @Test
    void every_operation_has_its_operation_id_named_schemas_problems_and_idempotency_key() throws Exception {
        assertThat(OpenApiCompleteness.gaps(document(), new OpenApiCompleteness.Rules("/api/", KEYED_PROBLEMS, KEY_FREE)))
                .isEmpty();
    }

    @Test
    void the_document_is_valid_openapi_3_as_a_client_generator_parses_it() {
        assertThat(OpenApiValidity.messages(text())).isEmpty();
    }

    @Test
    void the_marker_naming_a_set_of_problems_does_not_reach_the_document() throws Exception {
        assertThat(document().toString()).doesNotContain(ProblemResponsesFilter.EXTENSION);
    }

    @Test
    void the_committed_document_the_client_is_generated_from_is_the_served_one() {
        assertThat(OpenApiSnapshot.drift(text(), "/api/", OpenApiSnapshot.committed("settlement"))).isNull();
    }
}
