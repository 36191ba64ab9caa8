package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;
import static org.jcm.settlement.testing.TestLedger.trade;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Optional;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.id.AccountId;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.TestTokens;
import org.jcm.settlement.testing.TestTrades;
import org.jcm.settlement.trade.Instrument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Known trades at known prices and times give exactly the expected trades, OHLCV bars, VWAP,
 * volumes and last prices. Every priced transfer here delivers a trade its venue registered first,
 * at the registered price: only settled trades reach the feeds ({@link VenuePricesTest} shows what
 * does not). This class owns vintages 2031 and 2032 and the day 2025-06-02.
 */
@QuarkusTest
class FeedsTest {

    static final String NONE_2031 = "JCM-MNG-2031-NONE";
    static final Instant DEADLINE = at("18:00:00");
    private static boolean published;

    @BeforeEach
    void publishTheDay() {
        synchronized (FeedsTest.class) {
            if (!published) {
                // The exchanges register on the trading day (the service refuses deadlines in its past).
                TestClock.during(at("09:00:00"), () -> {
                    publish();
                    return null;
                });
                published = true;
            }
        }
        Await.caughtUp();
    }

    private static void publish() {
        TestLedger ledger = TestLedger.get();
        ledger.issue(at("09:00:00"), 2031, C, 1000);
        deliver("JPX", "F-1", C, A, 100, NONE_2031, "1000.00", "JPY", at("10:00:05"), null);
        deliver("JPX", "F-2", C, A, 50, NONE_2031, "1010.50", "JPY", at("10:00:40"), null);
        deliver("JPX", "F-3", C, B, 30, NONE_2031, "990.25", "JPY", at("10:01:10"), null);
        deliver("TOCOM", "F-4", A, B, 20, NONE_2031, "1005", "JPY", at("11:15:00"), null);
        ledger.transfer(at("11:30:00"), C, A, 10, 2031, null);
        ledger.retire(at("12:00:00"), A, 5, 2031);
        ledger.cancel(at("12:30:00"), B, 7, 2031);
        // Vintage 2032: 150 authorized units then 50 plain ones. F-5 delivers 100 authorized units;
        // F-6 moves the other 50 authorized and 20 plain ones in one transfer, which delivers no
        // one-instrument trade.
        String authorized = ledger.issue(at("13:00:00"), 2032, C, 150);
        ledger.authorize(at("13:01:00"), "MNG-AUTH-FEEDS-1", authorized);
        ledger.issue(at("13:02:00"), 2032, C, 50);
        deliver("JPX", "F-5", C, A, 100, "JCM-MNG-2032-AUTHORIZED", "2000.00", "USD", at("13:05:00"), Label.AUTHORIZED);
        deliver("JPX", "F-6", C, A, 70, "JCM-MNG-2032-AUTHORIZED", "2100.00", "USD", at("13:06:00"), null);
        Await.caughtUp();
    }

    /** The venue registers the trade, then the seller's transfer names it (at the registered price). */
    private static void deliver(String venue, String tradeId, AccountId seller, AccountId buyer, long quantity,
                                String instrument, String price, String currency, Instant at, Label label) {
        TestTrades.register(TestTrades.trade(venue, tradeId, seller, buyer, instrument, quantity, price, currency,
                DEADLINE)).statusCode(201);
        TestLedger ledger = TestLedger.get();
        ledger.apply(at, ledger.holderOf(seller), TestLedger.transfer(seller, buyer, quantity,
                Instrument.parse(instrument).vintage().year(), Optional.ofNullable(label),
                trade(venue, tradeId, price, currency)));
    }

    static Instant at(String time) {
        return Instant.parse("2025-06-02T" + time + "Z");
    }

    @Test
    void one_minute_bars_hold_open_high_low_close_vwap_volume_and_count_per_utc_minute() {
        ohlcv("1m").body("items", hasSize(3))
                .body("items[0].start", equalTo("2025-06-02T10:00:00.000Z"))
                .body("items[0].end", equalTo("2025-06-02T10:01:00.000Z"))
                .body("items[0].open", equalTo("1000.00"))
                .body("items[0].high", equalTo("1010.50"))
                .body("items[0].low", equalTo("1000.00"))
                .body("items[0].close", equalTo("1010.50"))
                .body("items[0].vwap", equalTo("1003.5000"))
                .body("items[0].volume", equalTo(150))
                .body("items[0].tradeCount", equalTo(2))
                .body("items[1].start", equalTo("2025-06-02T10:01:00.000Z"))
                .body("items[1].open", equalTo("990.25"))
                .body("items[1].vwap", equalTo("990.2500"))
                .body("items[1].volume", equalTo(30))
                .body("items[2].start", equalTo("2025-06-02T11:15:00.000Z"))
                .body("items[2].close", equalTo("1005"))
                .body("items[2].vwap", equalTo("1005.0000"));
    }

