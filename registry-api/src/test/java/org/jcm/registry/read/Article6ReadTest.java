package org.jcm.registry.read;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.read.AccountReadTest.read;
import static org.jcm.registry.read.ReadScenario.JPN01;
import static org.jcm.registry.read.ReadScenario.MNG01;
import static org.jcm.registry.read.ReadScenario.V3;
import static org.jcm.registry.read.ReadScenario.itmo;
import static org.jcm.registry.read.ReadScenario.serial;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests that the reads show Article 6.2 as the ledger records it: authorization, first transfer
 * and corresponding adjustment in flags, labels, balances, block filters and unit histories.
 */
@QuarkusTest
class Article6ReadTest {

    private ReadScenario s;

    @BeforeEach
    void scenario() {
        s = ReadScenario.get();
    }

    @Test
    void authorized_units_not_yet_first_transferred_are_committed_and_labelled_authorized() {
        read(TestTokens.accountHolder(s.orgC), "/api/v1/accounts/" + s.c1 + "/holdings").statusCode(200)
                .body("items.serial", contains(serial(s.p3, V3, 41, 100)))
                .body("items[0].label", equalTo("AUTHORIZED"))
                .body("items[0].caState", equalTo("COMMITTED"))
                .body("items[0].authorization", equalTo(Map.of("id", s.authorizationId, "purpose", "NDC")))
                .body("items[0].firstTransferred", equalTo(false))
                .body("items[0].firstItmoId", equalTo(itmo(MNG01, 41, V3)));
        read(TestTokens.accountHolder(s.orgC), "/api/v1/accounts/" + s.c1).statusCode(200)
                .body("balances", equalTo(List.of(Map.of("vintage", V3, "label", "AUTHORIZED", "quantity", 60, "blockCount", 1))));
    }

    @Test
    void adjusted_units_abroad_are_first_transferred_applied_and_labelled_ca_applied() {
        read(TestTokens.accountHolder(s.orgJ), "/api/v1/accounts/" + s.j2 + "/holdings").statusCode(200)
                .body("items.serial", contains(serial(s.p3, V3, 1, 40)))
                .body("items[0].label", equalTo("CA_APPLIED"))
                .body("items[0].caState", equalTo("APPLIED"))
                .body("items[0].firstTransferred", equalTo(true))
                .body("items[0].issuingRegistryId", equalTo(MNG01))
                .body("items[0].authorization.id", equalTo(s.authorizationId));
        read(TestTokens.government("JPN"), "/api/v1/accounts/" + s.j2).statusCode(200)
                .body("balances", equalTo(List.of(Map.of("vintage", V3, "label", "CA_APPLIED", "quantity", 40, "blockCount", 1))));
    }

    @Test
    void the_label_filter_finds_authorized_and_adjusted_blocks() {
        given().queryParam("projectId", s.p3).queryParam("label", "AUTHORIZED").when().get("/api/v1/blocks").then()
                .statusCode(200).body("items.serial", contains(serial(s.p3, V3, 41, 100)));
        given().queryParam("projectId", s.p3).queryParam("label", "CA_APPLIED").when().get("/api/v1/blocks").then()
                .statusCode(200).body("items.serial", contains(serial(s.p3, V3, 1, 40)))
                .body("items[0].holder", equalTo(Map.of("registryId", JPN01, "accountType", "HOLDING")));
        given().queryParam("projectId", s.p3).queryParam("label", "NONE").when().get("/api/v1/blocks").then()
                .statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void the_unit_history_shows_authorization_first_transfer_and_adjustment_in_ledger_order() {
        given().when().get("/api/v1/units/" + serial(s.p3, V3, 1, 100)).then().statusCode(200)
                .body("blocks.serial", contains(serial(s.p3, V3, 1, 40), serial(s.p3, V3, 41, 100)))
                .body("blocks.caState", contains("APPLIED", "COMMITTED"))
                .body("history.seq", contains((int) s.issuedP3, (int) s.authorized, (int) s.toJapanAuthorized,
                        (int) s.firstTransfer, (int) s.adjusted))
                .body("history.type", contains("CreditsIssued", "UnitsAuthorized", "CreditsTransferred",
                        "FirstTransferRecorded", "CorrespondingAdjustmentApplied"))
                .body("history[1].serials", contains(serial(s.p3, V3, 1, 100)))
                .body("history[1].details", equalTo(Map.of("authorizationId", s.authorizationId, "version", 1, "party", "MNG",
                        "cooperativeApproachId", "CA0001", "purpose", "NDC")))
                .body("history[3].serials", contains(serial(s.p3, V3, 1, 40)))
                .body("history[3].details", equalTo(Map.of("authorizationId", s.authorizationId,
                        "trigger", "INTERNATIONAL_TRANSFER", "causeSeq", (int) s.toJapanAuthorized,
                        "transferringParty", "MNG", "acquiringParty", "JPN")))
                .body("history[4].details", equalTo(Map.of("party", "MNG", "year", V3, "method", "TRAJECTORY")));
    }

    @Test
    void a_unit_that_stayed_home_has_only_its_issuance_and_authorization_in_its_history() {
        given().when().get("/api/v1/units/" + itmo(MNG01, 50, V3)).then().statusCode(200)
                .body("blocks.serial", contains(serial(s.p3, V3, 41, 100)))
                .body("history.type", contains("CreditsIssued", "UnitsAuthorized"));
    }

    @Test
    void article_6_events_change_flags_not_holders_so_transactions_do_not_list_them() {
        read(TestTokens.accountHolder(s.orgC), "/api/v1/accounts/" + s.c1 + "/transactions").statusCode(200)
                .body("items.type", contains("CreditsTransferred", "CreditsIssued", "ProposalMade", "AccountOpened"));
    }
}
