package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.ledger.id.AccountId;
import org.jcm.settlement.messaging.LedgerConsumer;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Only the seller's transfer decides a registered trade: a transfer from any other account that
 * names it is an unmatched reference, which the venue (and only it, besides operator and auditor)
 * lists. Each test uses a venue of its own. Owns vintage 2038 and the day 2025-09-03.
 */
@QuarkusTest
class UnmatchedReferencesTest {

    static final String INSTRUMENT = "JCM-MNG-2038-NONE";
    private static boolean issued;

    @BeforeEach
    void issueToTheSellerAndToAStranger() {
        TestClock.set(at("09:00:00"));
        synchronized (UnmatchedReferencesTest.class) {
            if (!issued) {
                TestLedger.get().issue(at("08:00:00"), 2038, C, 1000);
                TestLedger.get().issue(at("08:00:00"), 2038, B, 100);
                issued = true;
            }
        }
        Await.caughtUp();
    }

    @Inject
    LedgerConsumer consumer;

    @AfterEach
    void resetTheClock() throws Exception {
        TestClock.reset();
        // Trades left pending fail now on the real clock, not later while another test class runs.
        consumer.sweepNow();
    }

    static Instant at(String time) {
        return Instant.parse("2025-09-03T" + time + "Z");
    }

    static Map<String, Object> trade(String venue, String tradeId, AccountId seller, AccountId buyer, long quantity,
                                     String deliverBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", tradeId);
        body.put("venue", venue);
        body.put("sellerAccountId", seller.value());
        body.put("buyerAccountId", buyer.value());
        body.put("instrument", INSTRUMENT);
        body.put("quantity", quantity);
        body.put("pricePerTonne", "700.00");
        body.put("currency", "JPY");
        body.put("deliverBy", deliverBy);
        return body;
    }

