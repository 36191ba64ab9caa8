package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jcm.testsupport.OpenApiCompleteness;
import org.jcm.testsupport.OpenApiSnapshot;
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

    @Test
    void the_committed_document_the_client_is_generated_from_is_the_served_one() {
        assertThat(OpenApiSnapshot.drift(text(), "/api/", OpenApiSnapshot.committed("registry-api"))).isNull();
    }

    @Test
    void the_declared_query_parameters_are_the_ones_the_public_endpoints_say_they_take() throws Exception {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            if (path.getKey().contains("{") || !QueryParameterDocs.TAKES.containsKey(get.path("operationId").asText())) {
                continue;
            }
            Response refused = given().when().get(path.getKey() + "?zz=1");
            if (refused.statusCode() == 401) {
                continue;
            }
            assertThat(taken(refused.path("detail"))).as(path.getKey()).isEqualTo(declared(get));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    /** The names in "...; it takes a, b, c." of a 400 invalid_query_parameter. */
    private static Set<String> taken(String detail) {
        String list = detail.substring(detail.indexOf("it takes ") + "it takes ".length(), detail.length() - 1);
        return new TreeSet<>(Set.of(list.split(", ")));
    }

    private static Set<String> declared(JsonNode operation) {
        Set<String> names = new TreeSet<>();
        operation.path("parameters").forEach(p -> {
            if (p.path("in").asText().equals("query") && !p.path("name").asText().equals("format")) {
                names.add(p.path("name").asText());
            }
        });
        return names;
    }
}
