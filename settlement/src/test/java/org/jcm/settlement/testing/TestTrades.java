package org.jcm.settlement.testing;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jcm.ledger.id.AccountId;
import org.jcm.testsupport.TestTokens;
import static io.restassured.RestAssured.given;

/** Trade registrations through {@code POST /api/v1/trades}, as the venue's exchange sends them. */
public final class TestTrades {

    private TestTrades() {
    }

    /** The body of a registration. */
    public static Map<String, Object> trade(String venue, String tradeId, AccountId seller, AccountId buyer,
                                            String instrument, long quantity, String price, String currency,
                                            Instant deliverBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", tradeId);
        body.put("venue", venue);
        body.put("sellerAccountId", seller.value());
        body.put("buyerAccountId", buyer.value());
        body.put("instrument", instrument);
        body.put("quantity", quantity);
        body.put("pricePerTonne", price);
        body.put("currency", currency);
        body.put("deliverBy", deliverBy.toString());
        return body;
    }

    /** Registers with the venue's exchange token and the Idempotency-Key {@code {venue}-{tradeId}}. */
    public static ValidatableResponse register(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.exchange((String) body.get("venue")))
                .header("Idempotency-Key", body.get("venue") + "-" + body.get("tradeId"))
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/trades").then();
    }

    /**
     * Registers a trade as if on the day of {@code clock} (the service refuses deadlines in its
     * past), expecting 201; the service's clock is as before afterwards.
     */
    public static ValidatableResponse registerOn(Instant clock, Map<String, Object> body) {
        return TestClock.during(clock, () -> register(body).statusCode(201));
    }
}