    static ValidatableResponse register(String venue, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.exchange(venue)).header("Idempotency-Key", "k-" + body.get("tradeId"))
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/trades").then();
    }

    static ValidatableResponse status(String venue, String tradeId) {
        return given().auth().oauth2(TestTokens.exchange(venue)).when().get("/api/v1/trades/" + venue + "/" + tradeId)
                .then().statusCode(200);
    }

    static ValidatableResponse references(String venue, String query) {
        return given().auth().oauth2(TestTokens.exchange(venue)).when()
                .get("/api/v1/unmatched-references/" + venue + query).then().statusCode(200)
                .contentType("application/json");
    }

    static long transfer(String venue, String time, AccountId from, AccountId to, long quantity, String tradeId,
                         String price) {
        long seq = TestLedger.get().transfer(at(time), from, to, quantity, 2038,
                TestLedger.trade(venue, tradeId, price, "JPY")).get(0).seq();
        Await.applied(seq);
        return seq;
    }

    @Test
    void a_strangers_one_tonne_transfer_naming_a_pending_trade_changes_nothing_and_the_seller_still_settles_it() {
        String venue = "URA";
        register(venue, trade(venue, "U-1", C, A, 50, "2025-09-03T18:00:00Z")).statusCode(201)
                .body("unmatchedReferenceCount", equalTo(0));
        long stranger = transfer(venue, "10:00:00", B, A, 1, "U-1", "1.00");
        status(venue, "U-1").body("status", equalTo("PENDING_DELIVERY"))
                .body("ledgerSeq", nullValue())
                .body("mismatches", empty())
                .body("unmatchedReferenceCount", equalTo(1));
        long delivery = transfer(venue, "10:05:00", C, A, 50, "U-1", "700.00");
        status(venue, "U-1").body("status", equalTo("SETTLED"))
                .body("ledgerSeq", equalTo((int) delivery))
                .body("unmatchedReferenceCount", equalTo(1));
        references(venue, "").body("venue", equalTo(venue))
                .body("items", hasSize(1))
                .body("items[0].seq", equalTo((int) stranger))
                .body("items[0].at", equalTo("2025-09-03T10:00:00.000Z"))
                .body("items[0].tradeId", equalTo("U-1"))
                .body("items[0].fromAccountId", equalTo(B.value()))
                .body("items[0].toAccountId", equalTo(A.value()))
                .body("items[0].quantity", equalTo(1))
                .body("items[0].instruments", contains(INSTRUMENT))
                .body("items[0].pricePerTonne", equalTo("1.00"))
                .body("items[0].currency", equalTo("JPY"))
                .body("items[0].reason", equalTo("NOT_FROM_SELLER"))
                .body("next", nullValue());
    }

    @Test
    void a_strangers_transfer_with_exactly_the_trades_terms_does_not_deliver_it() {
        String venue = "URB";
        register(venue, trade(venue, "U-2", B, A, 5, "2025-09-03T18:00:00Z")).statusCode(201);
        // The registered seller is B; C sends exactly the quantity and instrument to the buyer.
        transfer(venue, "10:10:00", C, A, 5, "U-2", "700.00");
        status(venue, "U-2").body("status", equalTo("PENDING_DELIVERY")).body("unmatchedReferenceCount", equalTo(1));
        references(venue, "?tradeId=U-2").body("items.reason", contains("NOT_FROM_SELLER"));
    }

    @Test
    void the_sellers_transfer_to_another_account_mismatches_and_its_later_transfers_are_listed_after_the_decision() {
        String venue = "URC";
        register(venue, trade(venue, "U-3", C, A, 20, "2025-09-03T18:00:00Z")).statusCode(201);
        long wrong = transfer(venue, "10:20:00", C, B, 20, "U-3", "700.00");
        status(venue, "U-3").body("status", equalTo("MISMATCHED"))
                .body("ledgerSeq", equalTo((int) wrong))
                .body("mismatches", contains("buyerAccountId"));
        long again = transfer(venue, "10:21:00", C, A, 20, "U-3", "700.00");
        status(venue, "U-3").body("status", equalTo("MISMATCHED")).body("ledgerSeq", equalTo((int) wrong))
                .body("unmatchedReferenceCount", equalTo(1));
        references(venue, "").body("items.seq", contains((int) again))
                .body("items.reason", contains("AFTER_DECISION"));
    }

    @Test
    void transfers_before_the_registration_are_judged_by_the_same_rules_when_it_comes() {
        String venue = "URD";
        long unregistered = transfer(venue, "10:30:00", B, A, 2, "U-4", "700.00");
        long delivery = transfer(venue, "10:31:00", C, A, 30, "U-4", "700.00");
        long never = transfer(venue, "10:32:00", C, A, 3, "U-404", "700.00");
        references(venue, "").body("items.seq", contains((int) unregistered, (int) delivery, (int) never))
                .body("items.reason", contains("NOT_REGISTERED", "NOT_REGISTERED", "NOT_REGISTERED"));
        register(venue, trade(venue, "U-4", C, A, 30, "2025-09-03T18:00:00Z")).statusCode(201)
                .body("status", equalTo("SETTLED"))
                .body("ledgerSeq", equalTo((int) delivery))
                .body("unmatchedReferenceCount", equalTo(1));
        references(venue, "").body("items.seq", contains((int) unregistered, (int) never))
                .body("items.reason", contains("NOT_FROM_SELLER", "NOT_REGISTERED"));
    }

    @Test
    void the_sellers_transfer_after_the_sweep_failed_the_trade_is_listed_after_the_deadline() {
        String venue = "URE";
        register(venue, trade(venue, "U-5", C, A, 4, "2025-09-03T11:00:00Z")).statusCode(201);
        TestClock.set(at("11:00:01"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(venue, "U-5").extract().path("status")));
        long late = transfer(venue, "11:30:00", C, A, 4, "U-5", "700.00");
        status(venue, "U-5").body("status", equalTo("FAILED")).body("ledgerSeq", nullValue())
                .body("unmatchedReferenceCount", equalTo(1));
        references(venue, "").body("items.seq", contains((int) late)).body("items.reason", contains("AFTER_DEADLINE"));
    }

    @Test
    void references_are_paged_in_ledger_order_and_served_as_csv() {
        String venue = "URF";
        long first = transfer(venue, "10:40:00", B, A, 1, "U-6", "1.00");
        long second = transfer(venue, "10:41:00", B, A, 1, "U-7", "1.00");
        long third = transfer(venue, "10:42:00", B, A, 1, "U-6", "1.00");
        String next = references(venue, "?limit=2").body("items.seq", contains((int) first, (int) second))
                .extract().path("next");
        org.assertj.core.api.Assertions.assertThat(next).isEqualTo(Long.toString(second));
        references(venue, "?limit=2&after=" + next).body("items.seq", contains((int) third)).body("next", nullValue());
        references(venue, "?tradeId=U-6").body("items.seq", contains((int) first, (int) third));
        String csv = given().auth().oauth2(TestTokens.exchange(venue)).accept("text/csv")
                .when().get("/api/v1/unmatched-references/" + venue + "?tradeId=U-7").then()
                .statusCode(200).contentType("text/csv").extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv).isEqualTo(
                "venue,seq,at,tradeId,fromAccountId,toAccountId,quantity,instruments,pricePerTonne,currency,reason\r\n"
                + venue + "," + second + ",2025-09-03T10:41:00.000Z,U-7," + B.value() + "," + A.value() + ",1,"
                + INSTRUMENT + ",1.00,JPY,NOT_REGISTERED\r\n");
        given().auth().oauth2(TestTokens.exchange(venue)).when()
                .get("/api/v1/unmatched-references/" + venue + "?after=x").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_parameter"));
    }

    @Test
    void only_the_venue_the_operator_and_auditors_read_a_venues_references() {
        String venue = "URG";
        transfer(venue, "10:50:00", B, A, 1, "U-8", "1.00");
        String path = "/api/v1/unmatched-references/" + venue;
        given().when().get(path).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
        given().auth().oauth2(TestTokens.exchange("URH")).when().get(path).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.accountHolder("JPN01-O0002")).when().get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).when().get(path).then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(TestTokens.auditor()).when().get(path).then().statusCode(200).body("items", hasSize(1));
        references(venue, "").body("items", hasSize(1));
    }
}
