package org.jcm.registry.read;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.registry.read.AccountReadTest.problem;
import static org.jcm.registry.read.ReadScenario.JPN01;
import static org.jcm.registry.read.ReadScenario.MNG01;
import static org.jcm.registry.read.ReadScenario.V;
import static org.jcm.registry.read.ReadScenario.V2;
import static org.jcm.registry.read.ReadScenario.itmo;
import static org.jcm.registry.read.ReadScenario.serial;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests the public unit lookup: by serial, stale serial, unit reference and ITMO id, with the full history. */
@QuarkusTest
class UnitReadTest {

    private ReadScenario s;

    @BeforeEach
    void scenario() {
        s = ReadScenario.get();
    }

    @Test
    void a_live_block_serial_answers_that_block_and_its_history() {
        String serial = serial(s.p1, V, 126, 250);
        lookup(serial).statusCode(200)
                .contentType("application/json")
                .body("query", equalTo(serial))
                .body("hostParty", equalTo("MNG"))
                .body("projectId", equalTo(s.p1))
                .body("vintage", equalTo(V))
                .body("firstUnit", equalTo(126))
                .body("lastUnit", equalTo(250))
                .body("quantity", equalTo(125))
                .body("moreBlocks", equalTo(false))
                .body("blocks.serial", contains(serial))
                .body("blocks[0].firstItmoId", equalTo(itmo(MNG01, 126, V)))
                .body("blocks[0].lastItmoId", equalTo(itmo(MNG01, 250, V)))
                .body("blocks[0].status", equalTo("ACTIVE"))
                .body("blocks[0].label", equalTo("NONE"))
                .body("blocks[0].caState", equalTo("NOT_REQUIRED"))
                .body("blocks[0].firstTransferred", equalTo(false))
                .body("blocks[0].holder", equalTo(Map.of("registryId", MNG01, "accountType", "HOLDING")))
                // The public never sees which account holds the units.
                .body("blocks[0]", not(hasKey("accountId")))
                .body("history.seq", contains((int) s.issuedP1))
                .body("history[0].type", equalTo("CreditsIssued"))
                .body("history[0].serials", contains(serial(s.p1, V, 1, 250)))
                .body("history[0].quantity", equalTo(250))
                .body("history[0].details.projectId", equalTo(s.p1))
                .body("history[0].details.totalQuantity", equalTo(400))
                .body("history[0].details.monitoringPeriodStart", equalTo(V + "-01-01"))
                .body("history[0].details.monitoringPeriodEnd", equalTo(V + "-12-31"))
                .body("history[0].details.allocations", equalTo(List.of(
                        Map.of("serial", serial(s.p1, V, 1, 250), "registryId", MNG01))))
                .body("next", nullValue());
    }

    @Test
    void a_serial_that_is_no_longer_a_live_block_answers_every_block_its_units_are_in_now_and_their_history() {
        lookup(serial(s.p1, V, 1, 250)).statusCode(200)
                .body("quantity", equalTo(250))
                .body("blocks.serial", contains(serial(s.p1, V, 1, 100), serial(s.p1, V, 101, 110),
                        serial(s.p1, V, 111, 120), serial(s.p1, V, 121, 125), serial(s.p1, V, 126, 250)))
                .body("blocks.status", contains("ACTIVE", "CANCELLED", "ACTIVE", "RETIRED", "ACTIVE"))
                .body("blocks.holder", contains(holder(JPN01, "HOLDING"), holder(MNG01, "CANCELLATION"),
                        holder(MNG01, "HOLDING"), holder(MNG01, "RETIREMENT"), holder(MNG01, "HOLDING")))
                // Units that moved to Japan's registry keep the issuing registry in their ITMO ids.
                .body("blocks[0].firstItmoId", equalTo(itmo(MNG01, 1, V)))
                .body("history.seq", contains((int) s.issuedP1, (int) s.toJapan, (int) s.toB, (int) s.cancelled,
                        (int) s.retired))
                .body("history.type", contains("CreditsIssued", "CreditsTransferred", "CreditsTransferred",
                        "CreditsCancelled", "CreditsRetired"))
                .body("history.serials", contains(List.of(serial(s.p1, V, 1, 250)), List.of(serial(s.p1, V, 1, 100)),
                        List.of(serial(s.p1, V, 101, 120)), List.of(serial(s.p1, V, 101, 110)),
                        List.of(serial(s.p1, V, 121, 125))))
                .body("history.quantity", contains(250, 100, 20, 10, 5))
                .body("history[1].from", equalTo(holder(MNG01, "HOLDING")))
                .body("history[1].to", equalTo(holder(JPN01, "HOLDING")))
                .body("history[1]", not(hasKey("details")))
                .body("history[2].to", equalTo(holder(MNG01, "HOLDING")))
                .body("history[3].to", equalTo(holder(MNG01, "CANCELLATION")))
                .body("history[3].details", equalTo(Map.of("reason", "VOLUNTARY")))
                .body("history[4].to", equalTo(holder(MNG01, "RETIREMENT")))
                // A retirement statement publishes purpose and beneficiary; notes and memos stay private.
                .body("history[4].details", equalTo(Map.of("purpose", "VOLUNTARY", "beneficiaryKind", "STATED",
                        "beneficiary", "Example Manufacturing K.K.")));
    }

