package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestTrades;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An exchange cancels a trade it registered while the trade is pending and no delivery of it is
 * held in the registry; a delivery the seller made before the cancellation still settles it, one
 * made after it is an unmatched reference and reaches no feed; a rebuild keeps the cancellation.
 * Each test uses a venue and a currency of its own. Owns vintage 2047 and the day 2025-11-04.
 */
@QuarkusTest
class TradeCancellationTest {

    static final String INSTRUMENT = "JCM-MNG-2047-NONE";
    static final OrganizationId SELLER = OrganizationId.of(TestLedger.MNG01, 1);

    static Instant at(String time) {
        return Instant.parse("2025-11-04T" + time + "Z");
    }

    @AfterEach
    void resetTheClock() {
        TestClock.reset();
    }

    static ValidatableResponse cancel(String venue, String tradeId, String key) {
        return given().auth().oauth2(TestTokens.exchange(venue)).header("Idempotency-Key", key)
                .when().post("/api/v1/trades/" + venue + "/" + tradeId + "/cancel").then();
    }

    static ValidatableResponse status(String venue, String tradeId) {
        return given().auth().oauth2(TestTokens.exchange(venue)).when().get("/api/v1/trades/" + venue + "/" + tradeId)
                .then().statusCode(200);
    }

    static void register(String venue, String tradeId, long quantity, String currency, Instant deliverBy) {
        TestTrades.register(TestTrades.trade(venue, tradeId, C, A, INSTRUMENT, quantity, "2100.00", currency, deliverBy))
                .statusCode(201).body("status", equalTo("PENDING_DELIVERY"));
    }

