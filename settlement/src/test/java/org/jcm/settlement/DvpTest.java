package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.settlement.messaging.LedgerConsumer;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery versus payment: registered trades settle, mismatch or fail; statements net what
 * participants owe; only the venue's exchange sees its trades. Owns vintage 2033 and 2025-07-01.
 */
@QuarkusTest
class DvpTest {

    static final String VENUE = "DVPX";
    static final String INSTRUMENT = "JCM-MNG-2033-NONE";
    static final String EXCHANGE = TestTokens.exchange(VENUE);
    private static boolean issued;

    @BeforeEach
    void fixTheClockOnTheTradingDay() {
        TestClock.set(at("09:00:00"));
        synchronized (DvpTest.class) {
            if (!issued) {
                TestLedger.get().issue(at("08:00:00"), 2033, C, 1000);
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
        return Instant.parse("2025-07-01T" + time + "Z");
    }

    static Map<String, Object> trade(String tradeId, String seller, String buyer, long quantity, String price,
                                     String deliverBy) {
        return trade(VENUE, tradeId, seller, buyer, quantity, price, deliverBy);
    }

    static Map<String, Object> trade(String venue, String tradeId, String seller, String buyer, long quantity,
                                     String price, String deliverBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", tradeId);
        body.put("venue", venue);
        body.put("sellerAccountId", seller);
        body.put("buyerAccountId", buyer);
        body.put("instrument", INSTRUMENT);
        body.put("quantity", quantity);
        body.put("pricePerTonne", price);
        body.put("currency", "JPY");
        body.put("deliverBy", deliverBy);
        return body;
    }

    static ValidatableResponse register(String token, String key, Map<String, Object> body) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/trades").then();
    }

    static ValidatableResponse status(String tradeId) {
        return given().auth().oauth2(EXCHANGE).when().get("/api/v1/trades/" + VENUE + "/" + tradeId).then()
                .statusCode(200);
    }

    static long transfer(String time, org.jcm.ledger.id.AccountId from, org.jcm.ledger.id.AccountId to, long quantity,
                         String tradeId, String price) {
        return transfer(VENUE, time, from, to, quantity, tradeId, price);
    }

    static long transfer(String venue, String time, org.jcm.ledger.id.AccountId from, org.jcm.ledger.id.AccountId to,
                         long quantity, String tradeId, String price) {
        LedgerEvent event = TestLedger.get().transfer(at(time), from, to, quantity, 2033,
                TestLedger.trade(venue, tradeId, price, "JPY")).get(0);
        Await.applied(event.seq());
        return event.seq();
    }

    @Test
    void a_matching_transfer_settles_a_registered_trade_with_its_ledger_seq() {
        register(EXCHANGE, "k-d1", trade("D-1", C.value(), A.value(), 100, "1500.00", "2025-07-01T18:00:00Z"))
                .statusCode(201)
                .contentType("application/json")
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/trades/DVPX/D-1"))
                .body("status", equalTo("PENDING_DELIVERY"))
                .body("ledgerSeq", nullValue());
        long seq = transfer("10:00:00", C, A, 100, "D-1", "1500.00");
        status("D-1").body("status", equalTo("SETTLED"))
                .body("ledgerSeq", equalTo((int) seq))
                .body("statusAt", equalTo("2025-07-01T10:00:00.000Z"))
                .body("pricePerTonne", equalTo("1500.00"))
                .body("instrument", equalTo(INSTRUMENT));
    }

    @Test
    void a_transfer_that_differs_in_quantity_mismatches_the_trade() {
        register(EXCHANGE, "k-d2", trade("D-2", C.value(), A.value(), 50, "1500.00", "2025-07-01T18:00:00Z"))
                .statusCode(201);
        long seq = transfer("10:10:00", C, A, 40, "D-2", "1500.00");
        status("D-2").body("status", equalTo("MISMATCHED"))
                .body("ledgerSeq", equalTo((int) seq))
                .body("mismatches", contains("quantity"));
    }

    @Test
    void a_trade_without_delivery_fails_at_its_deadline_on_the_clock() {
        register(EXCHANGE, "k-d3", trade("D-3", C.value(), B.value(), 10, "1500.00", "2025-07-01T12:00:00Z"))
                .statusCode(201).body("status", equalTo("PENDING_DELIVERY"));
        TestClock.set(at("11:59:59"));
        // Several sweeps run (every 0.2 s in tests) before the deadline passes.
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> "PENDING_DELIVERY".equals(status("D-3").extract().path("status")));
        TestClock.set(at("12:00:01"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "FAILED".equals(status("D-3").extract().path("status")));
        status("D-3").body("statusAt", equalTo("2025-07-01T12:00:00.000Z")).body("ledgerSeq", nullValue());
    }

    @Test
    void a_delivery_after_the_deadline_fails_the_trade() {
        register(EXCHANGE, "k-d5", trade("D-5", C.value(), A.value(), 5, "1500.00", "2025-07-01T10:30:00Z"))
                .statusCode(201);
        long seq = transfer("11:30:00", C, A, 5, "D-5", "1500.00");
        status("D-5").body("status", equalTo("FAILED")).body("ledgerSeq", equalTo((int) seq));
    }

    @Test
    void a_trade_registered_after_its_transfer_settles_at_once() {
        long seq = transfer("11:00:00", C, B, 25, "D-4", "1600.00");
        register(EXCHANGE, "k-d4", trade("D-4", C.value(), B.value(), 25, "1600.00", "2025-07-01T18:00:00Z"))
                .statusCode(201)
                .body("status", equalTo("SETTLED"))
                .body("ledgerSeq", equalTo((int) seq));
    }

    @Test
    void the_statement_nets_what_each_participant_pays_and_receives_and_who_pays_whom() {
        String venue = "STMX";
        String token = TestTokens.exchange(venue);
        register(token, "k-s1", trade(venue, "S-1", C.value(), A.value(), 100, "1500.00", "2025-07-01T18:00:00Z"))
                .statusCode(201);
        transfer(venue, "13:00:00", C, A, 100, "S-1", "1500.00");
        register(token, "k-s2", trade(venue, "S-2", C.value(), B.value(), 25, "1600.00", "2025-07-01T18:00:00Z"))
                .statusCode(201);
        transfer(venue, "13:01:00", C, B, 25, "S-2", "1600.00");
        register(token, "k-s3", trade(venue, "S-3", A.value(), C.value(), 10, "1500.00", "2025-07-01T18:00:00Z"))
                .statusCode(201);
        transfer(venue, "13:02:00", A, C, 10, "S-3", "1500.00");
        // Mismatched and pending trades owe nothing.
        register(token, "k-s4", trade(venue, "S-4", C.value(), A.value(), 7, "1500.00", "2025-07-01T18:00:00Z"))
                .statusCode(201);
        transfer(venue, "13:03:00", C, A, 6, "S-4", "1500.00");
        register(token, "k-s5", trade(venue, "S-5", C.value(), A.value(), 7, "1500.00", "2025-07-01T18:00:00Z"))
                .statusCode(201);

        given().auth().oauth2(token).when().get("/api/v1/statements/" + venue + "/2025-07-01").then()
                .statusCode(200)
                .body("venue", equalTo(venue))
                .body("date", equalTo("2025-07-01"))
                .body("tradeCount", equalTo(3))
                .body("participants", hasSize(3))
                .body("participants.accountId", contains("JPN01-H00001", "JPN01-H00002", "MNG01-H00001"))
                .body("participants.currency", contains("JPY", "JPY", "JPY"))
                .body("participants.boughtTonnes", contains(100, 25, 10))
                .body("participants.soldTonnes", contains(10, 0, 125))
                .body("participants.pays", contains("150000.00", "40000.00", "15000.00"))
                .body("participants.receives", contains("15000.00", "0", "190000.00"))
                .body("participants.net", contains("-135000.00", "-40000.00", "175000.00"))
                .body("obligations", hasSize(2))
                .body("obligations[0].payerAccountId", equalTo("JPN01-H00001"))
                .body("obligations[0].payeeAccountId", equalTo("MNG01-H00001"))
                .body("obligations[0].amount", equalTo("135000.00"))
                .body("obligations[1].payerAccountId", equalTo("JPN01-H00002"))
                .body("obligations[1].payeeAccountId", equalTo("MNG01-H00001"))
                .body("obligations[1].amount", equalTo("40000.00"))
                .body("obligations[1].currency", equalTo("JPY"));
        given().auth().oauth2(token).when().get("/api/v1/statements/" + venue + "/2025-07-02").then()
                .statusCode(200).body("tradeCount", equalTo(0)).body("participants", hasSize(0));
        String csv = given().auth().oauth2(token).accept("text/csv")
                .when().get("/api/v1/statements/" + venue + "/2025-07-01").then()
                .statusCode(200).contentType("text/csv").extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv).startsWith(
                "venue,date,accountId,currency,boughtTonnes,soldTonnes,pays,receives,net\r\n"
                + "STMX,2025-07-01,JPN01-H00001,JPY,100,10,150000.00,15000.00,-135000.00\r\n");
    }

