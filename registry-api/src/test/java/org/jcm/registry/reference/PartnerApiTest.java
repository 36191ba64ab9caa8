package org.jcm.registry.reference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Partners at runtime and the registry of methodologies through the HTTP API: the operator promotes
 * a candidate to partner while the system runs and the new partner's JC secretariat registers its
 * first methodology; every refusal answers a problem and writes nothing.
 */
@QuarkusTest
class PartnerApiTest {

    private static final String DATE = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();

    static String secretariat(String party) {
        return TestTokens.jcSecretariat(party);
    }

    private static Map<String, Object> party(String iso2, String name, String status, String date, List<Integer> scopes) {
        Map<String, Object> body = new HashMap<>();
        body.put("iso2", iso2);
        body.put("name", name);
        body.put("jcmStatus", status);
        body.put("parisAgreementParty", true);
        if (date != null) {
            body.put("signingDate", date);
        }
        body.put("sectoralScopes", scopes);
        return body;
    }

    private static Map<String, Object> methodology(String id, String host, int scope, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("hostParty", host);
        body.put("title", "Energy saving by high-efficiency chillers");
        body.put("sectoralScope", scope);
        body.put("version", 1);
        body.put("status", status);
        return body;
    }

    @Test
    void the_operator_promotes_malaysia_to_partner_and_its_secretariat_registers_its_first_methodology() {
        given().when().get("/api/v1/parties/MYS").then().statusCode(200)
                .body("jcmStatus", equalTo("CANDIDATE")).body("signingDate", nullValue());
        // While a candidate, Malaysia has no Joint Committee to adopt methodologies.
        LedgerApi.as(secretariat("MYS")).body(methodology("MY_AM001", "MYS", 3, "APPROVED"))
                .when().post("/api/v1/methodologies").then().statusCode(422).body("code", equalTo("host_not_jcm_partner"));

        Map<String, Object> partner = party("MY", "Malaysia", "PARTNER", DATE, List.of(1, 3, 7));
        partner.put("cooperativeApproachId", "CA0040");
        LedgerApi.as(TestTokens.operator()).body(partner).when().put("/api/v1/parties/MYS").then().statusCode(201)
                .body("events[0].type", equalTo("PartyUpdated"));
        given().when().get("/api/v1/parties/MYS").then().statusCode(200)
                .body("jcmStatus", equalTo("PARTNER")).body("signingDate", equalTo(DATE))
                .body("cooperativeApproachId", equalTo("CA0040")).body("sectoralScopes", contains(1, 3, 7));
        given().when().get("/api/v1/parties").then().statusCode(200)
                .body("items.find { it.code == 'MYS' }.signingDate", equalTo(DATE));

        LedgerApi.as(secretariat("MYS")).body(methodology("MY_AM001", "MYS", 3, "APPROVED"))
                .when().post("/api/v1/methodologies").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/methodologies/MY_AM001"))
                .body("events[0].type", equalTo("MethodologyRegistered"));
        given().when().get("/api/v1/methodologies/MY_AM001").then().statusCode(200)
                .body("hostParty", equalTo("MYS")).body("sectoralScope", equalTo(3)).body("status", equalTo("APPROVED"))
                .body("sameEntityMayVerify", equalTo(false));
        given().when().get("/api/v1/methodologies?host=MYS").then().statusCode(200)
                .body("items.id", contains("MY_AM001"));

        // Scope 3 cannot leave the agreement while the approved methodology uses it.
        LedgerApi.as(TestTokens.operator()).body(party("MY", "Malaysia", "PARTNER", DATE, List.of(1, 7)))
                .when().put("/api/v1/parties/MYS").then().statusCode(409).body("code", equalTo("scope_in_use"));
        // The secretariat suspends it (a new version of the record), after which the scope may go.
        Map<String, Object> suspended = methodology("MY_AM001", "MYS", 3, "SUSPENDED");
        suspended.put("version", 2);
        LedgerApi.as(secretariat("MYS")).body(suspended).when().put("/api/v1/methodologies/MY_AM001")
                .then().statusCode(201).body("events[0].type", equalTo("MethodologyUpdated"));
        given().when().get("/api/v1/methodologies/MY_AM001").then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("version", equalTo(2));
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void the_operator_registers_a_partner_and_its_secretariat_stays_within_the_agreements_scopes() {
        LedgerApi.as(TestTokens.operator()).body(withCode("XAA", party("XA", "Partner Region A", "PARTNER", DATE,
                List.of(1)))).when().post("/api/v1/parties").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/parties/XAA"));
        LedgerApi.as(TestTokens.operator()).body(withCode("XAA", party("XA", "Partner Region A", "PARTNER", DATE,
                List.of(1)))).when().post("/api/v1/parties").then().statusCode(409)
                .body("code", equalTo("party_already_registered"));

        LedgerApi.as(secretariat("XAA")).body(methodology("XA_AM001", "XAA", 3, "APPROVED"))
                .when().post("/api/v1/methodologies").then().statusCode(422).body("code", equalTo("scope_not_in_agreement"));
        LedgerApi.as(secretariat("XAA")).body(methodology("XA_AM001", "XAA", 1, "DRAFT"))
                .when().post("/api/v1/methodologies").then().statusCode(201);
        LedgerApi.as(secretariat("XAA")).body(methodology("XA_AM002", "XAA", 1, "APPROVED"))
                .when().post("/api/v1/methodologies").then().statusCode(201);
        LedgerApi.as(secretariat("XAA")).body(methodology("XA_AM001", "XAA", 1, "DRAFT"))
                .when().post("/api/v1/methodologies").then().statusCode(409)
                .body("code", equalTo("methodology_already_registered"));

        // Filters and pages.
        given().when().get("/api/v1/methodologies?host=XAA&status=APPROVED").then().statusCode(200)
                .body("items.id", contains("XA_AM002"));
        given().when().get("/api/v1/methodologies?host=XAA&scope=1").then().statusCode(200)
                .body("items.id", contains("XA_AM001", "XA_AM002"));
        given().when().get("/api/v1/methodologies?host=XAA&scope=2").then().statusCode(200)
                .body("items.size()", equalTo(0));
        String next = given().when().get("/api/v1/methodologies?host=XAA&limit=1").then().statusCode(200)
                .body("items.id", contains("XA_AM001")).body("next", notNullValue()).extract().path("next");
        given().when().get("/api/v1/methodologies?host=XAA&limit=1&after=" + next).then().statusCode(200)
                .body("items.id", contains("XA_AM002")).body("next", nullValue());
        // A cursor of one filter is refused by another.
        given().when().get("/api/v1/methodologies?host=MNG&limit=1&after=" + next).then().statusCode(400)
                .body("code", equalTo("invalid_cursor"));
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void refused_requests_answer_problems_and_write_nothing() {
        long head = LedgerProbe.headSeq();
        // Not the operator.
        LedgerApi.as(TestTokens.government("BRA")).body(party("BR", "Brazil", "PARTNER", DATE, List.of(1)))
                .when().put("/api/v1/parties/BRA").then().statusCode(403).body("code", equalTo("forbidden_role"));
        // A partner needs its signing date; a candidate has none.
        LedgerApi.as(TestTokens.operator()).body(party("BR", "Brazil", "PARTNER", null, List.of(1)))
                .when().put("/api/v1/parties/BRA").then().statusCode(422).body("code", equalTo("invalid_signing_date"));
        LedgerApi.as(TestTokens.operator()).body(party("BR", "Brazil", "CANDIDATE", DATE, List.of()))
                .when().put("/api/v1/parties/BRA").then().statusCode(422).body("code", equalTo("invalid_signing_date"));
        // Unknown Party.
        LedgerApi.as(TestTokens.operator()).body(party("XZ", "Nowhere", "CANDIDATE", null, List.of()))
                .when().put("/api/v1/parties/XZZ").then().statusCode(404).body("code", equalTo("unknown_party"));
        given().when().get("/api/v1/parties/XZZ").then().statusCode(404).body("code", equalTo("unknown_party"));
        // Bad JSON and bad fields.
        LedgerApi.as(TestTokens.operator()).body("{\"iso2\": ").when().put("/api/v1/parties/BRA").then().statusCode(400)
                .contentType("application/problem+json");
        LedgerApi.as(TestTokens.operator()).body(party("BR", "Brazil", "PARTNER", DATE, List.of(16)))
                .when().put("/api/v1/parties/BRA").then().statusCode(400).body("code", equalTo("invalid_field"));
        LedgerApi.as(TestTokens.operator()).body(party("BR", "Brazil", "PARTNER", "2025-13-01", List.of(1)))
                .when().put("/api/v1/parties/BRA").then().statusCode(400).body("code", equalTo("invalid_field"));
        LedgerApi.as(TestTokens.operator()).body(withCode("ARG", party("BR", "Brazil", "CANDIDATE", null, List.of())))
                .when().put("/api/v1/parties/BRA").then().statusCode(400).body("code", equalTo("invalid_field"));
        // Methodologies: not a secretariat; another Joint Committee's secretariat; unknown methodology.
        LedgerApi.as(TestTokens.operator()).body(methodology("MN_AM901", "MNG", 1, "APPROVED"))
                .when().post("/api/v1/methodologies").then().statusCode(403).body("code", equalTo("forbidden_role"));
        LedgerApi.as(secretariat("KEN")).body(methodology("MN_AM901", "MNG", 1, "APPROVED"))
                .when().post("/api/v1/methodologies").then().statusCode(403).body("code", equalTo("forbidden_scope"));
        LedgerApi.as(secretariat("MNG")).body(methodology("MN_AM999", "MNG", 1, "APPROVED"))
                .when().put("/api/v1/methodologies/MN_AM999").then().statusCode(404).body("code", equalTo("unknown_methodology"));
        LedgerApi.as(secretariat("MNG")).body(methodology("KE_AM901", "MNG", 1, "APPROVED"))
                .when().post("/api/v1/methodologies").then().statusCode(422).body("code", equalTo("methodology_not_of_host"));
        given().when().get("/api/v1/methodologies/MN_AM999").then().statusCode(404).body("code", equalTo("unknown_methodology"));
        given().when().get("/api/v1/methodologies?scope=16").then().statusCode(400).body("code", equalTo("invalid_query_parameter"));
        given().when().get("/api/v1/methodologies?host=mongolia").then().statusCode(400).body("code", equalTo("invalid_query_parameter"));
        given().when().get("/api/v1/methodologies?status=OK").then().statusCode(400).body("code", equalTo("invalid_query_parameter"));
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
    }

    @Test
    void the_operator_accredits_and_suspends_a_third_party_entity_which_the_public_can_read() {
        Map<String, Object> entity = new HashMap<>(Map.of("id", "TPE-0101", "name", "Example Verification Ltd.",
                "sectoralScopes", List.of(3, 1), "hostParties", List.of("MNG", "KEN"), "status", "ACTIVE"));
        LedgerApi.as(TestTokens.government("MNG")).body(entity).when().post("/api/v1/third-party-entities")
                .then().statusCode(403).body("code", equalTo("forbidden_role"));
        LedgerApi.as(TestTokens.operator()).body(entity).when().post("/api/v1/third-party-entities").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/third-party-entities/TPE-0101"));
        LedgerApi.as(TestTokens.operator()).body(entity).when().post("/api/v1/third-party-entities").then().statusCode(409)
                .body("code", equalTo("third_party_entity_already_accredited"));
        given().when().get("/api/v1/third-party-entities/TPE-0101").then().statusCode(200)
                .body("sectoralScopes", contains(1, 3)).body("hostParties", contains("KEN", "MNG"))
                .body("status", equalTo("ACTIVE"));

        entity.put("status", "SUSPENDED");
        LedgerApi.as(TestTokens.operator()).body(entity).when().put("/api/v1/third-party-entities/TPE-0101")
                .then().statusCode(201).body("events[0].type", equalTo("ThirdPartyEntityUpdated"));
        given().when().get("/api/v1/third-party-entities").then().statusCode(200)
                .body("items.id", hasItem("TPE-0101"))
                .body("items.find { it.id == 'TPE-0101' }.status", equalTo("SUSPENDED"));

        entity.put("hostParties", List.of("XZZ"));
        LedgerApi.as(TestTokens.operator()).body(entity).when().put("/api/v1/third-party-entities/TPE-0101")
                .then().statusCode(404).body("code", equalTo("unknown_party"));
        // The id of the path rules; a different one in the body is refused.
        LedgerApi.as(TestTokens.operator()).body(entity).when().put("/api/v1/third-party-entities/TPE-0999")
                .then().statusCode(400).body("code", equalTo("invalid_field"));
        entity.remove("id");
        entity.put("hostParties", List.of("MNG"));
        LedgerApi.as(TestTokens.operator()).body(entity).when().put("/api/v1/third-party-entities/TPE-0999")
                .then().statusCode(404).body("code", equalTo("unknown_third_party_entity"));
        given().when().get("/api/v1/third-party-entities/TPE-0999").then().statusCode(404)
                .body("code", equalTo("unknown_third_party_entity"));
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void ledger_verify_compares_the_new_tables_with_replay_and_finds_an_edited_methodology_row() throws Exception {
        LedgerApi.as(TestTokens.operator()).body(withCode("XBB", party("XB", "Partner Region B", "PARTNER", DATE,
                List.of(2, 4)))).when().post("/api/v1/parties").then().statusCode(201);
        LedgerApi.as(secretariat("XBB")).body(methodology("XB_AM001", "XBB", 4, "APPROVED"))
                .when().post("/api/v1/methodologies").then().statusCode(201);
        Map<String, Object> entity = Map.of("id", "TPE-0202", "name", "Verifier B", "sectoralScopes", List.of(4),
                "hostParties", List.of("XBB"), "status", "ACTIVE");
        LedgerApi.as(TestTokens.operator()).body(entity).when().post("/api/v1/third-party-entities").then().statusCode(201);
        given().auth().oauth2(TestTokens.auditor()).when().post("/api/v1/ledger/verify").then()
                .statusCode(200).body("ok", equalTo(true));

        // Someone with the service role's credentials edits a row behind the writer: verify names it.
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE methodology SET status = 'DRAFT' WHERE id = 'XB_AM001'")).isEqualTo(1);
        }
        try {
            given().auth().oauth2(TestTokens.auditor()).when().post("/api/v1/ledger/verify").then()
                    .statusCode(200).body("ok", equalTo(false))
                    .body("divergence.table", equalTo("methodology"))
                    .body("divergence.key", equalTo("XB_AM001"))
                    .body("divergence.field", equalTo("status"))
                    .body("divergence.expected", equalTo("APPROVED"))
                    .body("divergence.found", equalTo("DRAFT"));
        } finally {
            try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE methodology SET status = 'APPROVED' WHERE id = 'XB_AM001'");
            }
        }
        given().auth().oauth2(TestTokens.auditor()).when().post("/api/v1/ledger/verify").then()
                .statusCode(200).body("ok", equalTo(true));
    }

    private static Map<String, Object> withCode(String code, Map<String, Object> body) {
        body.put("code", code);
        return body;
    }
}