    @Test
    void hourly_bars_round_vwap_half_even_to_four_places() {
        ohlcv("1h").body("items", hasSize(2))
                .body("items[0].start", equalTo("2025-06-02T10:00:00.000Z"))
                .body("items[0].open", equalTo("1000.00"))
                .body("items[0].high", equalTo("1010.50"))
                .body("items[0].low", equalTo("990.25"))
                .body("items[0].close", equalTo("990.25"))
                // 180232.50 / 180 = 1001.291666...
                .body("items[0].vwap", equalTo("1001.2917"))
                .body("items[0].volume", equalTo(180))
                .body("items[0].tradeCount", equalTo(3))
                .body("items[1].start", equalTo("2025-06-02T11:00:00.000Z"))
                .body("items[1].volume", equalTo(20));
    }

    @Test
    void the_daily_bar_spans_the_utc_day() {
        ohlcv("1d").body("items", hasSize(1))
                .body("items[0].start", equalTo("2025-06-02T00:00:00.000Z"))
                .body("items[0].end", equalTo("2025-06-03T00:00:00.000Z"))
                .body("items[0].open", equalTo("1000.00"))
                .body("items[0].high", equalTo("1010.50"))
                .body("items[0].low", equalTo("990.25"))
                .body("items[0].close", equalTo("1005"))
                .body("items[0].vwap", equalTo("1001.6625"))
                .body("items[0].volume", equalTo(200))
                .body("items[0].tradeCount", equalTo(4))
                .body("next", nullValue());
    }

