package org.jcm.settlement.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestReceiver;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Registering, reading, rotating and deleting endpoints through the API, and what is refused: URLs
 * that are not https or reach private, link-local or (without the test setting) loopback addresses,
 * unknown event types and those of the other kind of owner, unknown fields, and other owners'
 * endpoints. Also a delivery that never succeeds ends FAILED and the endpoint's next one goes on.
 * Endpoints of Ulaanbaatar Solar (MNG01-O0001) and venue REGX; uses WebhooksTest's vintage 2047.
 */
@QuarkusTest
class WebhookRegistrationTest {

    static final String HOLDER_C = TestTokens.accountHolder("MNG01-O0001");

    static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/webhooks")
                .then();
    }

    static Map<String, Object> body(String url, List<String> events) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", events);
        return body;
    }

    @Test
    void urls_that_are_not_https_or_reach_private_link_local_or_unspecified_addresses_are_refused() {
        for (String url : List.of("http://example.com/hook", "ftp://example.com/hook", "https://10.0.0.1/hook",
                "https://192.168.1.20/hook", "https://172.16.0.5/hook", "https://169.254.169.254/latest/meta-data",
                "https://[fe80::1]/hook", "https://0.0.0.0/hook", "https://[fd00::1]/hook", "not a url",
                "https://user:pw@example.com/hook", "/relative")) {
            post(HOLDER_C, body(url, List.of("transfer.outgoing"))).statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("webhook_url_refused"))
                    .body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(HOLDER_C).when().get("/api/v1/webhooks").then().statusCode(200)
                .body("findAll { it.url.contains('10.0.0.1') }.size()", equalTo(0));
    }

    @Test
    void event_types_must_be_known_and_meant_for_the_callers_kind_and_unknown_fields_are_refused() {
        post(HOLDER_C, body("http://localhost:9/x", List.of("transfer.sideways"))).statusCode(400)
                .body("code", equalTo("invalid_field")).body("errors[0].field", equalTo("events[0]"));
        post(HOLDER_C, body("http://localhost:9/x", List.of("transfer.outgoing", "trade.settled"))).statusCode(400)
                .body("code", equalTo("invalid_field")).body("errors[0].field", equalTo("events[1]"));
        post(TestTokens.exchange("REGX"), body("http://localhost:9/x", List.of("transfer.incoming"))).statusCode(400)
                .body("code", equalTo("invalid_field"));
        post(HOLDER_C, body("http://localhost:9/x", List.of())).statusCode(400).body("errors[0].field",
                equalTo("events"));
        Map<String, Object> extra = body("http://localhost:9/x", List.of("transfer.outgoing"));
        extra.put("secret", "whsec_mine");
        post(HOLDER_C, extra).statusCode(400).body("code", equalTo("unknown_field"));
        Map<String, Object> longText = body("http://localhost:9/x", List.of("transfer.outgoing"));
        longText.put("description", "x".repeat(201));
        post(HOLDER_C, longText).statusCode(400).body("errors[0].field", equalTo("description"));
    }

    @Test
    void other_roles_may_not_register_and_japanese_is_answered_for_the_new_codes() {
        post(TestTokens.operator(), body("http://localhost:9/x", List.of("transfer.outgoing"))).statusCode(403);
        post(TestTokens.registryAdmin("MNG01"), body("http://localhost:9/x", List.of("transfer.outgoing")))
                .statusCode(403);
        given().contentType(ContentType.JSON).body(body("http://localhost:9/x", List.of("transfer.outgoing")))
                .when().post("/api/v1/webhooks").then().statusCode(401);
        given().auth().oauth2(HOLDER_C).header("Accept-Language", "ja").contentType(ContentType.JSON)
                .body(body("http://10.1.2.3/x", List.of("transfer.outgoing"))).when().post("/api/v1/webhooks").then()
                .statusCode(400).body("title", equalTo("Webhook の URL は受け付けられません"));
    }

    @Test
    void the_secret_is_shown_once_rotation_signs_with_both_secrets_and_a_deleted_endpoint_is_gone() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            JsonPath created = post(HOLDER_C, body(receiver.url("/rotated"), List.of("transfer.outgoing")))
                    .statusCode(201).extract().jsonPath();
            String id = created.getString("id");
            String first = created.getString("secret");
            assertThat(created.getString("ownerKind")).isEqualTo("ORGANIZATION");
            assertThat(created.getString("ownerId")).isEqualTo("MNG01-O0001");
            given().auth().oauth2(HOLDER_C).when().get("/api/v1/webhooks/" + id).then().statusCode(200)
                    .body("secret", nullValue()).body("events", equalTo(List.of("transfer.outgoing")));
            given().auth().oauth2(TestTokens.accountHolder("JPN01-O0001")).when().get("/api/v1/webhooks/" + id).then()
                    .statusCode(404).body("code", equalTo("unknown_webhook"));
            JsonPath rotated = given().auth().oauth2(HOLDER_C).when().post("/api/v1/webhooks/" + id + "/rotate-secret")
                    .then().statusCode(200).body("secret", not(equalTo(first)))
                    .body("previousSecretExpiresAt", not(nullValue())).extract().jsonPath();
            WebhooksTest.issueToTheSeller();
            TestLedger.get().transfer(WebhooksTest.AT, C, B, 1, 2047, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/rotated").size() == 1);
            TestReceiver.Received request = receiver.delivered("/rotated").get(0);
            assertThat(request.signature().split(" ")).hasSize(2);
            assertThat(WebhooksTest.verifies(rotated.getString("secret"), request)).isTrue();
            assertThat(WebhooksTest.verifies(first, request)).isTrue();
            given().auth().oauth2(TestTokens.accountHolder("JPN01-O0001")).when().delete("/api/v1/webhooks/" + id)
                    .then().statusCode(404);
            given().auth().oauth2(HOLDER_C).when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
            given().auth().oauth2(HOLDER_C).when().get("/api/v1/webhooks/" + id).then().statusCode(404);
            given().auth().oauth2(HOLDER_C).when().delete("/api/v1/webhooks/" + id).then().statusCode(404)
                    .body("code", equalTo("unknown_webhook"));
        }
    }

    @Test
    void a_delivery_that_never_succeeds_is_failed_after_the_last_attempt_and_the_next_one_is_sent() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            String token = TestTokens.accountHolder("JPN01-O0002");
            String id = post(token, body(receiver.url("/down"), List.of("transfer.incoming"))).statusCode(201)
                    .extract().jsonPath().getString("id");
            receiver.failNext("/down", 5);
            WebhooksTest.issueToTheSeller();
            TestLedger.get().transfer(WebhooksTest.AT, C, B, 1, 2047, null);
            TestLedger.get().transfer(WebhooksTest.AT, C, B, 1, 2047, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/down").size() == 1);
            JsonPath log = WebhooksTest.deliveries(token, id);
            assertThat(log.getList("items.state", String.class)).containsExactly("FAILED", "DELIVERED");
            assertThat(log.getList("items[0].attempts.statusCode", Integer.class)).containsOnly(500).hasSize(5);
            assertThat(log.getString("items[0].finishedAt")).isNotNull();
            assertThat(log.getString("items[0].nextAttemptAt")).isNull();
            assertThat(receiver.delivered("/down").get(0).id()).isEqualTo(log.getString("items[1].messageId"));
            given().auth().oauth2(token).queryParam("limit", "1").when().get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200).body("items.size()", equalTo(1))
                    .body("next", equalTo(log.getInt("items[0].id")));
            given().auth().oauth2(token).queryParam("limit", "0").when().get("/api/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(400).body("code", equalTo("invalid_parameter"));
            given().auth().oauth2(token).when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }
}
