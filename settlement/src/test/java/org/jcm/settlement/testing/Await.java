package org.jcm.settlement.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Waits for the service to have applied the test ledger up to a sequence number. */
public final class Await {

    private Await() {
    }

    /** Waits until {@code /api/v1/status} reports {@code seq} applied. */
    public static void applied(long seq) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> lastApplied() >= seq);
    }

    /** Waits until everything published so far is applied. */
    public static void caughtUp() {
        applied(TestLedger.get().head());
    }

    /** The last applied seq the service reports. */
    public static long lastApplied() {
        return given().when().get("/api/v1/status").then().statusCode(200).extract().jsonPath().getLong("lastAppliedSeq");
    }
}
