package org.jcm.settlement.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestTrades;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settlement's problems follow {@code Accept-Language} as the registry's do: Japanese for
 * {@code ja} with the same values, English otherwise, with {@code Content-Language} and
 * {@code Vary}. Venue PLX.
 */
@QuarkusTest
class ProblemLanguageTest {

    static final String VENUE = "PLX";
    static final Instant NOW = Instant.parse("2025-10-10T09:00:00Z");

    @BeforeEach
    void fixTheClock() {
        Await.caughtUp();
        TestClock.set(NOW);
    }

    @AfterEach
    void resetTheClock() {
        TestClock.reset();
    }

    private static ValidatableResponse registerTooLate(String language) {
        return given().auth().oauth2(TestTokens.exchange(VENUE)).header("Idempotency-Key", "pl-" + language)
                .header("Accept-Language", language).contentType(ContentType.JSON)
                .body(TestTrades.trade(VENUE, "PL-1", C, A, "JCM-MNG-2040-NONE", 10, "500.00", "JPY", NOW.minusSeconds(60)))
                .when().post("/api/v1/trades").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("deliver_by_out_of_range")).body("errors[0].field", equalTo("deliverBy"))
                .header("Vary", containsString("Accept-Language"));
    }

    @Test
    void a_refused_deadline_in_japanese_names_the_clock_and_the_window_and_keeps_the_field() {
        String window = registerTooLate("en").header("Content-Language", "en")
                .body("detail", containsString("is in the past: the service's clock reads " + NOW))
                .extract().path("errors[0].detail").toString().replace("must lie between now and ", "").replace(" ahead", "");
        registerTooLate("ja").header("Content-Language", "ja")
                .body("title", equalTo("引渡期限が範囲外です"))
                .body("detail", equalTo("項目 'deliverBy' が過去の日時です（サービスの時刻: " + NOW + "）。現在から " + window
                        + " 以内の日時を指定してください。"))
                .body("errors[0].detail", equalTo("現在から " + window + " 以内の日時を指定してください。"));
    }

    @Test
    void an_unknown_trade_is_404_in_japanese_with_the_trade_and_the_venue() {
        given().auth().oauth2(TestTokens.exchange(VENUE)).header("Accept-Language", "ja;q=0.9, en;q=0.8")
                .get("/api/v1/trades/" + VENUE + "/NOPE-1").then().statusCode(404)
                .header("Content-Language", "ja")
                .body("code", equalTo("unknown_trade")).body("title", equalTo("取引が見つかりません"))
                .body("detail", equalTo("取引所 " + VENUE + " に取引 'NOPE-1' は登録されていません。"));
        given().auth().oauth2(TestTokens.exchange(VENUE)).header("Accept-Language", "en, ja;q=0.5")
                .get("/api/v1/trades/" + VENUE + "/NOPE-1").then().statusCode(404)
                .header("Content-Language", "en")
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No trade 'NOPE-1' is registered for venue " + VENUE + "."));
    }

    @Test
    void no_token_is_401_in_japanese_and_in_english_without_the_header() {
        given().header("Accept-Language", "ja").get("/api/v1/trades/" + VENUE + "/NOPE-1").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer")).header("Content-Language", "ja")
                .body("code", equalTo("unauthorized")).body("title", equalTo("認証が必要です"))
                .body("detail", equalTo("有効なベアラートークンが必要です。"));
        given().get("/api/v1/trades/" + VENUE + "/NOPE-1").then().statusCode(401).header("Content-Language", "en")
                .body("title", equalTo("Unauthorized")).body("detail", equalTo("A valid bearer token is required."));
    }

    @Test
    void a_body_of_another_type_is_415_in_japanese() {
        given().auth().oauth2(TestTokens.exchange(VENUE)).header("Idempotency-Key", "pl-415").header("Accept-Language", "ja")
                .contentType("text/plain").body("hello").post("/api/v1/trades").then().statusCode(415)
                .body("code", equalTo("unsupported_media_type"))
                .body("detail", equalTo("このリソースはこの Content-Type を受け付けません。"));
    }
}