    @Test
    void an_itmo_id_answers_the_block_holding_that_unit_and_the_events_that_named_it() {
        lookup(itmo(MNG01, 105, V)).statusCode(200)
                .body("projectId", equalTo(s.p1))
                .body("firstUnit", equalTo(105))
                .body("lastUnit", equalTo(105))
                .body("quantity", equalTo(1))
                .body("blocks.serial", contains(serial(s.p1, V, 101, 110)))
                .body("blocks[0].status", equalTo("CANCELLED"))
                .body("history.type", contains("CreditsIssued", "CreditsTransferred", "CreditsCancelled"))
                .body("history.seq", contains((int) s.issuedP1, (int) s.toB, (int) s.cancelled));
    }

    @Test
    void an_itmo_id_of_a_unit_issued_into_japan_s_registry_names_that_registry() {
        lookup(itmo(JPN01, 420, V)).statusCode(200)
                .body("blocks.serial", contains(serial(s.p1, V, 401, 450)))
                .body("blocks[0].issuingRegistryId", equalTo(JPN01))
                .body("blocks[0].holder", equalTo(holder(JPN01, "HOLDING")))
                .body("history[0].details.allocations", equalTo(List.of(
                        Map.of("serial", serial(s.p1, V, 401, 450), "registryId", JPN01))));
    }

    @Test
    void a_unit_reference_answers_the_block_holding_that_unit() {
        lookup("JCM-" + s.p1 + "-" + V + "-300").statusCode(200)
                .body("firstUnit", equalTo(300))
                .body("lastUnit", equalTo(300))
                .body("blocks.serial", contains(serial(s.p1, V, 251, 400)))
                .body("history.serials", contains(List.of(serial(s.p1, V, 251, 400))));
    }

    @Test
    void a_range_partly_beyond_the_project_s_units_answers_the_units_that_exist() {
        lookup(serial(s.p1, V, 440, 460)).statusCode(200)
                .body("quantity", equalTo(11))
                .body("blocks.serial", contains(serial(s.p1, V, 401, 450)));
    }

    @Test
    void the_units_of_another_vintage_are_distinct() {
        lookup(serial(s.p1, V2, 1, 30)).statusCode(200)
                .body("blocks.serial", contains(serial(s.p1, V2, 1, 30)))
                .body("history.seq", contains((int) s.issuedP1V2));
    }

    @Test
    void history_pages_by_seq() {
        String serial = serial(s.p1, V, 1, 250);
        String next = given().queryParam("limit", 2).when().get("/api/v1/units/" + serial).then().statusCode(200)
                .body("history.seq", contains((int) s.issuedP1, (int) s.toJapan))
                .body("blocks.serial", contains(serial(s.p1, V, 1, 100), serial(s.p1, V, 101, 110),
                        serial(s.p1, V, 111, 120), serial(s.p1, V, 121, 125), serial(s.p1, V, 126, 250)))
                .extract().path("next");
        next = given().queryParam("limit", 2).queryParam("after", next).when().get("/api/v1/units/" + serial).then()
                .statusCode(200).body("history.seq", contains((int) s.toB, (int) s.cancelled)).extract().path("next");
        given().queryParam("limit", 2).queryParam("after", next).when().get("/api/v1/units/" + serial).then()
                .statusCode(200).body("history.seq", contains((int) s.retired)).body("next", nullValue());
    }

    @Test
    void units_that_were_never_issued_are_404() {
        for (String text : List.of(
                serial(s.p1, V, 100_000, 100_010),       // beyond what was issued
                serial(s.p1, V, 451, 490),               // issued, but for the other project
                serial(s.p1, 2099, 1, 10),               // a vintage never issued
                "JCM-ZZ998-" + V + "-1-10",              // no such project
                "CA0002-MNG01-MNG-105-" + V,             // not Mongolia's cooperative approach
                "CA0001-JPN01-MNG-105-" + V,             // unit 105 was issued by MNG01, not JPN01
                "CA0001-JPN01-JPN-1-" + V)) {            // Japan hosts no projects and has no approach
            problem(lookup(text), 404, "unknown_units");
        }
    }

    @Test
    void text_that_is_neither_a_serial_nor_an_itmo_id_is_400() {
        for (String text : List.of("JCM-" + s.p1 + "-" + V + "-0-10", "JCM-" + s.p1 + "-" + V + "-20-10", "hello",
                "CA0001-MNG01-MNG-0105-" + V, "JCM-" + s.p1 + "-1999-1-10")) {
            problem(lookup(text), 400, "invalid_unit_id");
        }
    }

    @Test
    void bad_paging_is_400() {
        String path = "/api/v1/units/" + serial(s.p1, V, 1, 250);
        problem(given().queryParam("limit", 0).when().get(path).then(), 400, "invalid_limit");
        problem(given().queryParam("after", "x").when().get(path).then(), 400, "invalid_cursor");
        problem(given().queryParam("holder", "me").when().get(path).then(), 400, "invalid_query_parameter");
    }

    @Test
    void the_lookup_is_public_and_ignores_a_bad_token() {
        given().auth().oauth2("not-a-token").when().get("/api/v1/units/" + serial(s.p1, V2, 1, 30)).then().statusCode(200);
    }

    private static ValidatableResponse lookup(String text) {
        return given().when().get("/api/v1/units/" + text).then();
    }

    private static Map<String, String> holder(String registryId, String accountType) {
        return Map.of("registryId", registryId, "accountType", accountType);
    }
}
