package org.jcm.registry.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.testing.LedgerApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.Management;
import org.jcm.testsupport.TestTicker;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limit on mutations through the real API: a token spends its burst, is refused with
 * 429 {@code rate_limited} and {@code Retry-After} without touching the ledger, and may write
 * again once the clock has moved on. The clock is frozen and moved by the test, never slept on.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    /** One mutation per second, bursts of three. */
    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jcm.rate-limit.rate", "1", "jcm.rate-limit.burst", "3");
        }
    }

    private static String organization;

    @BeforeEach
    void setUp() {
        TestTicker.freeze();
        if (organization == null) {
            LedgerApi.registry("MNG01");
            organization = LedgerApi.organization("MNG01");
        }
    }

    @AfterEach
    void resetTheClock() {
        TestTicker.reset();
    }

    private static String admin(String name) {
        return TestTokens.token(name + "@MNG01", Set.of("registry-admin"), Map.of("registry", "MNG01"));
    }

    private static io.restassured.response.Response open(String token) {
        return as(token).body(Map.of("organizationId", organization, "name", "Rate-limited account")).post("/api/v1/accounts");
    }

    @Test
    void a_refusal_in_japanese_carries_the_limit_and_the_wait() {
        String token = admin("japanese");
        for (int i = 0; i < 3; i++) {
            assertThat(open(token).statusCode()).as("mutation %d of the burst", i).isEqualTo(201);
        }
        as(token).header("Accept-Language", "ja").body(Map.of("organizationId", organization, "name", "Rate-limited account"))
                .post("/api/v1/accounts").then().statusCode(429)
                .header("Retry-After", "1").header("Content-Language", "ja")
                .body("code", equalTo("rate_limited")).body("title", equalTo("リクエスト回数の上限超過"))
                .body("detail", equalTo("このトークンによる台帳変更のリクエストが多すぎます。上限は毎秒 1 件（バースト 3 件）です。"
                        + "1 秒後に同じ Idempotency-Key で再試行してください。"));
        open(token).then().statusCode(429).header("Content-Language", "en")
                .body("detail", equalTo("Too many mutations for this token: the limit is 1 per second with bursts of 3. "
                        + "Retry after 1 s with the same Idempotency-Key."));
    }

    @Test
    void a_burst_is_allowed_then_refused_with_retry_after_and_the_ledger_is_unchanged() {
        String token = admin("burst");
        for (int i = 0; i < 3; i++) {
            assertThat(open(token).statusCode()).as("mutation %d of the burst", i).isEqualTo(201);
        }
        Map<String, Object> before = LedgerProbe.fingerprint();
        for (int i = 0; i < 5; i++) {
            open(token).then().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("code", equalTo("rate_limited"))
                    .body("status", equalTo(429));
        }
        assertThat(LedgerProbe.fingerprint()).isEqualTo(before);
        assertThat(open(admin("other")).statusCode()).as("another subject has its own bucket").isEqualTo(201);

        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("jcm_rate_limit_refused_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void the_bucket_refills_as_the_clock_moves() {
        String token = admin("refill");
        for (int i = 0; i < 3; i++) {
            assertThat(open(token).statusCode()).isEqualTo(201);
        }
        open(token).then().statusCode(429);
        TestTicker.advance(Duration.ofMillis(999));
        open(token).then().statusCode(429).header("Retry-After", "1");
        TestTicker.advance(Duration.ofMillis(1));
        open(token).then().statusCode(201);
        open(token).then().statusCode(429);
        TestTicker.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            assertThat(open(token).statusCode()).as("refilled to the burst").isEqualTo(201);
        }
        open(token).then().statusCode(429);
    }

    @Test
    void a_transfer_batch_counts_once_however_many_items_it_holds() {
        String token = TestTokens.token("batcher@" + organization, Set.of("account-holder"), Map.of("org", organization));
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(Map.of("idempotencyKey", LedgerApi.key(), "fromAccountId", "MNG01-H99990", "toAccountId", "MNG01-H99991",
                    "quantity", 1));
        }
        int batch = as(token).body(Map.of("items", items)).post("/api/v1/transfer-batches").statusCode();
        assertThat(batch).isNotEqualTo(429);
        for (int i = 0; i < 2; i++) {
            assertThat(as(token).body(LedgerApi.transfer("MNG01-H99990", "MNG01-H99991", 1)).post("/api/v1/transfers")
                    .statusCode()).as("the batch took one of three").isNotEqualTo(429);
        }
        as(token).body(LedgerApi.transfer("MNG01-H99990", "MNG01-H99991", 1)).post("/api/v1/transfers").then().statusCode(429);
    }

    @Test
    void a_document_upload_takes_from_the_same_bucket_as_mutations_and_is_refused_before_it_is_stored()
            throws java.security.NoSuchAlgorithmException {
        String token = admin("uploader");
        for (int i = 0; i < 2; i++) {
            assertThat(open(token).statusCode()).isEqualTo(201);
        }
        assertThat(upload(token, "%PDF-1.4\n% one " + LedgerApi.key()).statusCode()).as("the third of the burst").isEqualTo(201);
        String refused = "%PDF-1.4\n% refused " + LedgerApi.key();
        io.restassured.response.Response answer = upload(token, refused);
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.<String>path("code")).isEqualTo("rate_limited");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(refused.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        as(token).get("/api/v1/documents/" + sha).then().statusCode(404);
    }

    private static io.restassured.response.Response upload(String token, String pdf) {
        return RestAssured.given().auth().oauth2(token).contentType("application/pdf")
                .body(pdf.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post("/api/v1/documents");
    }
}
