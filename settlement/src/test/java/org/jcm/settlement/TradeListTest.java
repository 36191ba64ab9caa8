package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import org.jcm.ledger.id.AccountId;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestTrades;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An exchange lists the trades its venue registered, filtered and paged; the operator and auditors
 * list any venue's or all; another exchange sees none of them. Registers on venues LSA and LSB only,
 * at registration times on 2025-11-05, with instruments of vintage 2048 that no transfer moves.
 */
@QuarkusTest
class TradeListTest {

    static final String VENUE = "LSA";
    static final String EXCHANGE = TestTokens.exchange(VENUE);

    static Instant at(String time) {
        return Instant.parse("2025-11-05T" + time + "Z");
    }

    /** Only after the last test: between tests the clock stays before the deadlines, so no sweep fails the trades. */
    @AfterAll
    static void resetTheClock() {
        TestClock.reset();
    }

    /**
     * The clock at 13:00, before every deadline; LS-1 (C to A) at 09:00, LS-2 (C to B, authorized units)
     * at 10:00, LS-3 (A to B) at 11:00, cancelled at 11:30, and LSB's LS-1 at 12:00, registered once.
     */
    @BeforeEach
    void registerOnce() {
        TestClock.set(at("13:00:00"));
        if (given().auth().oauth2(EXCHANGE).get("/api/v1/trades/LSA/LS-3").statusCode() == 200) {
            return;
        }
        Await.caughtUp();
        registerAt("09:00:00", "LS-1", C, A, "JCM-MNG-2048-NONE");
        registerAt("10:00:00", "LS-2", C, B, "JCM-MNG-2048-AUTHORIZED");
        registerAt("11:00:00", "LS-3", A, B, "JCM-MNG-2048-NONE");
        TestClock.during(at("11:30:00"), () -> given().auth().oauth2(EXCHANGE).header("Idempotency-Key", "ls-3-cancel")
                .post("/api/v1/trades/LSA/LS-3/cancel").then().statusCode(200));
        TestClock.during(at("12:00:00"), () -> TestTrades.register(TestTrades.trade("LSB", "LS-1", C, A,
                "JCM-MNG-2048-NONE", 5, "900.00", "JPY", at("23:00:00"))).statusCode(201));
    }

    static void registerAt(String time, String tradeId, AccountId seller, AccountId buyer, String instrument) {
        TestClock.during(at(time), () -> TestTrades.register(TestTrades.trade(VENUE, tradeId, seller, buyer,
                instrument, 10, "1000.00", "JPY", at("23:00:00"))).statusCode(201));
    }

    static ValidatableResponse list(String token, String query) {
        return given().auth().oauth2(token).when().get("/api/v1/trades" + query).then();
    }

    @Test
    void an_exchange_lists_its_own_venues_trades_in_registration_order_with_their_status() {
        list(EXCHANGE, "").statusCode(200)
                .body("items.tradeId", contains("LS-1", "LS-2", "LS-3"))
                .body("items.venue", everyItem(equalTo(VENUE)))
                .body("items[0].registeredAt", equalTo("2025-11-05T09:00:00.000Z"))
                .body("items[0].status", equalTo("PENDING_DELIVERY"))
                .body("items[0].sellerAccountId", equalTo(C.value()))
                .body("items[2].status", equalTo("CANCELLED"))
                .body("items[2].statusAt", equalTo("2025-11-05T11:30:00.000Z"))
                .body("next", nullValue());
        list(EXCHANGE, "?venue=LSA").statusCode(200).body("items.tradeId", contains("LS-1", "LS-2", "LS-3"));
        list(TestTokens.exchange("LSB"), "").statusCode(200).body("items.tradeId", contains("LS-1"))
                .body("items.venue", contains("LSB"));
    }