    @Test
    void only_the_venues_exchange_sees_its_trades() {
        register(EXCHANGE, "k-d6", trade("D-6", C.value(), A.value(), 1, "1500.00", "2025-07-01T18:00:00Z"))
                .statusCode(201);
        given().auth().oauth2(TestTokens.exchange("OTHER")).when().get("/api/v1/trades/DVPX/D-6").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().when().get("/api/v1/trades/DVPX/D-6").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/trades/DVPX/D-6").then().statusCode(200);
        given().auth().oauth2(EXCHANGE).when().get("/api/v1/trades/DVPX/NOPE").then()
                .statusCode(404).body("code", equalTo("unknown_trade"));
    }

    @Test
    void an_exchange_registers_trades_only_for_its_own_venue() {
        register(TestTokens.exchange("OTHER"), "k-x1", trade("X-1", C.value(), A.value(), 1, "1.00",
                "2025-07-01T18:00:00Z")).statusCode(403).body("code", equalTo("forbidden"));
        register(TestTokens.operator(), "k-x2", trade("X-2", C.value(), A.value(), 1, "1.00",
                "2025-07-01T18:00:00Z")).statusCode(403);
        given().header("Idempotency-Key", "k-x3").contentType(ContentType.JSON)
                .body(trade("X-3", C.value(), A.value(), 1, "1.00", "2025-07-01T18:00:00Z"))
                .when().post("/api/v1/trades").then().statusCode(401);
    }

