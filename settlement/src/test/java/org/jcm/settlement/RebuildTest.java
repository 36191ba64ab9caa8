package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;
import static org.jcm.settlement.testing.TestLedger.trade;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A rebuild from sequence 1 reproduces every feed and trade status exactly, including a trade
 * registered after its delivery. Owns vintage 2037.
 */
@QuarkusTest
class RebuildTest {

    @Test
    void a_rebuild_reproduces_identical_feeds_and_trade_statuses() {
        TestLedger ledger = TestLedger.get();
        Instant day = Instant.parse("2025-09-01T09:00:00Z");
        ledger.issue(day, 2037, C, 300);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", "R-1");
        body.put("venue", "RBX");
        body.put("sellerAccountId", C.value());
        body.put("buyerAccountId", B.value());
        body.put("instrument", "JCM-MNG-2037-NONE");
        body.put("quantity", 40);
        body.put("pricePerTonne", "321.10");
        body.put("currency", "EUR");
        body.put("deliverBy", "2099-12-31T00:00:00Z");
        given().auth().oauth2(TestTokens.exchange("RBX")).header("Idempotency-Key", "rb-1").contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/trades").then().statusCode(201);
        ledger.transfer(day.plusSeconds(60), C, B, 40, 2037, trade("RBX", "R-1", "321.10", "EUR"));
        ledger.transfer(day.plusSeconds(3700), C, B, 15, 2037, trade("RBX", "R-2", "330", "EUR"));
        Await.caughtUp();
        // R-2 is registered after its delivery was applied: it settles at once and joins the feeds.
        Map<String, Object> late = new LinkedHashMap<>(body);
        late.put("tradeId", "R-2");
        late.put("quantity", 15);
        late.put("pricePerTonne", "330");
        given().auth().oauth2(TestTokens.exchange("RBX")).header("Idempotency-Key", "rb-2").contentType(ContentType.JSON)
                .body(late).when().post("/api/v1/trades").then().statusCode(201).body("status", equalTo("SETTLED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> allTrades().contains("\"tradeId\":\"R-2\""));

        Map<String, String> before = snapshot();
        long generation = given().when().get("/api/v1/status").then().extract().jsonPath().getLong("generation");
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/rebuild").then()
                .statusCode(202).body("generation", equalTo((int) generation + 1));
        long head = ledger.head();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath status = given().when().get("/api/v1/status").then().extract().jsonPath();
            return status.getLong("generation") == generation + 1 && status.getLong("lastAppliedSeq") == head
                    && "RUNNING".equals(status.getString("state"));
        });
        Map<String, String> after = snapshot();

        assertThat(after).isEqualTo(before);
        // The rebuild refilled the accounts: a registration naming them is accepted.
        Map<String, Object> next = new LinkedHashMap<>(body);
        next.put("tradeId", "R-3");
        given().auth().oauth2(TestTokens.exchange("RBX")).header("Idempotency-Key", "rb-3").contentType(ContentType.JSON)
                .body(next).when().post("/api/v1/trades").then().statusCode(201);
        assertThat(before.get("trade RBX/R-1")).contains("\"status\":\"SETTLED\"");
        assertThat(before.get("trades")).contains("\"tradeId\":\"R-2\"");
        assertThat(before.get("trade RBX/R-2")).contains("\"status\":\"SETTLED\"");
    }

    @Test
    void only_the_operator_may_rebuild() {
        given().auth().oauth2(TestTokens.exchange("RBX")).when().post("/api/v1/admin/rebuild").then()
                .statusCode(403).body("code", equalTo("forbidden"));
        given().when().post("/api/v1/admin/rebuild").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    /** Every public feed, in full, plus the registered trade's status, as raw response bodies. */
    private static Map<String, String> snapshot() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("trades", allTrades());
        String instruments = get("/api/v1/instruments");
        bodies.put("instruments", instruments);
        List<String> codes = JsonPath.from(instruments).getList("items.instrument", String.class);
        for (String code : codes) {
            for (String interval : List.of("1m", "1h", "1d")) {
                bodies.put("ohlcv " + code + " " + interval, given().queryParam("instrument", code)
                        .queryParam("interval", interval).when().get("/api/v1/feeds/ohlcv").then().statusCode(200)
                        .extract().asString());
            }
        }
        bodies.put("volumes", get("/api/v1/feeds/volumes"));
        for (String trade : List.of("R-1", "R-2")) {
            bodies.put("trade RBX/" + trade, given().auth().oauth2(TestTokens.exchange("RBX")).when()
                    .get("/api/v1/trades/RBX/" + trade).then().statusCode(200).extract().asString());
        }
        bodies.put("unmatched RBX", given().auth().oauth2(TestTokens.exchange("RBX")).when()
                .get("/api/v1/unmatched-references/RBX").then().statusCode(200).extract().asString());
        return bodies;
    }

    private static String allTrades() {
        List<String> pages = new ArrayList<>();
        String after = "";
        while (after != null) {
            String page = given().queryParam("after", after).when().get("/api/v1/feeds/trades").then().statusCode(200)
                    .extract().asString();
            pages.add(page);
            after = JsonPath.from(page).getString("next");
        }
        return String.join("\n", pages);
    }

    private static String get(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }
}