    @Test
    void filters_by_status_instrument_registration_time_and_counterparty_organization_combine() {
        list(EXCHANGE, "?status=CANCELLED").statusCode(200).body("items.tradeId", contains("LS-3"));
        list(EXCHANGE, "?status=SETTLED").statusCode(200).body("items", empty());
        list(EXCHANGE, "?instrument=JCM-MNG-2048-AUTHORIZED").statusCode(200).body("items.tradeId", contains("LS-2"));
        list(EXCHANGE, "?from=2025-11-05T10:00:00Z&to=2025-11-05T11:00:00Z").statusCode(200)
                .body("items.tradeId", contains("LS-2"));
        // Company B (JPN01-O0002) buys in LS-2 and LS-3; Company A (JPN01-O0001) buys in LS-1 and sells in LS-3.
        list(EXCHANGE, "?counterparty=JPN01-O0002").statusCode(200).body("items.tradeId", contains("LS-2", "LS-3"));
        list(EXCHANGE, "?counterparty=JPN01-O0001").statusCode(200).body("items.tradeId", contains("LS-1", "LS-3"));
        list(EXCHANGE, "?counterparty=JPN01-O0001&instrument=JCM-MNG-2048-NONE&status=PENDING_DELIVERY").statusCode(200)
                .body("items.tradeId", contains("LS-1"));
    }

    @Test
    void pages_follow_the_sealed_cursor_of_the_same_query_only() {
        String next = list(EXCHANGE, "?limit=2").statusCode(200).body("items.tradeId", contains("LS-1", "LS-2"))
                .body("next", notNullValue()).extract().path("next");
        list(EXCHANGE, "?limit=2&after=" + next).statusCode(200).body("items.tradeId", contains("LS-3"))
                .body("next", nullValue());
        list(EXCHANGE, "?limit=2&status=CANCELLED&after=" + next).statusCode(400)
                .body("code", equalTo("invalid_parameter")).body("errors[0].field", equalTo("after"));
        list(TestTokens.operator(), "?venue=LSA&limit=2&after=" + next).statusCode(200)
                .body("items.tradeId", contains("LS-3"));
        list(EXCHANGE, "?after=forged").statusCode(400).body("errors[0].field", equalTo("after"));
    }

    @Test
    void the_operator_and_auditors_list_any_venue_and_another_exchange_is_forbidden() {
        list(TestTokens.operator(), "?venue=LSA").statusCode(200).body("items.tradeId", contains("LS-1", "LS-2", "LS-3"));
        list(TestTokens.auditor(), "?from=2025-11-05T00:00:00Z&to=2025-11-06T00:00:00Z&instrument=JCM-MNG-2048-NONE")
                .statusCode(200).body("items.venue", hasItems("LSA", "LSB"));
        list(TestTokens.exchange("LSB"), "?venue=LSA").statusCode(403).body("code", equalTo("forbidden"));
        list(TestTokens.accountHolder("JPN01-O0001"), "").statusCode(403);
        given().when().get("/api/v1/trades").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void bad_filters_are_refused_naming_the_parameter_and_csv_is_offered() {
        list(EXCHANGE, "?status=OPEN").statusCode(400).body("code", equalTo("invalid_parameter"))
                .body("errors[0].field", equalTo("status"));
        list(EXCHANGE, "?instrument=MNG-2048").statusCode(400).body("errors[0].field", equalTo("instrument"));
        list(EXCHANGE, "?from=yesterday").statusCode(400).body("errors[0].field", equalTo("from"));
        list(EXCHANGE, "?counterparty=Company%20A").statusCode(400).body("errors[0].field", equalTo("counterparty"));
        list(TestTokens.operator(), "?venue=lsa").statusCode(400).body("errors[0].field", equalTo("venue"));
        list(EXCHANGE, "?limit=0").statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(EXCHANGE).accept("text/csv").when().get("/api/v1/trades?status=CANCELLED").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("tradeId,venue,sellerAccountId,buyerAccountId,instrument,quantity"))
                .body(containsString("LS-3,LSA,JPN01-H00001,JPN01-H00002,JCM-MNG-2048-NONE,10,1000.00,JPY"));
    }
}