    @Test
    void statements_are_private_to_the_venue() {
        given().auth().oauth2(TestTokens.exchange("OTHER")).when().get("/api/v1/statements/DVPX/2025-07-01").then()
                .statusCode(403).body("code", equalTo("forbidden"));
        given().when().get("/api/v1/statements/DVPX/2025-07-01").then().statusCode(401);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_and_body_returns_the_first_answer() {
        Map<String, Object> body = trade("D-7", C.value(), A.value(), 3, "1500.00", "2025-07-01T18:00:00Z");
        String first = register(EXCHANGE, "k-d7", body).statusCode(201).extract().asString();
        String again = register(EXCHANGE, "k-d7", body).statusCode(201).extract().asString();
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put("quantity", 4);
        register(EXCHANGE, "k-d7", changed).statusCode(409).body("code", equalTo("idempotency_key_reused"));
        register(EXCHANGE, "k-d7-other", body).statusCode(409).body("code", equalTo("trade_already_registered"));
    }

    @Test
    void concurrent_registrations_of_one_trade_register_it_once() throws Exception {
        Map<String, Object> body = trade("D-9", C.value(), A.value(), 2, "1500.10", "2025-07-01T18:00:00Z");
        Map<String, Object> other = trade("D-10", C.value(), A.value(), 2, "1500.10", "2025-07-01T18:00:00Z");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            // Different keys: one registration wins, the others find the trade registered.
            List<Future<ExtractableResponse<Response>>> differentKeys = new ArrayList<>();
            // One key: the first registration's answer, to every retry.
            List<Future<ExtractableResponse<Response>>> sameKey = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "k-d9-" + i;
                differentKeys.add(threads.submit(() -> register(EXCHANGE, key, body).extract()));
                sameKey.add(threads.submit(() -> register(EXCHANGE, "k-d10", other).extract()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> f : differentKeys) {
                ExtractableResponse<Response> answer = f.get(60, TimeUnit.SECONDS);
                statuses.add(answer.statusCode());
                if (answer.statusCode() == 409) {
                    org.assertj.core.api.Assertions.assertThat(answer.<String>path("code")).isEqualTo("trade_already_registered");
                }
            }
            org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(201, 409)
                    .filteredOn(s -> s == 201).hasSize(1);
            Set<String> bodies = new HashSet<>();
            for (Future<ExtractableResponse<Response>> f : sameKey) {
                ExtractableResponse<Response> answer = f.get(60, TimeUnit.SECONDS);
                org.assertj.core.api.Assertions.assertThat(answer.statusCode()).isEqualTo(201);
                bodies.add(answer.asString());
            }
            org.assertj.core.api.Assertions.assertThat(bodies).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        status("D-9").body("status", equalTo("PENDING_DELIVERY")).body("pricePerTonne", equalTo("1500.10"))
                .body("quantity", equalTo(2));
    }

    @Test
    void malformed_registrations_are_problems_naming_the_field() {
        given().auth().oauth2(EXCHANGE).contentType(ContentType.JSON)
                .body(trade("D-8", C.value(), A.value(), 3, "1500.00", "2025-07-01T18:00:00Z"))
                .when().post("/api/v1/trades").then()
                .statusCode(400).body("code", equalTo("idempotency_key_required"));
        register(EXCHANGE, "k-d8", trade("D-8", C.value(), A.value(), 3, "1.5e3", "2025-07-01T18:00:00Z"))
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_field"));
        Map<String, Object> unknown = trade("D-8", C.value(), A.value(), 3, "1500.00", "2025-07-01T18:00:00Z");
        unknown.put("side", "BUY");
        register(EXCHANGE, "k-d8", unknown).statusCode(400).body("code", equalTo("unknown_field"))
                .body("errors[0].field", equalTo("side"));
        Map<String, Object> badInstrument = trade("D-8", C.value(), A.value(), 3, "1500.00", "2025-07-01T18:00:00Z");
        badInstrument.put("instrument", "MNG-2033");
        register(EXCHANGE, "k-d8", badInstrument).statusCode(400).body("code", equalTo("invalid_field"));
    }
}