    @Test
    void bars_are_served_as_csv() {
        String csv = given().accept("text/csv")
                .queryParam("instrument", NONE_2031).queryParam("currency", "JPY").queryParam("interval", "1h")
                .when().get("/api/v1/feeds/ohlcv").then()
                .statusCode(200).contentType("text/csv").extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv).isEqualTo(
                "instrument,currency,interval,start,end,open,high,low,close,vwap,volume,tradeCount\r\n"
                + "JCM-MNG-2031-NONE,JPY,1h,2025-06-02T10:00:00.000Z,2025-06-02T11:00:00.000Z,1000.00,1010.50,990.25,"
                + "990.25,1001.2917,180,3\r\n"
                + "JCM-MNG-2031-NONE,JPY,1h,2025-06-02T11:00:00.000Z,2025-06-02T12:00:00.000Z,1005,1005,1005,1005,"
                + "1005.0000,20,1\r\n");
    }

    @Test
    void bars_can_be_limited_to_a_time_range_and_paged() {
        given().queryParam("instrument", NONE_2031).queryParam("interval", "1m")
                .queryParam("from", "2025-06-02T10:01:00Z").queryParam("to", "2025-06-02T11:15:00Z")
                .when().get("/api/v1/feeds/ohlcv").then().statusCode(200)
                .body("items.start", contains("2025-06-02T10:01:00.000Z"));
        String next = given().queryParam("instrument", NONE_2031).queryParam("interval", "1m").queryParam("limit", 2)
                .when().get("/api/v1/feeds/ohlcv").then().statusCode(200)
                .body("items", hasSize(2)).extract().path("next");
        given().queryParam("instrument", NONE_2031).queryParam("interval", "1m").queryParam("after", next)
                .when().get("/api/v1/feeds/ohlcv").then().statusCode(200)
                .body("items.start", contains("2025-06-02T11:15:00.000Z"));
    }

    @Test
    void bar_and_volume_cursors_are_sealed_for_their_feed_and_query() {
        String next = given().queryParam("instrument", NONE_2031).queryParam("interval", "1m").queryParam("limit", 2)
                .when().get("/api/v1/feeds/ohlcv").then().statusCode(200).extract().path("next");
        org.assertj.core.api.Assertions.assertThat(next).isNotNull().doesNotContain("2025");
        // The position a cursor used to be, written by hand, is no cursor.
        refusedCursor(given().queryParam("instrument", NONE_2031).queryParam("interval", "1m")
                .queryParam("after", "2025-06-02T10:01:00.000Z|JPY").when().get("/api/v1/feeds/ohlcv").then());
        // The same cursor with another query, or for another feed.
        refusedCursor(given().queryParam("instrument", NONE_2031).queryParam("interval", "1h").queryParam("after", next)
                .when().get("/api/v1/feeds/ohlcv").then());
        refusedCursor(given().queryParam("instrument", "JCM-MNG-2032-NONE").queryParam("interval", "1m")
                .queryParam("after", next).when().get("/api/v1/feeds/ohlcv").then());
        refusedCursor(given().queryParam("after", next).when().get("/api/v1/feeds/volumes").then());
        // Altered by one character.
        String altered = next.substring(0, next.length() - 1) + (next.endsWith("A") ? "B" : "A");
        refusedCursor(given().queryParam("instrument", NONE_2031).queryParam("interval", "1m").queryParam("after", altered)
                .when().get("/api/v1/feeds/ohlcv").then());

        String volumes = given().queryParam("limit", 1).when().get("/api/v1/feeds/volumes").then().statusCode(200)
                .extract().path("next");
        org.assertj.core.api.Assertions.assertThat(volumes).isNotNull();
        given().queryParam("after", volumes).when().get("/api/v1/feeds/volumes").then().statusCode(200);
        refusedCursor(given().queryParam("party", "MNG").queryParam("after", volumes).when().get("/api/v1/feeds/volumes").then());
    }

    private static void refusedCursor(ValidatableResponse response) {
        response.statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_parameter"))
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void the_trade_feed_lists_settled_trades_in_ledger_order_and_pages_by_cursor() {
        ValidatableResponse all = given().queryParam("instrument", NONE_2031).when().get("/api/v1/feeds/trades").then()
                .statusCode(200)
                .body("items", hasSize(4))
                .body("items.tradeId", contains("F-1", "F-2", "F-3", "F-4"))
                .body("items.pricePerTonne", contains("1000.00", "1010.50", "990.25", "1005"))
                .body("items.quantity", contains(100, 50, 30, 20))
                .body("items[0].at", equalTo("2025-06-02T10:00:05.000Z"))
                .body("items[0].currency", equalTo("JPY"))
                .body("items[0].venue", equalTo("JPX"))
                .body("items[3].venue", equalTo("TOCOM"));
        String second = all.extract().path("items[1].cursor");
        given().queryParam("instrument", NONE_2031).queryParam("after", second).when().get("/api/v1/feeds/trades")
                .then().statusCode(200).body("items.tradeId", contains("F-3", "F-4"));
        given().queryParam("instrument", NONE_2031).queryParam("limit", 3).when().get("/api/v1/feeds/trades")
                .then().statusCode(200).body("items", hasSize(3)).body("next", equalTo(
                        all.extract().path("items[2].cursor")));
    }

    @Test
    void a_transfer_spanning_two_instruments_delivers_no_trade_and_prices_neither() {
        given().auth().oauth2(TestTokens.exchange("JPX")).when().get("/api/v1/trades/JPX/F-6").then()
                .statusCode(200).body("status", equalTo("MISMATCHED")).body("mismatches", contains("instrument"));
        given().queryParam("instrument", "JCM-MNG-2032-AUTHORIZED").when().get("/api/v1/feeds/trades").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].tradeId", equalTo("F-5"))
                .body("items[0].leg", equalTo(1))
                .body("items[0].quantity", equalTo(100))
                .body("items[0].pricePerTonne", equalTo("2000.00"))
                .body("items[0].currency", equalTo("USD"));
        given().queryParam("instrument", "JCM-MNG-2032-NONE").when().get("/api/v1/feeds/trades").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void daily_volumes_count_issued_transferred_retired_and_cancelled_tonnes_per_host_party() {
        given().queryParam("party", "MNG").queryParam("from", "2025-06-02").queryParam("to", "2025-06-03")
                .when().get("/api/v1/feeds/volumes").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].party", equalTo("MNG"))
                .body("items[0].date", equalTo("2025-06-02"))
                .body("items[0].issued", equalTo(1200))
                .body("items[0].transferred", equalTo(380))
                .body("items[0].retired", equalTo(5))
                .body("items[0].cancelled", equalTo(7));
        String csv = given().accept("text/csv").queryParam("party", "MNG").queryParam("from", "2025-06-02")
                .queryParam("to", "2025-06-03").when().get("/api/v1/feeds/volumes").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv).isEqualTo(
                "party,date,issued,transferred,retired,cancelled\r\nMNG,2025-06-02,1200,380,5,7\r\n");
    }

    @Test
    void instruments_carry_their_last_price() {
        given().when().get("/api/v1/instruments").then().statusCode(200)
                .body("items.find { it.instrument == 'JCM-MNG-2031-NONE' }.hostParty", equalTo("MNG"))
                .body("items.find { it.instrument == 'JCM-MNG-2031-NONE' }.vintage", equalTo(2031))
                .body("items.find { it.instrument == 'JCM-MNG-2031-NONE' }.label", equalTo("NONE"))
                .body("items.find { it.instrument == 'JCM-MNG-2031-NONE' }.lastPrice.pricePerTonne", equalTo("1005"))
                .body("items.find { it.instrument == 'JCM-MNG-2031-NONE' }.lastPrice.currency", equalTo("JPY"))
                .body("items.find { it.instrument == 'JCM-MNG-2032-AUTHORIZED' }.lastPrice.pricePerTonne",
                        equalTo("2000.00"))
                .body("items.find { it.instrument == 'JCM-MNG-2032-AUTHORIZED' }.label", equalTo("AUTHORIZED"));
    }

    @Test
    void a_bad_interval_is_a_problem_naming_the_parameter() {
        given().queryParam("instrument", NONE_2031).queryParam("interval", "5m")
                .when().get("/api/v1/feeds/ohlcv").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_parameter"))
                .body("errors[0].field", equalTo("interval"));
    }

    private static ValidatableResponse ohlcv(String interval) {
        return given().queryParam("instrument", NONE_2031).queryParam("currency", "JPY")
                .queryParam("interval", interval)
                .when().get("/api/v1/feeds/ohlcv").then().statusCode(200).contentType("application/json");
    }
}
