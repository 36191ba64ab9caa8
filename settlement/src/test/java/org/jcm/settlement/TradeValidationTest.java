package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CloseAccount;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.settlement.messaging.LedgerConsumer;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.InfrastructureResource;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.TestTokens;
import org.jcm.settlement.testing.TestTrades;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registration must name accounts the ledger opened and has not closed, and a deadline between
 * the service's clock and the delivery window ahead of it; a refusal stores nothing, so the same
 * request under the same Idempotency-Key succeeds once the cause is gone. Venue TVX.
 */
@QuarkusTest
class TradeValidationTest {

    static final String VENUE = "TVX";
    static final String INSTRUMENT = "JCM-MNG-2040-NONE";
    static final Instant NOW = Instant.parse("2025-10-10T09:00:00Z");
    static final Actor ADMIN_JPN01 = Actor.registryAdmin("admin-JPN01", TestLedger.JPN01);

    @Inject
    LedgerConsumer consumer;

    @BeforeEach
    void fixTheClock() {
        Await.caughtUp();
        TestClock.set(NOW);
    }

    @AfterEach
    void resetTheClock() throws Exception {
        TestClock.reset();
        consumer.sweepNow();
    }

    static Map<String, Object> trade(String tradeId, AccountId seller, AccountId buyer, Instant deliverBy) {
        return TestTrades.trade(VENUE, tradeId, seller, buyer, INSTRUMENT, 10, "500.00", "JPY", deliverBy);
    }

    static ValidatableResponse register(String key, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.exchange(VENUE)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/trades").then();
    }

    static void notRegistered(String tradeId) {
        given().auth().oauth2(TestTokens.exchange(VENUE)).when().get("/api/v1/trades/" + VENUE + "/" + tradeId).then()
                .statusCode(404).body("code", equalTo("unknown_trade"));
    }

    /** Opens an account of company A in JPN01 in the test ledger, publishing it or holding it back. */
    static AccountOpened openAccount(boolean publish) {
        OpenAccount command = new OpenAccount(OrganizationId.of(TestLedger.JPN01, 1), "A trading account");
        TestLedger ledger = TestLedger.get();
        return (AccountOpened) (publish ? ledger.apply(NOW, ADMIN_JPN01, command)
                : ledger.applyWithoutPublishing(NOW, ADMIN_JPN01, command)).get(0);
    }

    @Test
    void a_deadline_before_the_clock_is_refused_and_one_at_the_clock_is_accepted() {
        register("tv-1", trade("V-1", C, A, NOW.minusMillis(1))).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("deliver_by_out_of_range"))
                .body("errors[0].field", equalTo("deliverBy"))
                .body("detail", containsString("in the past"));
        notRegistered("V-1");
        register("tv-1b", trade("V-1", C, A, NOW)).statusCode(201).body("status", equalTo("PENDING_DELIVERY"));
    }

    @Test
    void a_deadline_beyond_the_delivery_window_is_refused_and_one_at_its_edge_is_accepted() {
        Instant edge = NOW.plus(Duration.parse(InfrastructureResource.TEST_DELIVERY_WINDOW));
        register("tv-2", trade("V-2", C, A, edge.plusMillis(1))).statusCode(422)
                .body("code", equalTo("deliver_by_out_of_range"))
                .body("errors[0].field", equalTo("deliverBy"));
        Map<String, Object> farAway = trade("V-2", C, A, NOW);
        farAway.put("deliverBy", "+999999999-12-31T23:59:59Z");
        register("tv-2b", farAway).statusCode(422).body("code", equalTo("deliver_by_out_of_range"));
        notRegistered("V-2");
        register("tv-2c", trade("V-2", C, A, edge)).statusCode(201)
                .body("deliverBy", equalTo(edge.toString().replace("Z", ".000Z")));
    }

    @Test
    void accounts_the_ledger_never_opened_are_refused_naming_the_fields() {
        AccountId nobody = AccountId.parse("JPN01-H99999");
        AccountId nobodyElse = AccountId.parse("MNG01-H99999");
        register("tv-3", trade("V-3", nobodyElse, A, NOW.plusSeconds(3600))).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown_account"))
                .body("errors.field", contains("sellerAccountId"))
                .body("detail", containsString("MNG01-H99999"));
        register("tv-3", trade("V-3", nobodyElse, nobody, NOW.plusSeconds(3600))).statusCode(422)
                .body("code", equalTo("unknown_account"))
                .body("errors.field", contains("sellerAccountId", "buyerAccountId"));
        notRegistered("V-3");
    }

    @Test
    void an_account_opened_in_the_registry_but_not_yet_read_is_refused_until_settlement_reads_it() {
        AccountOpened opened = openAccount(false);
        Map<String, Object> body = trade("V-4", C, opened.accountId(), NOW.plusSeconds(3600));
        // Settlement is caught up with the topic, which does not carry the opening yet.
        register("tv-4", body).statusCode(422).body("code", equalTo("unknown_account"))
                .body("errors.field", contains("buyerAccountId"))
                .body("detail", containsString("retry"));
        notRegistered("V-4");
        TestLedger.get().publish(opened.seq());
        Await.applied(opened.seq());
        register("tv-4", body).statusCode(201).body("buyerAccountId", equalTo(opened.accountId().value()));
    }

    @Test
    void while_settlement_is_behind_the_ledger_an_unknown_account_is_a_retryable_503() {
        AccountOpened first = openAccount(false);
        AccountOpened second = openAccount(false);
        TestLedger ledger = TestLedger.get();
        ledger.publish(second.seq());
        await().atMost(Duration.ofSeconds(20)).until(() -> "WAITING_FOR_GAP".equals(
                given().when().get("/api/v1/status").then().extract().path("state")));
        Map<String, Object> body = trade("V-5", C, second.accountId(), NOW.plusSeconds(3600));
        register("tv-5", body).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("code", equalTo("unavailable"))
                .body("errors.field", contains("buyerAccountId"))
                .body("detail", containsString("WAITING_FOR_GAP"));
        notRegistered("V-5");
        ledger.publish(first.seq());
        Await.applied(second.seq());
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(
                given().when().get("/api/v1/status").then().extract().path("state")));
        register("tv-5", body).statusCode(201);
    }

    @Test
    void a_closed_account_is_refused() {
        AccountOpened opened = openAccount(true);
        TestLedger.get().apply(NOW, ADMIN_JPN01, new CloseAccount(opened.accountId(), Optional.of("no longer used")));
        Await.caughtUp();
        register("tv-6", trade("V-6", C, opened.accountId(), NOW.plusSeconds(3600))).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("account_closed"))
                .body("errors.field", contains("buyerAccountId"));
        notRegistered("V-6");
    }
}
