package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.jcm.testsupport.OpenApiCompleteness;
import org.jcm.testsupport.OpenApiValidity;
import org.junit.jupiter.api.Test;

/**
 * Tests that the registry's OpenAPI document, served at /q/openapi, is complete enough to generate a
 * client from ({@link OpenApiCompleteness}, docs/api.md "The OpenAPI document"): every operation
 * under /api/ has its operationId, its named 2xx schema, its problems and, for a write, its
 * Idempotency-Key.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** Every write answers these when retried by key: a bad or reused key, a token, the rate limit, the writer. */
    static final Set<String> KEYED_PROBLEMS = Set.of("400", "401", "403", "409", "429", "503");

    /**
     * The writes that take no Idempotency-Key: a document upload is addressed by its SHA-256, so a
     * retry stores nothing twice; a publication is kept for good, and publishing the same again
     * answers it; a ledger verification only reads.
     */
    static final Set<String> KEY_FREE = Set.of("uploadDocument", "publishDisclosure", "verifyLedger");

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
}
