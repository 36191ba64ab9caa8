package org.jcm.registry.issuance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.jcm.registry.issuance.IssuanceLimitsProfile.MAX;
import static org.jcm.registry.testing.LedgerApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The limits of 2^53 - 1 through the real API, on a ledger of its own whose maximum per issuance
 * is 2^53 - 1 ({@link IssuanceLimitsProfile}): the units of the whole ledger never pass it, so no
 * balance and no reported total does either. The last
 * test fills the ledger, so it runs last.
 */
@QuarkusTest
@TestProfile(IssuanceLimitsProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IssuanceLimitsTest {

    @Test
    @Order(1)
    void units_of_a_host_without_a_cooperative_approach_have_no_itmo_ids() {
        LedgerApi.registry("JPN01");
        String[] holder = LedgerApi.openHolder("JPN01");
        // India is a JCM partner; this service has no cooperative approach configured for it.
        String project = LedgerApi.project("IN", List.of(holder[0]));
        LedgerApi.issue("JPN01", project, 2024, List.of(holder[1]), List.of(50L)).then()
                .body("events[1].blocks[0].serial", startsWith("JCM-" + project + "-2024-"))
                .body("events[1].blocks[0].firstItmoId", nullValue())
                .body("events[1].blocks[0].lastItmoId", nullValue());
    }

    @Test
    @Order(2)
    void no_numbering_balance_or_reported_total_passes_2_53_minus_1() {
        LedgerApi.registry("MNG01");
        String[] holder = LedgerApi.openHolder("MNG01");
        String[] other = LedgerApi.openHolder("MNG01");
        String admin = TestTokens.registryAdmin("MNG01");
        String project = LedgerApi.project("MN", List.of(holder[0]));
        String second = LedgerApi.project("MN", List.of(holder[0]));
        long issuedBefore = LedgerProbe.longValue("SELECT coalesce(sum(total_quantity), 0) FROM issuance");

        // All but one of the units the ledger can hold, in one issuance of Mongolia's 2024 numbering.
        long big = MAX - 1 - issuedBefore;
        LedgerApi.issue("MNG01", project, 2024, List.of(holder[1]), List.of(big)).then()
                .body("events[1].blocks[0].quantity", equalTo(big));

        // Two more units, of 2024 or of 2025, would pass the ledger's total. (A host's vintage numbering
        // alone, unit_numbering_exhausted, is reached only in a ledger that holds nothing else: ledger-core's tests.)
        // Each issuance is the share the Joint Committee decided on its project's monitoring cycle.
        String third = LedgerApi.project("MN", List.of(holder[0]));
        String request2024 = LedgerApi.decided("MNG01", second, 2024, List.of(holder[1]), List.of(2L));
        String request2025 = LedgerApi.decided("MNG01", second, 2025, List.of(holder[1]), List.of(2L));
        String lastUnit = LedgerApi.decided("MNG01", third, 2025, List.of(holder[1]), List.of(1L));
        String pastTheLast = LedgerApi.decided("MNG01", third, 2024, List.of(other[1]), List.of(1L));
        long head = LedgerProbe.headSeq();
        as(admin).body(LedgerApi.issuance(second, 2024, request2024, List.of(holder[1]), List.of(2L))).when()
                .post("/api/v1/issuances").then().statusCode(422).body("code", equalTo("ledger_unit_limit_exceeded"));
        as(admin).body(LedgerApi.issuance(second, 2025, request2025, List.of(holder[1]), List.of(2L))).when()
                .post("/api/v1/issuances").then().statusCode(422).body("code", equalTo("ledger_unit_limit_exceeded"));
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);

        // The last unit: the ledger holds exactly 2^53 - 1 and one account holds all of Mongolia's.
        LedgerApi.issueOn("MNG01", third, 2025, lastUnit, List.of(holder[1]), List.of(1L));
        as(admin).body(LedgerApi.issuance(third, 2024, pastTheLast, List.of(other[1]), List.of(1L))).when()
                .post("/api/v1/issuances").then().statusCode(422).body("code", equalTo("ledger_unit_limit_exceeded"));
        assertThat(LedgerProbe.longValue("SELECT coalesce(sum(total_quantity), 0) FROM issuance")).isEqualTo(MAX);

        given().auth().oauth2(TestTokens.accountHolder(holder[0])).when().get("/api/v1/accounts/" + holder[1]).then()
                .statusCode(200).body("totalQuantity", equalTo(big + 1));
        // All of it moves to another account in one transfer; balances and totals stay exact.
        LedgerApi.created(TestTokens.accountHolder(holder[0]), "/api/v1/transfers",
                LedgerApi.transfer(holder[1], other[1], big + 1));
        given().auth().oauth2(TestTokens.accountHolder(other[0])).when().get("/api/v1/accounts/" + other[1]).then()
                .statusCode(200).body("totalQuantity", equalTo(big + 1));
        List<Map<String, Object>> summary = given().when().get("/api/v1/reports/summary").then().statusCode(200)
                .extract().path("rows");
        long reported = 0;
        for (Map<String, Object> row : summary) {
            long issued = ((Number) row.get("issued")).longValue();
            assertThat(issued).isBetween(1L, MAX);
            reported += issued;
        }
        assertThat(reported).isEqualTo(MAX);
        assertThat(LedgerProbe.verify()).isEmpty();
    }
}
