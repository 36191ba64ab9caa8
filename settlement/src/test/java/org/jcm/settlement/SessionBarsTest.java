package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestTrades;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Venue SBX has a Tokyo session, 09:00 to 15:00 local time (00:00 to 06:00 UTC; the test profile's
 * {@code jcm.venues."SBX".session}): its trades settled inside a session fall in that session's
 * bar, beside the UTC bars; outside it, and other venues' trades, in none. The service's clock is
 * moved to each trading day to register. Owns vintage 2049, currency HKD and the days 2025-11-06
 * and 2025-11-07.
 */
@QuarkusTest
class SessionBarsTest {

    static final String INSTRUMENT = "JCM-MNG-2049-NONE";

    @AfterEach
    void resetTheClock() {
        TestClock.reset();
    }

    /** Registers a trade on the day of {@code at} and delivers it at {@code at}; returns the delivery's seq. */
    static long trade(String venue, String tradeId, Instant at, long quantity, String price) {
        TestTrades.registerOn(at.minusSeconds(600), TestTrades.trade(venue, tradeId, C, A, INSTRUMENT, quantity, price,
                "HKD", at.plusSeconds(3600)));
        return TestLedger.get().transfer(at, C, A, quantity, 2049, TestLedger.trade(venue, tradeId, price, "HKD"))
                .get(0).seq();
    }

    static ValidatableResponse bars(String query) {
        return given().when().get("/api/v1/feeds/ohlcv?instrument=" + INSTRUMENT + "&currency=HKD" + query).then();
    }

    @Test
    void trades_inside_a_venues_session_make_its_session_bar_beside_the_utc_bars() {
        TestLedger ledger = TestLedger.get();
        ledger.issue(Instant.parse("2025-11-05T00:00:00Z"), 2049, C, 1000);
        trade("SBX", "S-1", Instant.parse("2025-11-06T01:00:00Z"), 10, "100.00");   // 10:00 Tokyo
        trade("SBX", "S-2", Instant.parse("2025-11-06T05:30:00Z"), 5, "120.00");    // 14:30 Tokyo
        trade("SBX", "S-3", Instant.parse("2025-11-06T06:30:00Z"), 7, "90.00");     // 15:30 Tokyo: after the close
        trade("SBY", "S-4", Instant.parse("2025-11-06T02:00:00Z"), 3, "80.00");     // a venue without sessions
        long last = trade("SBX", "S-5", Instant.parse("2025-11-07T00:00:00Z"), 4, "110.00"); // the next open
        Await.applied(last);

        bars("&interval=session&venue=SBX").statusCode(200)
                .body("interval", equalTo("session"))
                .body("items", hasSize(2))
                .body("items.venue", contains("SBX", "SBX"))
                .body("items[0].interval", equalTo("session"))
                .body("items[0].start", equalTo("2025-11-06T00:00:00.000Z"))
                .body("items[0].end", equalTo("2025-11-06T06:00:00.000Z"))
                .body("items[0].open", equalTo("100.00"))
                .body("items[0].high", equalTo("120.00"))
                .body("items[0].close", equalTo("120.00"))
                .body("items[0].volume", equalTo(15))
                .body("items[0].tradeCount", equalTo(2))
                .body("items[1].start", equalTo("2025-11-07T00:00:00.000Z"))
                .body("items[1].volume", equalTo(4));
        // The UTC day bar holds every venue's settled trades of the day, and names no venue.
        bars("&interval=1d&from=2025-11-06T00:00:00Z&to=2025-11-07T00:00:00Z").statusCode(200)
                .body("items", hasSize(1)).body("items[0].volume", equalTo(25)).body("items[0].venue", nullValue());
        given().accept("text/csv").when()
                .get("/api/v1/feeds/ohlcv?instrument=" + INSTRUMENT + "&currency=HKD&interval=session&venue=SBX").then()
                .statusCode(200).body(containsString(INSTRUMENT + ",HKD,session,2025-11-06T00:00:00.000Z"));
        String next = bars("&interval=session&venue=SBX&limit=1").statusCode(200).extract().path("next");
        bars("&interval=session&venue=SBX&limit=1&after=" + next).statusCode(200)
                .body("items[0].start", equalTo("2025-11-07T00:00:00.000Z"));
    }

    @Test
    void session_bars_need_a_venue_with_sessions_and_only_session_bars_take_a_venue() {
        bars("&interval=session").statusCode(400).body("code", equalTo("invalid_parameter"))
                .body("errors[0].field", equalTo("venue"));
        bars("&interval=session&venue=SBY").statusCode(400).body("errors[0].field", equalTo("venue"));
        bars("&interval=1h&venue=SBX").statusCode(400).body("errors[0].field", equalTo("venue"));
        bars("&interval=1w").statusCode(400).body("errors[0].field", equalTo("interval"));
    }
}
