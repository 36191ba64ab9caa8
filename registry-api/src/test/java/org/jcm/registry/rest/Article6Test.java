package org.jcm.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.testing.LedgerApi.as;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** Tests the Article 6.2 mutations end to end: authorize, first transfer abroad, adjust, amend, revoke. */
@QuarkusTest
class Article6Test {

    @Test
    void authorized_units_transferred_abroad_are_first_transferred_and_then_adjusted_by_the_host() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        String issuanceId = LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(500L)).path("id");
        String authorizationId = "MNG-AUTH-" + LedgerApi.key().substring(0, 8);

        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations", Map.of("authorizationId", authorizationId,
                "party", "MNG", "cooperativeApproachId", "CA0001", "purpose", "NDC", "authorizedQuantity", 1000,
                "vintages", List.of(2024), "issuanceId", issuanceId)).then()
                .body("id", equalTo(authorizationId))
                .body("events.type", contains("ProposalApproved", "UnitsAuthorized"));

        Response moved = created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers", Map.of("fromAccountId", seller[1],
                "toAccountId", buyer[1], "quantity", 100, "filter", Map.of("label", "AUTHORIZED")));
        moved.then().body("events.type", contains("CreditsTransferred", "FirstTransferRecorded"));
        int firstTransferSeq = moved.path("events[1].seq");
        assertThat(LedgerProbe.strings("SELECT ca_state FROM block WHERE account_id = '" + buyer[1] + "'"))
                .containsExactly("PENDING");

        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/corresponding-adjustments", Map.of("party", "MNG", "year", 2024,
                "method", "TRAJECTORY", "firstTransferSeqs", List.of(firstTransferSeq))).then()
                .body("events.type", contains("ProposalApproved", "CorrespondingAdjustmentApplied"));
        assertThat(LedgerProbe.strings("SELECT label FROM block WHERE account_id = '" + buyer[1] + "'"))
                .containsExactly("CA_APPLIED");
        assertThat(LedgerProbe.longValue("SELECT count(*) FROM first_transfer WHERE authorization_id = '" + authorizationId
                + "'")).isEqualTo(1);

        // Revoking is refused once units were first transferred.
        as(TestTokens.government("MNG")).when().post("/api/v1/authorizations/" + authorizationId + "/revoke").then()
                .statusCode(422).contentType(equalTo("application/problem+json")).body("code", equalTo("already_first_transferred"));
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void an_authorization_can_be_amended_into_a_new_version_and_revoked_before_first_transfer() {
        LedgerApi.registry("MNG01");
        String[] holder = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(holder[0]));
        String serial = LedgerApi.issue("MNG01", project, 2025, List.of(holder[1]), List.of(100L)).path("events[1].blocks[0].serial");
        long first = Long.parseLong(serial.split("-")[3]);
        String authorizationId = "MNG-AUTH-" + LedgerApi.key().substring(0, 8);

        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations", Map.of("authorizationId", authorizationId,
                "party", "MNG", "cooperativeApproachId", "CA0001", "purpose", "NDC",
                "serialRanges", List.of("JCM-" + project + "-2025-" + first + "-" + (first + 39))));
        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations/" + authorizationId + "/amendments", Map.of(
                "serialRanges", List.of("JCM-" + project + "-2025-" + (first + 40) + "-" + (first + 59)), "reason", "more"))
                .then().body("events.type", contains("ProposalApproved", "AuthorizationAmended"));
        assertThat(LedgerProbe.longValue("SELECT unit_count FROM unit_authorization WHERE id = '" + authorizationId + "'"))
                .isEqualTo(60);
        assertThat(LedgerProbe.longValue("SELECT count(*) FROM unit_authorization_version WHERE authorization_id = '"
                + authorizationId + "'")).isEqualTo(2);

        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations/" + authorizationId + "/revoke", Map.of("reason", "test"))
                .then().body("events.type", contains("ProposalApproved", "AuthorizationRevoked"));
        assertThat(LedgerProbe.strings("SELECT DISTINCT ca_state FROM block WHERE account_id = '" + holder[1] + "'"))
                .containsExactly("NOT_REQUIRED");
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void another_partys_government_may_not_authorize_and_is_refused_with_forbidden_scope() {
        LedgerApi.registry("MNG01");
        String[] holder = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(holder[0]));
        String issuanceId = LedgerApi.issue("MNG01", project, 2024, List.of(holder[1]), List.of(10L)).path("id");
        long head = LedgerProbe.headSeq();
        as(TestTokens.government("THA")).body(Map.of("authorizationId", "X-1", "party", "MNG", "cooperativeApproachId",
                "CA0001", "purpose", "NDC", "issuanceId", issuanceId)).when().post("/api/v1/authorizations").then()
                .statusCode(403).contentType(equalTo("application/problem+json")).body("code", equalTo("forbidden_scope"));
        as(TestTokens.accountHolder(holder[0])).body(Map.of("authorizationId", "X-1", "party", "MNG", "cooperativeApproachId",
                "CA0001", "purpose", "NDC", "issuanceId", issuanceId)).when().post("/api/v1/authorizations").then()
                .statusCode(403).body("code", equalTo("forbidden_role"));
        as(TestTokens.government("MNG")).body(Map.of("authorizationId", "X-1", "party", "MNG", "cooperativeApproachId",
                "CA0001", "purpose", "OIMP", "issuanceId", issuanceId)).when().post("/api/v1/authorizations").then()
                .statusCode(400).body("code", equalTo("invalid_field"));
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
    }
}
