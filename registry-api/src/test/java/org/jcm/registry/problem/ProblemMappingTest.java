package org.jcm.registry.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import io.restassured.response.ValidatableResponse;
import java.util.Set;
import org.jcm.testsupport.TestTokens;
import org.jcm.testsupport.HostileHttp;
import org.junit.jupiter.api.Test;

/** Tests that every kind of failure leaves the service as an RFC 9457 problem with a stable code. */
@QuarkusTest
class ProblemMappingTest {

    private static final String VALID = "{\"memo\":\"hi\",\"quantity\":5,\"purpose\":\"NDC\",\"serials\":[1,2]}";

    @Test
    void a_valid_body_is_echoed() {
        post(VALID).statusCode(200).body("quantity", equalTo(5)).body("purpose", equalTo("NDC"));
    }

    @Test
    void malformed_json_is_a_400_problem() {
        problem(post("{\"memo\": \"hi\", "), 400, "malformed_json")
                .body("type", equalTo("urn:jcm:problem:malformed_json"))
                .body("title", equalTo("Bad Request"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void an_empty_body_is_malformed_json() {
        problem(post(""), 400, "malformed_json");
    }

    @Test
    void a_duplicate_key_is_malformed_json() {
        problem(post("{\"quantity\":1,\"quantity\":1000}"), 400, "malformed_json");
    }

    @Test
    void trailing_content_after_the_document_is_malformed_json() {
        problem(post(VALID + " {}"), 400, "malformed_json");
    }

    @Test
    void an_unknown_field_is_refused_with_unknown_field() {
        problem(post("{\"memo\":\"hi\",\"quantity\":5,\"quantityTonnes\":5}"), 400, "unknown_field")
                .body("errors[0].field", equalTo("quantityTonnes"))
                .body("errors[0].detail", containsString("quantity"));
    }

    @Test
    void a_string_for_a_number_is_an_invalid_field() {
        problem(post("{\"quantity\":\"5\"}"), 400, "invalid_field")
                .body("errors[0].field", equalTo("quantity"))
                .body("errors[0].detail", equalTo("Must be a whole number."));
    }

    @Test
    void a_fraction_for_a_whole_number_is_an_invalid_field() {
        problem(post("{\"quantity\":1.5}"), 400, "invalid_field").body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void a_number_for_a_string_is_an_invalid_field() {
        problem(post("{\"memo\":5,\"quantity\":1}"), 400, "invalid_field").body("errors[0].field", equalTo("memo"));
    }

    @Test
    void an_unknown_enum_value_is_an_invalid_field_listing_the_allowed_values() {
        problem(post("{\"quantity\":1,\"purpose\":\"PROFIT\"}"), 400, "invalid_field")
                .body("errors[0].field", equalTo("purpose"))
                .body("errors[0].detail", equalTo("Must be one of NDC, OIMP, VOLUNTARY."));
    }

    @Test
    void a_wrong_element_in_a_list_names_its_index() {
        problem(post("{\"quantity\":1,\"serials\":[1,\"two\"]}"), 400, "invalid_field")
                .body("errors[0].field", equalTo("serials[1]"));
    }

    @Test
    void a_value_refused_by_the_request_record_is_an_invalid_field_with_its_reason() {
        problem(post("{\"quantity\":-1}"), 400, "invalid_field")
                .body("detail", containsString("quantity must not be negative"));
    }

    @Test
    void a_body_just_under_one_mebibyte_is_read() {
        String memo = "x".repeat(1024 * 1024 - 100);
        post("{\"memo\":\"" + memo + "\",\"quantity\":1}").statusCode(200).body("quantity", equalTo(1));
    }

    @Test
    void a_body_over_one_mebibyte_is_a_413_problem() {
        // Refused by its declared length before it is read; with Expect: 100-continue the body is
        // never sent (a client that sends it anyway may see the connection closed under it).
        byte[] big = ("{\"memo\":\"" + "x".repeat(1024 * 1024) + "\",\"quantity\":1}").getBytes(StandardCharsets.UTF_8);
        HostileHttp.Answer answer = HostileHttp.sendExpectingContinue(new HostileHttp.Case("1 MiB", "POST", "/test/echo",
                java.util.Map.of("Content-Type", "application/json"), big));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("body_too_large");
    }

    @Test
    void a_chunked_body_over_one_mebibyte_is_a_413_problem() throws Exception {
        byte[] big = ("{\"memo\":\"" + "x".repeat(1024 * 1024) + "\",\"quantity\":1}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/test/echo"))
                .header("Content-Type", "application/json")
                // A publisher of unknown length makes the client send the body in chunks, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"body_too_large\"");
    }

    @Test
    void a_wrong_content_type_is_a_415_problem() {
        problem(given().contentType("text/plain").body("hello").when().post("/test/echo").then(),
                415, "unsupported_media_type");
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        problem(given().when().get("/api/v1/no-such-thing").then(), 404, "not_found");
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        problem(given().when().delete("/test/echo").then(), 405, "method_not_allowed");
    }

    @Test
    void a_missing_token_is_a_401_problem_with_a_bearer_challenge() {
        problem(given().when().get("/test/admin").then(), 401, "unauthorized")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void an_expired_token_is_a_401_problem() {
        problem(withToken(TestTokens.expired(Set.of("registry-admin"))), 401, "unauthorized");
    }

    @Test
    void a_token_signed_with_another_key_is_a_401_problem() {
        problem(withToken(TestTokens.signedByStranger(Set.of("registry-admin"))), 401, "unauthorized");
    }

    @Test
    void a_token_from_another_issuer_is_a_401_problem() {
        problem(withToken(TestTokens.fromOtherIssuer(Set.of("registry-admin"))), 401, "unauthorized");
    }

    @Test
    void a_garbled_token_is_a_401_problem() {
        problem(withToken("not.a.jwt"), 401, "unauthorized");
    }

    @Test
    void a_token_without_the_role_is_a_403_problem() {
        problem(withToken(TestTokens.accountHolder("org-1")), 403, "forbidden");
    }

    @Test
    void a_token_with_the_role_is_let_through_with_its_claims() {
        withToken(TestTokens.registryAdmin("jp-registry")).statusCode(200).body(equalTo("jp-registry"));
    }

    @Test
    void a_problem_exception_keeps_its_status_code_and_field_errors() {
        problem(given().when().get("/test/conflict").then(), 409, "insufficient_units")
                .body("title", equalTo("Conflict"))
                .body("errors.field", hasItem("quantity"));
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_that_leaks_nothing() {
        problem(given().when().get("/test/bug").then(), 500, "internal_error")
                .body("detail", not(containsString("10.0.0.7")))
                .body("detail", not(containsString("secret")))
                .body("detail", not(containsString("IllegalState")))
                .body("errors", nullValue());
    }

    private static ValidatableResponse post(String body) {
        return given().contentType("application/json").body(body).when().post("/test/echo").then();
    }

    private static ValidatableResponse withToken(String token) {
        return given().auth().oauth2(token).when().get("/test/admin").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(equalTo("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo("urn:jcm:problem:" + code))
                .body("title", not(nullValue()))
                .body("detail", not(nullValue()));
    }
}
