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
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jcm.ledger.id.AccountId;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.TestTokens;
import org.jcm.settlement.testing.TestTrades;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nobody sets a venue's price but the venue: the trade feed, bars, VWAP and last prices hold only
 * trades the venue registered and its seller delivered, at the registered price. Each test has a
 * venue and a currency of its own (bars and last prices are per currency). Owns vintage 2039 and
 * the day 2025-09-04.
 */
@QuarkusTest
class VenuePricesTest {

    static final String INSTRUMENT = "JCM-MNG-2039-NONE";
    private static boolean issued;

    @BeforeEach
    void issueToTheSellerAndToAStranger() {
        synchronized (VenuePricesTest.class) {
            if (!issued) {
                TestLedger.get().issue(at("08:00:00"), 2039, C, 1000);
                TestLedger.get().issue(at("08:00:00"), 2039, B, 100);
                issued = true;
            }
        }
        Await.caughtUp();
    }

    static Instant at(String time) {
        return Instant.parse("2025-09-04T" + time + "Z");
    }

    static ValidatableResponse register(String venue, String tradeId, long quantity, String price, String currency,
                                        String deliverBy) {
        return TestTrades.registerOn(at("09:00:00"), TestTrades.trade(venue, tradeId, C, A, INSTRUMENT, quantity, price,
                currency, at(deliverBy)));
    }

    static long transfer(String venue, String time, AccountId from, long quantity, String tradeId, String price,
                         String currency) {
        long seq = TestLedger.get().transfer(at(time), from, A, quantity, 2039,
                TestLedger.trade(venue, tradeId, price, currency)).get(0).seq();
        Await.applied(seq);
        return seq;
    }

    static ValidatableResponse tradeFeed() {
        return given().queryParam("instrument", INSTRUMENT).when().get("/api/v1/feeds/trades").then().statusCode(200);
    }

    static ValidatableResponse bars(String currency, String interval) {
        return given().queryParam("instrument", INSTRUMENT).queryParam("currency", currency)
                .queryParam("interval", interval).when().get("/api/v1/feeds/ohlcv").then().statusCode(200);
    }

    static List<Object> lastPrices(String currency) {
        return given().when().get("/api/v1/instruments").then().statusCode(200).extract().jsonPath()
                .getList("items.find { it.instrument == '" + INSTRUMENT + "' }.lastPrices.findAll { it.currency == '"
                        + currency + "' }.pricePerTonne");
    }

    @Test
    void a_holders_priced_transfers_naming_a_venue_put_no_price_under_its_name_and_its_seller_delivers_at_the_registered_price() {
        String venue = "VPA";
        // No trade P-1 is registered: a holder names the venue with a price of its choosing.
        transfer(venue, "10:00:00", B, 1, "P-1", "99999.00", "CHF");
        register(venue, "P-2", 40, "650.00", "CHF", "18:00:00").body("status", equalTo("PENDING_DELIVERY"));
        // A stranger names the registered trade P-2, again with its own price.
        transfer(venue, "10:01:00", B, 1, "P-2", "88888.00", "CHF");
        tradeFeed().body("items.findAll { it.venue == 'VPA' }", empty());
        bars("CHF", "1d").body("items", empty());
        org.assertj.core.api.Assertions.assertThat(lastPrices("CHF")).isEmpty();

        // The seller delivers; the transfer's own price is not the venue's.
        long delivery = transfer(venue, "10:02:30", C, 40, "P-2", "1.00", "CHF");
        tradeFeed().body("items.findAll { it.venue == 'VPA' }.tradeId", contains("P-2"))
                .body("items.findAll { it.venue == 'VPA' }.seq", contains((int) delivery))
                .body("items.findAll { it.venue == 'VPA' }.cursor", contains(delivery + "-1"))
                .body("items.findAll { it.venue == 'VPA' }.pricePerTonne", contains("650.00"))
                .body("items.findAll { it.venue == 'VPA' }.quantity", contains(40))
                .body("items.findAll { it.venue == 'VPA' }.at", contains("2025-09-04T10:02:30.000Z"));
        bars("CHF", "1d").body("items", hasSize(1))
                .body("items[0].open", equalTo("650.00"))
                .body("items[0].high", equalTo("650.00"))
                .body("items[0].low", equalTo("650.00"))
                .body("items[0].close", equalTo("650.00"))
                .body("items[0].vwap", equalTo("650.0000"))
                .body("items[0].volume", equalTo(40))
                .body("items[0].tradeCount", equalTo(1));
        bars("CHF", "1m").body("items.start", contains("2025-09-04T10:02:00.000Z"));
        org.assertj.core.api.Assertions.assertThat(lastPrices("CHF")).containsExactly("650.00");
        given().auth().oauth2(TestTokens.exchange(venue)).when().get("/api/v1/unmatched-references/" + venue).then()
                .statusCode(200).body("items.tradeId", contains("P-1", "P-2"))
                .body("items.pricePerTonne", contains("99999.00", "88888.00"));
    }

    @Test
    void mismatched_and_failed_trades_put_no_price_in_the_feeds() {
        String venue = "VPB";
        register(venue, "P-3", 10, "640.00", "GBP", "18:00:00");
        transfer(venue, "11:00:00", C, 9, "P-3", "640.00", "GBP");
        register(venue, "P-4", 10, "640.00", "GBP", "10:00:00");
        transfer(venue, "11:01:00", C, 10, "P-4", "640.00", "GBP");
        given().auth().oauth2(TestTokens.exchange(venue)).when().get("/api/v1/trades/" + venue + "/P-3").then()
                .statusCode(200).body("status", equalTo("MISMATCHED"));
        given().auth().oauth2(TestTokens.exchange(venue)).when().get("/api/v1/trades/" + venue + "/P-4").then()
                .statusCode(200).body("status", equalTo("FAILED"));
        tradeFeed().body("items.findAll { it.venue == 'VPB' }", empty());
        bars("GBP", "1d").body("items", empty());
        org.assertj.core.api.Assertions.assertThat(lastPrices("GBP")).isEmpty();
    }

    @Test
    void a_trade_registered_after_its_delivery_enters_the_feeds_at_the_registered_price() {
        String venue = "VPC";
        long delivery = transfer(venue, "12:00:00", C, 7, "P-5", "5.00", "AUD");
        tradeFeed().body("items.findAll { it.venue == 'VPC' }", empty());
        register(venue, "P-5", 7, "610.00", "AUD", "18:00:00").body("status", equalTo("SETTLED"))
                .body("ledgerSeq", equalTo((int) delivery))
                .body("unmatchedReferenceCount", equalTo(0));
        // The consumer puts it into the feeds on its next turn.
        await().atMost(Duration.ofSeconds(30)).until(() -> !lastPrices("AUD").isEmpty());
        tradeFeed().body("items.findAll { it.venue == 'VPC' }.seq", contains((int) delivery))
                .body("items.findAll { it.venue == 'VPC' }.pricePerTonne", contains("610.00"));
        bars("AUD", "1m").body("items", hasSize(1))
                .body("items[0].start", equalTo("2025-09-04T12:00:00.000Z"))
                .body("items[0].close", equalTo("610.00"))
                .body("items[0].volume", equalTo(7));
        org.assertj.core.api.Assertions.assertThat(lastPrices("AUD")).containsExactly("610.00");
        given().queryParam("instrument", INSTRUMENT).queryParam("after", delivery + "-1").when()
                .get("/api/v1/feeds/trades").then().statusCode(200)
                .body("items.findAll { it.venue == 'VPC' }", empty()).body("next", nullValue());
    }
}
