package org.jcm.registry.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.jcm.support.http.RequestHead;
import org.jcm.testsupport.HostileHttp;
import org.jcm.testsupport.HostileHttp.Answer;
import org.jcm.testsupport.HostileHttp.Case;
import org.junit.jupiter.api.Test;

/**
 * Answers that come from below the resources are problems too: a request line too long (414) or
 * headers too large (431), sent over a raw socket as no HTTP client would; a body without a
 * {@code Content-Type} is 415; and list cursors are sealed, so a cursor of one account's, unit's
 * or filter's list is refused for another.
 */
@QuarkusTest
class HttpHygieneTest {

    @Test
    void a_request_line_over_8_KiB_is_414_problem_json() {
        Answer answer = HostileHttp.sendRaw(HostileHttp.rawGet("/api/v1/blocks?projectId=" + "A".repeat(RequestHead.MAX_REQUEST_LINE)));

        assertThat(answer.statusCode()).isEqualTo(414);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("uri_too_long");
    }

    @Test
    void a_request_line_just_within_8_KiB_reaches_the_resource() {
        String prefix = "/api/v1/blocks?projectId=";
        int room = RequestHead.MAX_REQUEST_LINE - "GET ".length() - " HTTP/1.1".length() - prefix.length();
        Answer answer = HostileHttp.sendRaw(HostileHttp.rawGet(prefix + "A".repeat(room)));

        // The resource itself refuses such a project id, with its own code.
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_query_parameter");
    }

    @Test
    void headers_over_20_KiB_in_one_or_in_many_are_431_problem_json() {
        for (byte[] request : List.of(
                HostileHttp.rawGet("/api/v1/parties", "X-Padding: " + "p".repeat(RequestHead.MAX_HEADER_SECTION)),
                HostileHttp.rawGet("/api/v1/parties", manyHeaders(400)))) {
            Answer answer = HostileHttp.sendRaw(request);
            assertThat(answer.statusCode()).isEqualTo(431);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.code()).isEqualTo("header_fields_too_large");
        }
        assertThat(HostileHttp.sendRaw(HostileHttp.rawGet("/api/v1/parties", manyHeaders(100))).statusCode()).isEqualTo(200);
    }

    @Test
    void a_mutation_body_without_content_type_is_415_and_nothing_is_written() {
        LedgerApi.registry("MNG01");
        String head = given().get("/api/v1/ledger/head").then().statusCode(200).extract().asString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + TestTokens.registryAdmin("MNG01"));
        headers.put("Idempotency-Key", LedgerApi.key());
        byte[] body = ("{\"registryId\":\"MNG01\",\"name\":\"No type " + LedgerApi.key() + "\"}").getBytes(StandardCharsets.UTF_8);
        StringBuilder raw = new StringBuilder("POST /api/v1/organizations HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headers.forEach((name, value) -> raw.append(name).append(": ").append(value).append("\r\n"));
        raw.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head1 = raw.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head1.length + body.length];
        System.arraycopy(head1, 0, request, 0, head1.length);
        System.arraycopy(body, 0, request, head1.length, body.length);

        Answer answer = HostileHttp.sendRaw(request);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("unsupported_media_type");
        assertThat(given().get("/api/v1/ledger/head").then().statusCode(200).extract().asString()).isEqualTo(head);
    }

    @Test
    void an_optional_body_left_out_needs_no_content_type_but_one_sent_does() {
        LedgerApi.registry("MNG01");
        String account = LedgerApi.holder("MNG01")[1];
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + TestTokens.registryAdmin("MNG01"));
        headers.put("Idempotency-Key", LedgerApi.key());
        String freeze = "/api/v1/accounts/" + account + "/freeze";
        assertThat(HostileHttp.send(new Case(freeze, "POST", freeze, headers, null)).statusCode()).isEqualTo(201);

        headers.put("Idempotency-Key", LedgerApi.key());
        String unfreeze = "/api/v1/accounts/" + account + "/unfreeze";
        Answer typeless = HostileHttp.send(new Case(unfreeze, "POST", unfreeze, headers,
                "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(typeless.statusCode()).as(typeless.body()).isEqualTo(415);
        assertThat(typeless.code()).isEqualTo("unsupported_media_type");
    }

    @Test
    void a_cursor_of_one_account_unit_or_filter_is_invalid_for_another() {
        LedgerApi.registry("MNG01");
        String[] first = LedgerApi.holder("MNG01");
        String[] second = LedgerApi.holder("MNG01");
        String project = LedgerApi.project("MN", List.of(first[0], second[0]));
        LedgerApi.issue("MNG01", project, 2023, List.of(first[1], second[1]), List.of(10L, 10L));
        LedgerApi.issue("MNG01", project, 2024, List.of(first[1], second[1]), List.of(10L, 10L));
        String admin = TestTokens.registryAdmin("MNG01");

        String holdings = given().auth().oauth2(admin).get("/api/v1/accounts/" + first[1] + "/holdings?limit=1")
                .then().statusCode(200).extract().path("next");
        assertThat(holdings).isNotNull();
        given().auth().oauth2(admin).get("/api/v1/accounts/" + first[1] + "/holdings?limit=1&after=" + holdings)
                .then().statusCode(200);
        invalidCursor(given().auth().oauth2(admin).get("/api/v1/accounts/" + second[1] + "/holdings?limit=1&after=" + holdings)
                .then().extract().response());

        String transactions = given().auth().oauth2(admin).get("/api/v1/accounts/" + first[1] + "/transactions?limit=1")
                .then().statusCode(200).extract().path("next");
        invalidCursor(given().auth().oauth2(admin).get("/api/v1/accounts/" + second[1] + "/transactions?limit=1&after="
                + transactions).then().extract().response());

        String blocks = given().get("/api/v1/blocks?limit=1&projectId=" + project).then().statusCode(200).extract().path("next");
        given().get("/api/v1/blocks?limit=1&projectId=" + project + "&after=" + blocks).then().statusCode(200);
        invalidCursor(given().get("/api/v1/blocks?limit=1&projectId=" + project + "&vintage=2024&after=" + blocks)
                .then().extract().response());
        invalidCursor(given().get("/api/v1/blocks?limit=1&after=" + blocks).then().extract().response());
    }

    private static void invalidCursor(io.restassured.response.Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>path("code")).isEqualTo("invalid_cursor");
    }

    private static String[] manyHeaders(int count) {
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            lines[i] = "X-Header-" + i + ": " + "v".repeat(50);
        }
        return lines;
    }
}
