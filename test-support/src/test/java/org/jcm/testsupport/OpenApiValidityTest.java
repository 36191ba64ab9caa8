package org.jcm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests that the validity check passes a valid OpenAPI 3.1 document and reports an invalid one. */
class OpenApiValidityTest {

    private static final String VALID = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"T\",\"version\":\"1\"},"
            + "\"paths\":{\"/api/things\":{\"get\":{\"operationId\":\"listThings\",\"responses\":{\"200\":"
            + "{\"description\":\"OK\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Thing\"}}}}}}}},"
            + "\"components\":{\"schemas\":{\"Thing\":{\"type\":\"object\"}}}}";

    @Test
    void a_valid_document_has_no_messages() {
        assertThat(OpenApiValidity.messages(VALID)).isEmpty();
    }

    @Test
    void a_document_without_its_info_is_reported() {
        assertThat(OpenApiValidity.messages(VALID.replace("\"info\":{\"title\":\"T\",\"version\":\"1\"},", "")))
                .anySatisfy(message -> assertThat(message).contains("info"));
    }

    @Test
    void text_that_is_not_an_openapi_document_is_reported() {
        assertThat(OpenApiValidity.messages("[1, 2]")).isNotEmpty();
    }
}
