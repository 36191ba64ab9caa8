package org.jcm.registry.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.registry.testing.LedgerApi.as;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.FourEyes;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.registry.testing.MovableClockProfile;
import org.jcm.registry.write.Ledger;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pending transfers through the API: a second holder with the approver claim approves, the initiator
 * or another approver of the organization cancels during the delay, nobody else does; the reserved
 * units cannot be moved by another request and are free again once the transfer ends; a policy of no
 * approval and no delay transfers exactly as before; a stolen token alone moves nothing to an
 * untrusted account before the delay ends.
 */
@QuarkusTest
@TestProfile(MovableClockProfile.class)
class PendingTransfersApiTest {

    @Inject
    Ledger ledger;

    private String[] seller;
    private String[] buyer;
    private String firstUnits;
    private String initiator;

    @BeforeEach
    void world() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        seller = LedgerApi.holder("MNG01");
        buyer = LedgerApi.holder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        List<LedgerEvent> issued = FourEyes.issue(ledger, "MNG01", project, 2024, List.of(seller[1]), List.of(1000L));
        long first = ((CreditsIssued) issued.get(1)).allocations().get(0).first();
        firstUnits = "JCM-" + project + "-2024-" + first + "-" + (first + 99);
        initiator = Holders.holder(seller[0], "initiator@" + seller[0]);
    }

    private Response pend(String token, long quantity) {
        Response pended = created(token, "/api/v1/transfers", LedgerApi.transfer(seller[1], buyer[1], quantity));
        pended.then().body("events[0].type", equalTo("TransferPended"))
                .header("Location", endsWith("/api/v1/pending-transfers/" + pended.path("id")));
        return pended;
    }

    @Test
    void a_second_holder_with_the_approver_claim_approves_and_the_transfer_executes() {
        FourEyes.policy(ledger, seller[0], null, true, Duration.ZERO);
        String id = pend(initiator, 300).path("id");
        given().auth().oauth2(initiator).when().get("/api/v1/pending-transfers/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL")).body("needsApproval", equalTo(true))
                .body("mayBeApprovedBy.role", equalTo("account-holder")).body("mayBeApprovedBy.scope", equalTo(seller[0]))
                .body("expiresAt", org.hamcrest.Matchers.notNullValue());

        as(Holders.approver(seller[0], "second@" + seller[0])).post("/api/v1/pending-transfers/" + id + "/approve").then()
                .statusCode(201).body("events.type", equalTo(List.of("PendingTransferApproved", "PendingTransferExecuted")));

        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(300);
        given().auth().oauth2(initiator).when().get("/api/v1/pending-transfers/" + id).then().statusCode(200)
                .body("status", equalTo("EXECUTED")).body("approvedBy", equalTo("second@" + seller[0]))
                .body("mayBeApprovedBy", nullValue());
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void approving_ones_own_without_the_claim_or_from_another_organization_is_refused() {
        String id = pend(initiator, 100).path("id");
        String approve = "/api/v1/pending-transfers/" + id + "/approve";
        as(Holders.approver(seller[0], "initiator@" + seller[0])).post(approve).then().statusCode(403)
                .body("code", equalTo("approval_by_proposer"));
        as(Holders.holder(seller[0], "second@" + seller[0])).post(approve).then().statusCode(403)
                .body("code", equalTo("not_an_approver"));
        as(Holders.approver(buyer[0], "buyer@" + buyer[0])).post(approve).then().statusCode(403)
                .body("code", equalTo("forbidden_scope"));
        as(TestTokens.registryAdmin("MNG01")).post(approve).then().statusCode(403).body("code", equalTo("forbidden_role"));
        given().auth().oauth2(initiator).when().get("/api/v1/pending-transfers/" + id).then()
                .body("status", equalTo("AWAITING_APPROVAL"));
    }

    @Test
    void during_the_delay_the_initiator_or_another_approver_of_the_organization_cancels_and_nobody_else() {
        FourEyes.policy(ledger, seller[0], null, false, Duration.ofHours(26));
        String first = pend(initiator, 100).path("id");
        String second = pend(initiator, 200).path("id");
        given().auth().oauth2(initiator).when().get("/api/v1/pending-transfers/" + first).then()
                .body("status", equalTo("SCHEDULED")).body("executeAt", org.hamcrest.Matchers.notNullValue());
        Map<String, String> why = Map.of("reason", "Buyer account not confirmed");

        as(Holders.approver(buyer[0], "buyer@" + buyer[0])).body(why).post("/api/v1/pending-transfers/" + first + "/cancel")
                .then().statusCode(403).body("code", equalTo("forbidden_scope"));
        as(Holders.holder(seller[0], "colleague@" + seller[0])).body(why)
                .post("/api/v1/pending-transfers/" + first + "/cancel").then().statusCode(403)
                .body("code", equalTo("not_an_approver"));
        created(initiator, "/api/v1/pending-transfers/" + first + "/cancel", why).then()
                .body("events[0].type", equalTo("PendingTransferCancelled"));
        created(Holders.approver(seller[0], "colleague@" + seller[0]), "/api/v1/pending-transfers/" + second + "/cancel", why)
                .then().body("events[0].type", equalTo("PendingTransferCancelled"));
        as(initiator).body(why).post("/api/v1/pending-transfers/" + first + "/cancel").then().statusCode(409)
                .body("code", equalTo("proposal_not_pending"));

        given().auth().oauth2(initiator).when().get("/api/v1/pending-transfers/" + first).then()
                .body("status", equalTo("CANCELLED")).body("endReason", equalTo("Buyer account not confirmed"))
                .body("endedBy", equalTo("initiator@" + seller[0]));
        given().auth().oauth2(initiator).when().get("/api/v1/accounts/" + seller[1]).then()
                .body("reservedQuantity", equalTo(0)).body("availableQuantity", equalTo(1000)).body("reserved", hasSize(0));
        assertThat(LedgerProbe.balance(buyer[1])).isZero();
    }

    @Test
    void reserved_units_cannot_be_transferred_retired_or_cancelled_by_another_request_until_the_transfer_ends() {
        Map<String, Object> named = Map.of("fromAccountId", seller[1], "toAccountId", buyer[1], "quantity", 100,
                "serialRanges", List.of(firstUnits));
        String id = pend(initiator, 100).path("id");
        given().auth().oauth2(initiator).when().get("/api/v1/accounts/" + seller[1]).then()
                .body("totalQuantity", equalTo(1000)).body("reservedQuantity", equalTo(100))
                .body("availableQuantity", equalTo(900)).body("reserved[0].actionId", equalTo(id))
                .body("reserved[0].quantity", equalTo(100));
        given().auth().oauth2(initiator).when().get("/api/v1/accounts/" + seller[1] + "/holdings").then()
                .body("items.reservedFor", hasItem(id));

        as(initiator).body(named).post("/api/v1/transfers").then().statusCode(409).body("code", equalTo("units_reserved"));
        as(initiator).body(Map.of("fromAccountId", seller[1], "quantity", 100, "serialRanges", List.of(firstUnits),
                "purpose", "VOLUNTARY", "beneficiary", "Someone")).post("/api/v1/retirements").then().statusCode(409)
                .body("code", equalTo("units_reserved"));
        as(initiator).body(Map.of("fromAccountId", seller[1], "quantity", 100, "serialRanges", List.of(firstUnits),
                "reason", "VOLUNTARY")).post("/api/v1/cancellations").then().statusCode(409)
                .body("code", equalTo("units_reserved"));

        created(initiator, "/api/v1/pending-transfers/" + id + "/cancel", Map.of("reason", "changed plans"));
        given().auth().oauth2(initiator).when().get("/api/v1/accounts/" + seller[1] + "/holdings").then()
                .body("items.reservedFor", everyItem(nullValue()));
        FourEyes.policy(ledger, seller[0], null, false, Duration.ZERO);
        created(initiator, "/api/v1/transfers", named).then().body("events[0].type", equalTo("CreditsTransferred"));
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(100);
    }

    @Test
    void an_untrusted_destination_under_a_policy_of_no_approval_and_no_delay_transfers_exactly_as_before() {
        FourEyes.policy(ledger, seller[0], null, false, Duration.ZERO);
        Response direct = created(initiator, "/api/v1/transfers", LedgerApi.transfer(seller[1], buyer[1], 250));
        direct.then().body("events", hasSize(1)).body("events[0].type", equalTo("CreditsTransferred"))
                .body("events[0].blocks[0].accountId", equalTo(buyer[1])).body("events[0].blocks[0].quantity", equalTo(250))
                .header("Location", nullValue()).body("id", nullValue());
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(250);
        given().auth().oauth2(initiator).queryParam("accountId", seller[1]).when().get("/api/v1/pending-transfers").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void a_stolen_token_alone_moves_nothing_to_an_untrusted_account_before_the_delay_ends() {
        String thief = Holders.holder(seller[0], "stolen@" + seller[0]);
        String id = pend(thief, 1000).path("id");
        as(thief).post("/api/v1/pending-transfers/" + id + "/approve").then().statusCode(403);
        as(thief).body(Map.of("untrustedNeedsApproval", false, "untrustedDelay", "PT0S"))
                .put("/api/v1/organizations/" + seller[0] + "/transfer-policy").then().statusCode(403)
                .body("code", equalTo("forbidden_role"));
        created(thief, "/api/v1/organizations/" + seller[0] + "/trusted-accounts", Map.of("accountId", buyer[1]));
        as(thief).body(LedgerApi.transfer(seller[1], buyer[1], 1)).post("/api/v1/transfers").then().statusCode(409)
                .body("code", equalTo("insufficient_units"));
        assertThat(LedgerProbe.balance(buyer[1])).isZero();
        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(1000);
        created(Holders.approver(seller[0], "owner@" + seller[0]), "/api/v1/pending-transfers/" + id + "/cancel",
                Map.of("reason", "not ours"));
        as(Holders.approver(seller[0], "owner@" + seller[0])).delete("/api/v1/organizations/" + seller[0]
                + "/trusted-accounts/" + buyer[1]).then().statusCode(201).body("events[0].type", equalTo("TrustedAccountRemoved"));
        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(1000);
    }

    @Test
    void pending_transfers_are_listed_for_the_organization_the_registry_auditors_and_the_operator_only() {
        String id = pend(initiator, 10).path("id");
        given().auth().oauth2(initiator).when().get("/api/v1/pending-transfers").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.organizationId", everyItem(equalTo(seller[0])));
        given().auth().oauth2(TestTokens.registryAdmin("MNG01")).queryParam("status", "AWAITING_APPROVAL").when()
                .get("/api/v1/pending-transfers").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.registryId", everyItem(equalTo("MNG01")));
        given().auth().oauth2(TestTokens.registryAdmin("JPN01")).when().get("/api/v1/pending-transfers").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.accountHolder(buyer[0])).when().get("/api/v1/pending-transfers/" + id).then()
                .statusCode(403).body("code", equalTo("forbidden_scope"));
        given().auth().oauth2(TestTokens.auditor()).queryParam("accountId", seller[1]).when().get("/api/v1/pending-transfers")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/pending-transfers/" + id).then().statusCode(200)
                .body("fromAccountId", equalTo(seller[1])).body("toAccountId", equalTo(buyer[1])).body("quantity", equalTo(10))
                .body("initiator", equalTo("initiator@" + seller[0]));
        given().auth().oauth2(TestTokens.government("MNG")).when().get("/api/v1/pending-transfers").then().statusCode(403)
                .body("code", equalTo("forbidden_role"));
        given().auth().oauth2(initiator).queryParam("status", "LOST").when().get("/api/v1/pending-transfers").then()
                .statusCode(400).body("code", equalTo("invalid_query_parameter"));
        given().auth().oauth2(initiator).when().get("/api/v1/pending-transfers/PT99999999").then().statusCode(404)
                .body("code", equalTo("proposal_not_found"));
    }

    @Test
    void a_pending_transfer_or_reservation_changed_in_the_database_is_reported_by_verify() throws SQLException {
        String id = pend(initiator, 100).path("id");
        sql("UPDATE pending_transfer SET status = 'CANCELLED' WHERE id = ?", id);
        try {
            given().auth().oauth2(TestTokens.auditor()).when().post("/api/v1/ledger/verify").then().statusCode(200)
                    .body("ok", equalTo(false)).body("divergence.kind", equalTo("STATE"))
                    .body("divergence.table", equalTo("pending_transfer")).body("divergence.key", equalTo(id))
                    .body("divergence.field", equalTo("status")).body("divergence.expected", equalTo("AWAITING_APPROVAL"))
                    .body("divergence.found", equalTo("CANCELLED"));
        } finally {
            sql("UPDATE pending_transfer SET status = 'AWAITING_APPROVAL' WHERE id = ?", id);
        }
        // Freeing the reserved units behind the ledger's back, so that a direct transfer could take them.
        sql("UPDATE reservation SET action_id = 'PT99999999' WHERE action_id = ?", id);
        try {
            given().auth().oauth2(TestTokens.auditor()).when().post("/api/v1/ledger/verify").then().statusCode(200)
                    .body("ok", equalTo(false)).body("divergence.table", equalTo("reservation"))
                    .body("divergence.field", equalTo("action_id")).body("divergence.expected", equalTo(id))
                    .body("divergence.found", equalTo("PT99999999"));
        } finally {
            sql("UPDATE reservation SET action_id = ? WHERE action_id = 'PT99999999'", id);
        }
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    private static void sql(String statement, String parameter) throws SQLException {
        try (Connection c = Databases.connectToService(); PreparedStatement update = c.prepareStatement(statement)) {
            update.setString(1, parameter);
            assertThat(update.executeUpdate()).isPositive();
        }
    }
}
