package org.jcm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests that the completeness check passes a complete document and names each gap of an incomplete one. */
class OpenApiCompletenessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiCompleteness.Rules RULES = new OpenApiCompleteness.Rules("/api/",
            Set.of("409", "503"), Set.of("runJob"));

    private static final String PROBLEM = "{\"content\":{\"application/problem+json\":{\"schema\":"
            + "{\"$ref\":\"#/components/schemas/Problem\"}}}";
    private static final String RETRY = ",\"headers\":{\"Retry-After\":{\"schema\":{\"type\":\"integer\"}}}";

    /** A document with a read, a write by key with a body, and a key-free write: all complete. */
    private static ObjectNode complete() throws Exception {
        return (ObjectNode) JSON.readTree("{\"paths\":{"
                + "\"/api/things\":{"
                + "\"get\":{\"operationId\":\"listThings\",\"responses\":{\"200\":{\"content\":{\"application/json\":"
                + "{\"schema\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Thing\"}}}}}}},"
                + "\"post\":{\"operationId\":\"createThing\",\"parameters\":[{\"name\":\"Idempotency-Key\",\"in\":\"header\","
                + "\"required\":true}],\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":"
                + "\"#/components/schemas/ThingRequest\"}}}},\"responses\":{\"201\":{\"content\":{\"application/json\":"
                + "{\"schema\":{\"$ref\":\"#/components/schemas/Thing\"}}}},\"400\":" + PROBLEM + "},\"409\":" + PROBLEM
                + "},\"413\":" + PROBLEM + "},\"415\":" + PROBLEM + "},\"503\":" + PROBLEM + RETRY + "}}}},"
                + "\"/api/jobs\":{\"post\":{\"operationId\":\"runJob\",\"responses\":{\"202\":{\"description\":\"Started\"}}}},"
                + "\"/test/echo\":{\"post\":{\"responses\":{}}}},"
                + "\"components\":{\"schemas\":{\"Thing\":{},\"ThingRequest\":{},\"Problem\":{}}}}");
    }

    private static ObjectNode operation(JsonNode document, String path, String method) {
        return (ObjectNode) document.path("paths").path(path).path(method);
    }

    @Test
    void a_complete_document_has_no_gaps_and_paths_outside_the_prefix_are_not_checked() throws Exception {
        assertThat(OpenApiCompleteness.gaps(complete(), RULES)).isEmpty();
    }

    @Test
    void an_operation_without_an_operation_id_is_a_gap() throws Exception {
        ObjectNode document = complete();
        operation(document, "/api/things", "get").remove("operationId");

        assertThat(OpenApiCompleteness.gaps(document, RULES)).containsExactly("GET /api/things: no operationId");
    }

    @Test
    void an_operation_id_that_is_not_camel_case_or_used_twice_is_a_gap() throws Exception {
        ObjectNode document = complete();
        operation(document, "/api/things", "get").put("operationId", "list_things");
        operation(document, "/api/jobs", "post").put("operationId", "createThing");

        assertThat(OpenApiCompleteness.gaps(document, RULES)).containsExactlyInAnyOrder(
                "GET /api/things: operationId 'list_things' is not camelCase",
                "POST /api/jobs: operationId 'createThing' is also POST /api/things's",
                "POST /api/jobs: no required Idempotency-Key header parameter",
                "POST /api/jobs: no 409 response, though it is a write by key",
                "POST /api/jobs: no 503 response, though it is a write by key");
    }

    @Test
    void json_without_a_named_schema_and_an_operation_without_a_2xx_are_gaps() throws Exception {
        ObjectNode document = complete();
        ObjectNode read = operation(document, "/api/things", "get");
        ((ObjectNode) read.path("responses").path("200").path("content").path("application/json"))
                .set("schema", JSON.readTree("{\"type\":\"object\"}"));
        ((ObjectNode) operation(document, "/api/jobs", "post").path("responses")).remove("202");

        assertThat(OpenApiCompleteness.gaps(document, RULES)).containsExactlyInAnyOrder(
                "GET /api/things 200: application/json has no named schema", "POST /api/jobs: no 2xx response");
    }

    @Test
    void a_write_lacking_its_key_its_problems_or_retry_after_is_a_gap() throws Exception {
        ObjectNode document = complete();
        ObjectNode write = operation(document, "/api/things", "post");
        ((ObjectNode) write.path("parameters").get(0)).put("required", false);
        ObjectNode responses = (ObjectNode) write.path("responses");
        responses.remove("413");
        ((ObjectNode) responses.path("503")).remove("headers");
        responses.set("409", JSON.readTree("{\"content\":{\"application/json\":{\"schema\":{\"type\":\"string\"}}}}"));

        assertThat(OpenApiCompleteness.gaps(document, RULES)).containsExactlyInAnyOrder(
                "POST /api/things 409: not an application/problem+json Problem",
                "POST /api/things 503: no Retry-After header",
                "POST /api/things: no 413 response, though it takes a body",
                "POST /api/things: no required Idempotency-Key header parameter");
    }

    @Test
    void a_request_body_without_a_named_schema_is_a_gap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) operation(document, "/api/things", "post").path("requestBody").path("content").path("application/json"))
                .set("schema", JSON.readTree("{\"type\":\"object\"}"));

        assertThat(OpenApiCompleteness.gaps(document, RULES))
                .containsExactly("POST /api/things request body: application/json has no named schema");
    }

    @Test
    void a_named_request_body_under_a_media_type_that_is_not_json_is_a_gap() throws Exception {
        ObjectNode document = complete();
        ObjectNode content = (ObjectNode) operation(document, "/api/things", "post").path("requestBody").path("content");
        content.set("application/octet-stream", content.remove("application/json"));

        assertThat(OpenApiCompleteness.gaps(document, RULES))
                .containsExactly("POST /api/things request body: a named schema as application/octet-stream, not JSON");
    }

    @Test
    void a_reference_to_a_schema_the_document_does_not_define_is_a_gap() throws Exception {
        ObjectNode document = complete();
        ((ObjectNode) document.path("components").path("schemas")).remove("Problem");

        assertThat(OpenApiCompleteness.gaps(document, RULES))
                .containsExactly("$ref '#/components/schemas/Problem' names no schema of the document");
    }
}
