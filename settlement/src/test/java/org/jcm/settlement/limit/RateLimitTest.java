package org.jcm.settlement.limit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jcm.settlement.testing.Await;
import org.jcm.testsupport.Management;
import org.jcm.testsupport.TestTicker;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limit on trade registrations per venue through the real API: a venue spends its burst,
 * is refused with 429 {@code rate_limited} and {@code Retry-After} and nothing is registered, and
 * may register again once the clock has moved on. The clock is moved by the test, never slept on.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    /** One registration per second, bursts of two. */
    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jcm.rate-limit.rate", "1", "jcm.rate-limit.burst", "2");
        }
    }

    @BeforeEach
    void freeze() {
        // The registrations name the test ledger's accounts, which settlement must have read.
        Await.caughtUp();
        TestTicker.freeze();
    }

    @AfterEach
    void reset() {
        TestTicker.reset();
    }

    private static Response register(String venue, String tradeId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", tradeId);
        body.put("venue", venue);
        body.put("sellerAccountId", "MNG01-H00001");
        body.put("buyerAccountId", "JPN01-H00001");
        body.put("instrument", "JCM-MNG-2031-NONE");
        body.put("quantity", 10);
        body.put("pricePerTonne", "1500.00");
        body.put("currency", "JPY");
        body.put("deliverBy", "2099-12-31T00:00:00Z");
        return given().auth().oauth2(TestTokens.exchange(venue)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/trades");
    }

    private static int status(String venue, String tradeId) {
        return given().auth().oauth2(TestTokens.exchange(venue)).when().get("/api/v1/trades/" + venue + "/" + tradeId)
                .statusCode();
    }

    @Test
    void a_venue_spends_its_burst_then_is_refused_and_nothing_is_registered() {
        assertThat(register("RLA", "T-1").statusCode()).isEqualTo(201);
        assertThat(register("RLA", "T-2").statusCode()).isEqualTo(201);
        register("RLA", "T-3").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("code", equalTo("rate_limited"));
        assertThat(status("RLA", "T-3")).as("the refused trade was not registered").isEqualTo(404);
        assertThat(register("RLB", "T-1").statusCode()).as("another venue has its own bucket").isEqualTo(201);
        assertThat(Management.given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("jcm_rate_limit_refused_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void the_bucket_refills_as_the_clock_moves() {
        register("RLC", "T-1").then().statusCode(201);
        register("RLC", "T-2").then().statusCode(201);
        register("RLC", "T-3").then().statusCode(429);
        TestTicker.advance(Duration.ofSeconds(1));
        register("RLC", "T-3").then().statusCode(201);
        register("RLC", "T-4").then().statusCode(429);
        assertThat(status("RLC", "T-3")).isEqualTo(200);
    }
}
