package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.C;
import static org.jcm.settlement.testing.TestLedger.trade;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestTrades;
import org.junit.jupiter.api.Test;

/**
 * Redelivered entries change nothing, and an entry that arrives before its predecessor is not
 * applied until the predecessor has been. Owns vintages 2034 and 2036 and the days 2025-08-01 and 2025-08-02.
 */
@QuarkusTest
class ExactlyOnceTest {

    static Instant at(String time) {
        return Instant.parse("2025-08-01T" + time + "Z");
    }

    static Instant nextDay(String time) {
        return Instant.parse("2025-08-02T" + time + "Z");
    }

    /** EOX registers a trade of C selling to A, to be delivered by the end of the day of {@code on}. */
    static void register(Instant on, String tradeId, String instrument, long quantity, String price) {
        TestTrades.registerOn(on, TestTrades.trade("EOX", tradeId, C, A, instrument, quantity, price, "USD",
                on.plus(Duration.ofHours(12))));
    }

    @Test
    void redelivered_entries_change_nothing() {
        TestLedger ledger = TestLedger.get();
        ledger.issue(at("09:00:00"), 2034, C, 500);
        register(at("09:00:00"), "E-1", "JCM-MNG-2034-NONE", 100, "100.00");
        register(at("09:00:00"), "E-2", "JCM-MNG-2034-NONE", 10, "110.00");
        ledger.transfer(at("10:00:00"), C, A, 100, 2034, trade("EOX", "E-1", "100.00", "USD"));
        Await.caughtUp();
        long head = ledger.head();

        // The registry's publisher starts over from an earlier seq after a restart: every entry again.
        for (long seq = 1; seq <= head; seq++) {
            ledger.publish(seq);
        }
        LedgerEvent marker = ledger.transfer(at("10:05:00"), C, A, 10, 2034, trade("EOX", "E-2", "110.00", "USD")).get(0);
        Await.applied(marker.seq());

        given().queryParam("instrument", "JCM-MNG-2034-NONE").when().get("/api/v1/feeds/trades").then()
                .statusCode(200).body("items.tradeId", contains("E-1", "E-2"));
        given().queryParam("instrument", "JCM-MNG-2034-NONE").queryParam("interval", "1d")
                .when().get("/api/v1/feeds/ohlcv").then().statusCode(200)
                .body("items[0].volume", equalTo(110))
                .body("items[0].tradeCount", equalTo(2))
                .body("items[0].vwap", equalTo("100.9091"));
        given().queryParam("party", "MNG").queryParam("from", "2025-08-01").queryParam("to", "2025-08-02")
                .when().get("/api/v1/feeds/volumes").then().statusCode(200)
                .body("items[0].issued", equalTo(500))
                .body("items[0].transferred", equalTo(110));
        given().when().get("/api/v1/status").then().body("lastAppliedSeq", equalTo((int) marker.seq()));
    }

    @Test
    void an_entry_ahead_of_the_sequence_waits_for_the_missing_one_and_then_both_apply_in_order() {
        TestLedger ledger = TestLedger.get();
        ledger.issue(nextDay("11:00:00"), 2036, C, 100);
        register(nextDay("11:00:00"), "G-1", "JCM-MNG-2036-NONE", 10, "50.00");
        register(nextDay("11:00:00"), "G-2", "JCM-MNG-2036-NONE", 20, "60.00");
        Await.caughtUp();
        long before = ledger.head();
        ledger.applyWithoutPublishing(nextDay("11:10:00"), ledger.holderOf(C),
                TestLedger.transfer(C, A, 10, 2036, Optional.empty(), trade("EOX", "G-1", "50.00", "USD")));
        ledger.applyWithoutPublishing(nextDay("11:11:00"), ledger.holderOf(C),
                TestLedger.transfer(C, A, 20, 2036, Optional.empty(), trade("EOX", "G-2", "60.00", "USD")));

        ledger.publish(before + 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> "WAITING_FOR_GAP".equals(
                given().when().get("/api/v1/status").then().extract().path("state")));
        given().when().get("/api/v1/status").then()
                .body("lastAppliedSeq", equalTo((int) before))
                .body("waitingForSeq", equalTo((int) before + 1));
        given().queryParam("instrument", "JCM-MNG-2036-NONE").when().get("/api/v1/feeds/trades").then()
                .statusCode(200).body("items.size()", equalTo(0));

        ledger.publish(before + 1);
        Await.applied(before + 2);
        ledger.publish(before + 2);
        given().queryParam("instrument", "JCM-MNG-2036-NONE").when().get("/api/v1/feeds/trades").then()
                .statusCode(200).body("items.tradeId", contains("G-1", "G-2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(
                given().when().get("/api/v1/status").then().extract().path("state")));
        given().queryParam("instrument", "JCM-MNG-2036-NONE").queryParam("interval", "1d")
                .when().get("/api/v1/feeds/ohlcv").then().statusCode(200)
                .body("items[0].open", equalTo("50.00"))
                .body("items[0].close", equalTo("60.00"))
                .body("items[0].volume", equalTo(30));
    }
}