    /** Everything published is applied and the consumer is at the end of the topic (a cancellation needs both). */
    static void awaitRunning() {
        Await.caughtUp();
        await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(
                given().get("/api/v1/status").then().extract().jsonPath().getString("state")));
    }

    @Test
    void a_cancelled_trade_stays_cancelled_when_the_seller_delivers_afterwards_and_reaches_no_feed_even_after_a_rebuild() {
        TestLedger ledger = TestLedger.get();
        TestClock.set(at("10:00:00"));
        ledger.issue(at("08:00:00"), 2047, C, 200);
        register("CXA", "CA-1", 100, "CHF", at("18:00:00"));
        awaitRunning();

        String first = cancel("CXA", "CA-1", "cxa-cancel-1").statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("statusAt", equalTo("2025-11-04T10:00:00.000Z"))
                .body("ledgerSeq", nullValue())
                .extract().asString();
        // The same key answers the same again; another key finds the trade cancelled.
        assertThat(cancel("CXA", "CA-1", "cxa-cancel-1").statusCode(200).extract().asString()).isEqualTo(first);
        cancel("CXA", "CA-1", "cxa-cancel-2").statusCode(409).body("code", equalTo("trade_not_cancellable"))
                .body("detail", containsString("CANCELLED"));

        long delivered = ledger.transfer(at("11:00:00"), C, A, 100, 2047,
                TestLedger.trade("CXA", "CA-1", "2100.00", "CHF")).get(0).seq();
        Await.applied(delivered);
        status("CXA", "CA-1").body("status", equalTo("CANCELLED")).body("ledgerSeq", nullValue())
                .body("unmatchedReferenceCount", equalTo(1));
        references("CXA", "CA-1").body("items", hasSize(1))
                .body("items[0].seq", equalTo((int) delivered))
                .body("items[0].reason", equalTo("AFTER_CANCELLATION"));
        noFeedIn("CHF");

        long generation = given().get("/api/v1/status").then().extract().jsonPath().getLong("generation");
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/rebuild").then().statusCode(202);
        long head = ledger.head();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath s = given().when().get("/api/v1/status").then().extract().jsonPath();
            return s.getLong("generation") == generation + 1 && s.getLong("lastAppliedSeq") == head
                    && "RUNNING".equals(s.getString("state"));
        });
        status("CXA", "CA-1").body("status", equalTo("CANCELLED"))
                .body("statusAt", equalTo("2025-11-04T10:00:00.000Z"));
        references("CXA", "CA-1").body("items[0].reason", equalTo("AFTER_CANCELLATION"));
        noFeedIn("CHF");
    }

    @Test
    void a_delivery_the_seller_made_before_the_cancellation_settles_the_trade_when_settlement_reads_it() {
        TestLedger ledger = TestLedger.get();
        TestClock.set(at("13:00:00"));
        ledger.issue(at("08:00:00"), 2047, C, 100);
        register("CXB", "CB-1", 40, "SEK", at("18:00:00"));
        awaitRunning();
        // The registry wrote the delivery at 12:00; settlement has not read it when the exchange cancels.
        List<LedgerEvent> delivery = ledger.applyWithoutPublishing(at("12:00:00"), ledger.holderOf(C),
                TestLedger.transfer(C, A, 40, 2047, Optional.empty(), TestLedger.trade("CXB", "CB-1", "2100.00", "SEK")));
        long seq = delivery.get(0).seq();
        cancel("CXB", "CB-1", "cxb-cancel").statusCode(200).body("status", equalTo("CANCELLED"));

        ledger.publish(seq);
        Await.applied(seq);
        status("CXB", "CB-1").body("status", equalTo("SETTLED")).body("ledgerSeq", equalTo((int) seq))
                .body("statusAt", equalTo("2025-11-04T12:00:00.000Z"));
        given().when().get("/api/v1/feeds/ohlcv?instrument=" + INSTRUMENT + "&currency=SEK&interval=1d").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].volume", equalTo(40));
    }

    @Test
    void a_trade_whose_delivery_the_registry_holds_is_cancelled_only_once_the_pending_transfer_ends() {
        TestLedger ledger = TestLedger.get();
        TestClock.set(at("15:00:00"));
        ledger.issue(at("08:00:00"), 2047, C, 100);
        register("CXC", "CC-1", 30, "NOK", at("18:00:00"));
        // The seller's organization needs a second holder's approval: the delivery is held, its units reserved.
        ledger.apply(at("14:00:00"), Actor.registryAdmin("admin-MNG01", TestLedger.MNG01),
                new SetTransferPolicy(SELLER, Optional.empty(), true, Duration.ZERO));
        try {
            List<LedgerEvent> pended = ledger.transfer(at("14:30:00"), C, A, 30, 2047,
                    TestLedger.trade("CXC", "CC-1", "2100.00", "NOK"));
            assertThat(pended).singleElement().isInstanceOf(TransferPended.class);
            String pendingId = ((TransferPended) pended.get(0)).pendingTransferId().value();
            awaitRunning();
            cancel("CXC", "CC-1", "cxc-cancel-1").statusCode(409).body("code", equalTo("trade_delivery_held"))
                    .body("detail", containsString(pendingId));
            status("CXC", "CC-1").body("status", equalTo("PENDING_DELIVERY"));

            List<LedgerEvent> ended = ledger.apply(at("14:45:00"), ledger.holderOf(C),
                    new CancelPendingTransfer(((TransferPended) pended.get(0)).pendingTransferId(), "trade cancelled"));
            assertThat(ended).singleElement().isInstanceOf(PendingTransferCancelled.class);
            awaitRunning();
            cancel("CXC", "CC-1", "cxc-cancel-1").statusCode(200).body("status", equalTo("CANCELLED"));
        } finally {
            ledger.openTransfers(at("16:00:00"), SELLER);
        }
    }

    @Test
    void only_a_pending_trade_of_the_exchanges_own_venue_can_be_cancelled_and_every_refusal_has_its_code() {
        TestLedger ledger = TestLedger.get();
        TestClock.set(at("16:00:00"));
        ledger.issue(at("08:00:00"), 2047, C, 100);
        register("CXD", "CD-SETTLED", 20, "DKK", at("18:00:00"));
        register("CXD", "CD-LATE", 20, "DKK", at("16:30:00"));
        register("CXD", "CD-OPEN", 20, "DKK", at("18:00:00"));
        Await.applied(ledger.transfer(at("16:10:00"), C, A, 20, 2047,
                TestLedger.trade("CXD", "CD-SETTLED", "2100.00", "DKK")).get(0).seq());
        awaitRunning();

        cancel("CXD", "CD-SETTLED", "cxd-1").statusCode(409).body("code", equalTo("trade_not_cancellable"))
                .body("detail", containsString("SETTLED"));
        TestClock.set(at("17:00:00"));
        // Its deadline is behind the clock: it has failed, whether or not the sweep has marked it yet.
        cancel("CXD", "CD-LATE", "cxd-2").statusCode(409).body("code", equalTo("trade_not_cancellable"))
                .body("detail", containsString("FAILED"));
        given().auth().oauth2(TestTokens.exchange("CXD")).header("Accept-Language", "ja").header("Idempotency-Key", "cxd-3")
                .when().post("/api/v1/trades/CXD/CD-LATE/cancel").then().statusCode(409)
                .body("code", equalTo("trade_not_cancellable")).body("title", equalTo("取引を取り消せません"));
        cancel("CXD", "NO-SUCH", "cxd-4").statusCode(404).body("code", equalTo("unknown_trade"));
        // The key of the registration of CD-OPEN ({venue}-{tradeId}) belongs to another request.
        cancel("CXD", "CD-OPEN", "CXD-CD-OPEN").statusCode(409).body("code", equalTo("idempotency_key_reused"));
        given().auth().oauth2(TestTokens.exchange("CXD")).when().post("/api/v1/trades/CXD/CD-OPEN/cancel").then()
                .statusCode(400).body("code", equalTo("idempotency_key_required"));
        given().auth().oauth2(TestTokens.exchange("CXE")).header("Idempotency-Key", "cxe-1")
                .when().post("/api/v1/trades/CXD/CD-OPEN/cancel").then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.operator()).header("Idempotency-Key", "op-1")
                .when().post("/api/v1/trades/CXD/CD-OPEN/cancel").then().statusCode(403).body("code", equalTo("forbidden"));
        status("CXD", "CD-OPEN").body("status", equalTo("PENDING_DELIVERY"));
        cancel("CXD", "CD-OPEN", "cxd-5").statusCode(200).body("status", equalTo("CANCELLED"))
                .body("statusAt", equalTo("2025-11-04T17:00:00.000Z"));
    }

    static ValidatableResponse references(String venue, String tradeId) {
        return given().auth().oauth2(TestTokens.exchange(venue)).when()
                .get("/api/v1/unmatched-references/" + venue + "?tradeId=" + tradeId).then().statusCode(200);
    }

    /** No trade feed item, bar or last price of the instrument in this currency. */
    static void noFeedIn(String currency) {
        given().when().get("/api/v1/feeds/ohlcv?instrument=" + INSTRUMENT + "&currency=" + currency + "&interval=1m")
                .then().statusCode(200).body("items", empty());
        given().when().get("/api/v1/feeds/trades?instrument=" + INSTRUMENT).then().statusCode(200)
                .body("items.findAll { it.currency == '" + currency + "' }", empty());
        given().when().get("/api/v1/instruments").then().statusCode(200)
                .body("items.findAll { it.instrument == '" + INSTRUMENT + "' }.lastPrices.flatten().findAll { it.currency == '"
                        + currency + "' }", empty());
    }
}
