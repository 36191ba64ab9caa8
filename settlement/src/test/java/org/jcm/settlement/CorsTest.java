package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The registry's explorer page (another origin, docs/explorer.md) may read the public feeds from a
 * browser: GET from the configured origin carries the CORS headers; other origins and writes do not.
 */
@QuarkusTest
class CorsTest {

    static final String REGISTRY = "http://localhost:8080";

    @Test
    void the_registrys_origin_reads_the_instruments_and_the_ohlcv_feed() {
        given().header("Origin", REGISTRY).when().get("/api/v1/instruments").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(REGISTRY))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        given().header("Origin", REGISTRY).queryParam("instrument", "JCM-MNG-2024-NONE").queryParam("interval", "1d")
                .when().get("/api/v1/feeds/ohlcv").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(REGISTRY));
        given().header("Origin", REGISTRY).header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/feeds/ohlcv").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(REGISTRY))
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void other_origins_and_writes_are_not_allowed() {
        given().header("Origin", "http://elsewhere.example").when().get("/api/v1/instruments").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", REGISTRY).header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/trades").then()
                .header("Access-Control-Allow-Methods", not(containsString("POST")));
    }
}
