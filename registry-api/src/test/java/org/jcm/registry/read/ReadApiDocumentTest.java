package org.jcm.registry.read;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Tests that the OpenAPI document, the API's full reference, lists every read with its answers and errors. */
@QuarkusTest
class ReadApiDocumentTest {

    @Test
    void the_openapi_document_lists_every_read_with_its_errors() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/organizations/{organizationId}'.get.responses.keySet()", hasItems("200", "401", "403", "404"))
                .body("paths.'/api/v1/accounts/{accountId}'.get.responses.keySet()", hasItems("200", "401", "403", "404"))
                .body("paths.'/api/v1/accounts/{accountId}/holdings'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404"))
                .body("paths.'/api/v1/accounts/{accountId}/transactions'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404"))
                .body("paths.'/api/v1/projects'.get.responses.keySet()", hasItems("200", "400"))
                .body("paths.'/api/v1/projects/{projectId}'.get.responses.keySet()", hasItems("200", "404"))
                .body("paths.'/api/v1/blocks'.get.responses.keySet()", hasItems("200", "400"))
                .body("paths.'/api/v1/units/{serialOrItmoId}'.get.responses.keySet()", hasItems("200", "400", "404"))
                .body("paths.'/api/v1/units/{serialOrItmoId}'.get.responses.'404'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/v1/retirements/{seq}/certificate'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404", "409", "503"))
                .body("paths.'/api/v1/retirements/{seq}/certificate'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/html"))
                // The mutations on the same paths stay listed beside the reads.
                .body("paths.'/api/v1/organizations'.post", notNullValue())
                .body("paths.'/api/v1/accounts'.post", notNullValue())
                // Projects are registered on the project cycle's route, not posted here.
                .body("paths.'/api/v1/projects'.post", nullValue())
                .body("paths.'/api/v1/accounts/{accountId}/holdings'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ListResponseBlockView"))
                .body("components.schemas.BlockView.properties.serial.examples[0]", equalTo("JCM-MN001-2024-1001-1250"));
    }
}
