package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An idempotent replay passes the same role and scope checks as a fresh request: Idempotency-Keys
 * are scoped by token subject, but a token of the same subject with another organization (or an
 * organization that does not exist) gets 403 {@code forbidden} instead of the outcome of a request
 * it could not have made; the token the request was made with still gets its replay.
 */
@QuarkusTest
class ReplayAuthorizationTest {

    private String[] seller;
    private String[] other;
    private String[] buyer;
    private String subject;

    @BeforeEach
    void world() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        seller = LedgerApi.openHolder("MNG01");
        other = LedgerApi.openHolder("MNG01");
        buyer = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(100L));
        // One subject, several organizations: the key space is the subject's.
        subject = "shared-" + LedgerApi.key();
    }

    @Test
    void a_transfer_replayed_by_the_same_subject_for_another_or_an_unknown_organization_is_forbidden() {
        String key = LedgerApi.key();
        Map<String, Object> body = LedgerApi.transfer(seller[1], buyer[1], 10);
        String first = post("/api/v1/transfers", holder(seller[0]), key, body).then().statusCode(201).extract().asString();
        long head = LedgerProbe.headSeq();

        post("/api/v1/transfers", holder(other[0]), key, body).then().statusCode(403)
                .contentType(equalTo("application/problem+json")).body("code", equalTo("forbidden"));
        post("/api/v1/transfers", holder("MNG01-O9999"), key, body).then().statusCode(403).body("code", equalTo("forbidden"));
        post("/api/v1/transfers", registryAdmin("MNG01"), key, body).then().statusCode(403);

        String again = post("/api/v1/transfers", holder(seller[0]), key, body).then().statusCode(201).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(10);
    }

    @Test
    void a_rejection_replayed_by_the_same_subject_for_another_organization_is_forbidden_too() {
        String key = LedgerApi.key();
        Map<String, Object> body = LedgerApi.transfer(seller[1], buyer[1], 1000);
        String first = post("/api/v1/transfers", holder(seller[0]), key, body).then().statusCode(409)
                .body("code", equalTo("insufficient_units")).extract().asString();

        post("/api/v1/transfers", holder(other[0]), key, body).then().statusCode(403).body("code", equalTo("forbidden"));

        assertThat(post("/api/v1/transfers", holder(seller[0]), key, body).then().statusCode(409).extract().asString())
                .isEqualTo(first);
    }

    @Test
    void a_transfer_batch_replayed_by_the_same_subject_for_another_or_an_unknown_organization_is_forbidden() {
        String batchKey = LedgerApi.key();
        Map<String, Object> body = Map.of("items", List.of(
                item("a-" + batchKey, seller[1], buyer[1], 3), item("b-" + batchKey, seller[1], buyer[1], 4)));
        String first = post("/api/v1/transfer-batches", holder(seller[0]), batchKey, body).then().statusCode(200)
                .body("items.status", contains(201, 201)).extract().asString();
        long head = LedgerProbe.headSeq();

        post("/api/v1/transfer-batches", holder(other[0]), batchKey, body).then().statusCode(403)
                .contentType(equalTo("application/problem+json")).body("code", equalTo("forbidden"));
        post("/api/v1/transfer-batches", holder("MNG01-O9999"), batchKey, body).then().statusCode(403)
                .body("code", equalTo("forbidden"));

        String again = post("/api/v1/transfer-batches", holder(seller[0]), batchKey, body).then().statusCode(200)
                .extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
    }

    @Test
    void an_item_key_replayed_in_another_organizations_batch_is_forbidden_for_that_item_alone() {
        String itemKey = "item-" + LedgerApi.key();
        post("/api/v1/transfers", holder(seller[0]), itemKey, LedgerApi.transfer(seller[1], buyer[1], 5)).then().statusCode(201);
        long head = LedgerProbe.headSeq();

        Map<String, Object> body = Map.of("items", List.of(item(itemKey, seller[1], buyer[1], 5)));
        post("/api/v1/transfer-batches", holder(other[0]), LedgerApi.key(), body).then().statusCode(200)
                .body("items[0].status", equalTo(403))
                .body("items[0].problem.code", equalTo("forbidden"));
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);

        post("/api/v1/transfer-batches", holder(seller[0]), LedgerApi.key(), body).then().statusCode(200)
                .body("items[0].status", equalTo(201))
                .body("items[0].result.events[0].seq", equalTo((int) head));
    }

    private io.restassured.response.Response post(String path, String token, String key, Object body) {
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post(path);
    }

    private String holder(String org) {
        return TestTokens.token(subject, Set.of("account-holder"), Map.of("org", org));
    }

    private String registryAdmin(String registry) {
        return TestTokens.token(subject, Set.of("registry-admin"), Map.of("registry", registry));
    }

    private static Map<String, Object> item(String key, String from, String to, long quantity) {
        return Map.of("idempotencyKey", key, "fromAccountId", from, "toAccountId", to, "quantity", quantity);
    }
}
