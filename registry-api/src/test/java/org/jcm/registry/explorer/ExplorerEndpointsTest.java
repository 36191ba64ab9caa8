package org.jcm.registry.explorer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * What the public explorer page needs from registry-api, without a token: the page, its modules and the
 * verifier it links to, the site root's redirect, the page's settings, and the newest
 * retirements of any beneficiary.
 */
@QuarkusTest
class ExplorerEndpointsTest {

    @Test
    void the_page_its_verifier_and_its_settings_are_public() {
        given().redirects().follow(false).when().get("/").then()
                .statusCode(303).header("Location", endsWith("/explorer/"));
        given().when().get("/explorer/").then()
                .statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<title>JCM registry explorer</title>"), containsString("explorer.js"));
        given().when().get("/explorer/explorer.js").then().statusCode(200).body(containsString("/reports/retirements/recent"));
        given().when().get("/explorer/explorer.css").then().statusCode(200).contentType(startsWith("text/css"));
        // The modules it imports, served as JavaScript (a browser runs a module only with a JavaScript type).
        given().when().get("/explorer/common.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("export function el("));
        given().when().get("/explorer/proof.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("export async function verifyInclusion("), containsString("'Ed25519'"));
        given().when().get("/explorer/partners.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("/parties"), containsString("signingDate"));
        given().when().get("/explorer/i18n.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("export function t("), containsString("jcm.explorer.lang"));
        given().when().get("/explorer/review-times.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("/statistics/review-times"), containsString("GOVERNMENT_FINANCED"));
        given().when().get("/explorer/proof-view.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("/proof"), containsString("/witness/key"));
        given().when().get("/explorer/verifier/verify-ledger.py").then()
                .statusCode(200).body(containsString("Verify the JCM ledger hash chain"));
        given().when().get("/explorer/verifier/hash-chain.md").then().statusCode(200).body(startsWith("# Hash chain"));

        // The test profile names settlement with a trailing slash; the page gets the base without it.
        given().header("Authorization", "Bearer not-a-token").when().get("/api/v1/explorer/config").then()
                .statusCode(200)
                .body("settlementUrl", equalTo("http://settlement.test:8081"))
                .body("verifierUrl", equalTo("/explorer/verifier/verify-ledger.py"))
                .body("hashChainUrl", equalTo("/explorer/verifier/hash-chain.md"));
    }

    @Test
    void recent_retirements_list_the_newest_first_with_their_beneficiaries() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LedgerApi.registry("MNG01");
        String[] holder = LedgerApi.holder("MNG01");
        String project = LedgerApi.project("MN", List.of(holder[0]));
        String serial = LedgerApi.issue("MNG01", project, 2024, List.of(holder[1]), List.of(100L)).path("events[1].blocks[0].serial");
        String prefix = serial.substring(0, serial.lastIndexOf('-', serial.lastIndexOf('-') - 1) + 1);
        long first = Long.parseLong(serial.substring(prefix.length(), serial.lastIndexOf('-')));
        String token = TestTokens.accountHolder(holder[0]);
        Response older = created(token, "/api/v1/retirements", Map.of("fromAccountId", holder[1], "quantity", 10,
                "purpose", "VOLUNTARY", "beneficiary", "Older K.K. " + run));
        Response newer = created(token, "/api/v1/retirements", Map.of("fromAccountId", holder[1], "quantity", 5,
                "purpose", "VOLUNTARY", "beneficiary", "Newer & Co. " + run));
        int newerSeq = newer.path("events[0].seq");

        given().queryParam("limit", 2).when().get("/api/v1/reports/retirements/recent").then()
                .statusCode(200)
                .body("limit", equalTo(2))
                .body("asOfSeq", greaterThanOrEqualTo(newerSeq))
                .body("rows.size()", equalTo(2))
                .body("rows[0].beneficiary", equalTo("Newer & Co. " + run))
                .body("rows[0].seq", equalTo(newerSeq))
                .body("rows[0].serial", equalTo(prefix + (first + 10) + "-" + (first + 14)))
                .body("rows[0].quantity", equalTo(5))
                .body("rows[0].purpose", equalTo("VOLUNTARY"))
                .body("rows[0].registryId", equalTo("MNG01"))
                .body("rows[1].beneficiary", equalTo("Older K.K. " + run))
                .body("rows[1].seq", equalTo(older.<Integer>path("events[0].seq")))
                .body("rows[1].serial", equalTo(prefix + first + "-" + (first + 9)))
                .body("rows[1].quantity", equalTo(10));
        List<String> byDefault = given().when().get("/api/v1/reports/retirements/recent").then()
                .statusCode(200).body("limit", equalTo(20)).extract().path("rows.beneficiary");
        assertThat(byDefault).startsWith("Newer & Co. " + run, "Older K.K. " + run);
        given().header("Accept", "text/csv").queryParam("limit", 1).when().get("/api/v1/reports/retirements/recent").then()
                .statusCode(200).contentType(startsWith("text/csv")).body(containsString("Beneficiary"),
                        containsString("Newer & Co. " + run));

        for (String bad : List.of("0", "201", "ten", "-1")) {
            given().queryParam("limit", bad).when().get("/api/v1/reports/retirements/recent").then()
                    .statusCode(400).body("code", equalTo("invalid_field"));
        }
    }

    @Test
    void the_openapi_document_lists_the_explorers_endpoints() {
        String openapi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("\"/api/v1/reports/retirements/recent\"", "\"/api/v1/explorer/config\"",
                "RecentRetirementsJson", "ExplorerSettings");
    }
}
