package org.jcm.registry.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.jcm.testsupport.HostileHttp;
import org.jcm.testsupport.HostileHttp.Answer;
import org.jcm.testsupport.HostileHttp.Case;
import org.jcm.testsupport.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text that PostgreSQL cannot store and a JSON writer cannot write back (a lone UTF-16 surrogate,
 * U+0000) is refused while the body is read, with 400 {@code invalid_text} naming the field, in
 * every string and field name of every endpoint; a body that is not UTF-8 JSON text (a byte order
 * mark) is 400 {@code malformed_json}. Such requests once answered 500 and made the writer rebuild
 * its state: nothing may reach the ledger.
 */
@QuarkusTest
class UnstorableTextTest {

    private static final String REBUILDS = "jcm_writer_rebuilds_total";
    private static final String COMMIT_FAILURES = "jcm_writer_commit_failures_total";

    private String[] holder;
    private String[] other;

    @BeforeEach
    void setUp() {
        LedgerApi.registry("MNG01");
        holder = LedgerApi.openHolder("MNG01");
        other = LedgerApi.openHolder("MNG01");
    }

    @Test
    void a_lone_high_surrogate_in_a_transfer_memo_is_invalid_text_and_reaches_no_writer() {
        double rebuilds = Metrics.sum(REBUILDS) + Metrics.sum(COMMIT_FAILURES);
        String head = head();

        Answer answer = post(TestTokens.accountHolder(holder[0]), "/api/v1/transfers", utf8("{\"fromAccountId\":\""
                + holder[1] + "\",\"toAccountId\":\"" + other[1] + "\",\"quantity\":1,\"memo\":\"\\ud800\"}"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("invalid_text");
        assertThat(field(answer)).isEqualTo("memo");
        assertThat(head()).isEqualTo(head);
        assertThat(Metrics.sum(REBUILDS) + Metrics.sum(COMMIT_FAILURES)).isEqualTo(rebuilds);
    }

    @Test
    void lone_surrogates_and_nul_are_refused_in_every_kind_of_string_with_its_path() {
        String admin = TestTokens.registryAdmin("MNG01");
        String owner = TestTokens.accountHolder(holder[0]);
        String transfer = "{\"fromAccountId\":\"" + holder[1] + "\",\"toAccountId\":\"" + other[1] + "\",\"quantity\":1,";
        record Refused(String token, String path, String body, String field) {
        }
        List<Refused> cases = List.of(
                new Refused(admin, "/api/v1/organizations", "{\"registryId\":\"MNG01\",\"name\":\"Org \\udc00\"}", "name"),
                new Refused(admin, "/api/v1/organizations", "{\"registryId\":\"MNG01\",\"name\":\"Org\\u0000\"}", "name"),
                new Refused(owner, "/api/v1/retirements", "{\"fromAccountId\":\"" + holder[1] + "\",\"quantity\":1,"
                        + "\"purpose\":\"NDC\",\"beneficiary\":\"\\uD83D\\uD83D\",\"usingParty\":\"JPN\",\"yearOfUse\":2025}",
                        "beneficiary"),
                new Refused(owner, "/api/v1/transfers", transfer + "\"trade\":{\"tradeId\":\"T-\\udbff\",\"venue\":\"JPX\","
                        + "\"pricePerTonne\":\"1\",\"currency\":\"JPY\"}}", "trade.tradeId"),
                new Refused(owner, "/api/v1/transfers", transfer + "\"memo\":\"ok \\ud83d\\ude00 then \\ude00\"}", "memo"),
                new Refused(owner, "/api/v1/transfer-batches", "{\"items\":[{\"idempotencyKey\":\"" + LedgerApi.key()
                        + "\",\"fromAccountId\":\"" + holder[1] + "\",\"toAccountId\":\"" + other[1]
                        + "\",\"quantity\":1,\"memo\":\"\\ud800\"}]}", "items[0].memo"),
                // A field name is text too; an unknown field's name used to be echoed in the answer.
                new Refused(owner, "/api/v1/transfers", transfer + "\"\\ud800\":1}", "(body)"));
        double rebuilds = Metrics.sum(REBUILDS) + Metrics.sum(COMMIT_FAILURES);
        String head = head();
        for (Refused refused : cases) {
            Answer answer = post(refused.token(), refused.path(), utf8(refused.body()));
            assertThat(answer.statusCode()).as(refused.body() + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.code()).as(refused.body()).isEqualTo("invalid_text");
            assertThat(field(answer)).as(refused.body()).isEqualTo(refused.field());
        }
        assertThat(head()).isEqualTo(head);
        assertThat(Metrics.sum(REBUILDS) + Metrics.sum(COMMIT_FAILURES)).isEqualTo(rebuilds);
    }

    @Test
    void the_utf8_encoding_of_a_surrogate_sent_as_raw_bytes_is_invalid_text() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8("{\"fromAccountId\":\"" + holder[1] + "\",\"toAccountId\":\"" + other[1]
                + "\",\"quantity\":1,\"memo\":\"x"));
        body.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        body.writeBytes(utf8("\"}"));

        Answer answer = post(TestTokens.accountHolder(holder[0]), "/api/v1/transfers", body.toByteArray());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_text");
        assertThat(field(answer)).isEqualTo("memo");
    }

    @Test
    void a_surrogate_pair_and_other_unicode_are_accepted() {
        Answer answer = post(TestTokens.registryAdmin("MNG01"), "/api/v1/organizations",
                utf8("{\"registryId\":\"MNG01\",\"name\":\"Org \\ud83c\\udf33 \u6728 " + LedgerApi.key() + "\"}"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    @Test
    void a_body_that_starts_with_a_byte_order_mark_is_malformed_json() {
        byte[] json = utf8("{\"registryId\":\"MNG01\",\"name\":\"Org " + LedgerApi.key() + "\"}");
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);

        Answer answer = post(TestTokens.registryAdmin("MNG01"), "/api/v1/organizations", body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("malformed_json");
    }

    @Test
    void the_optional_body_of_a_freeze_is_checked_too() {
        Answer answer = post(TestTokens.registryAdmin("MNG01"), "/api/v1/accounts/" + holder[1] + "/freeze",
                utf8("{\"reason\":\"\\u0000\"}"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_text");
        assertThat(field(answer)).isEqualTo("reason");
    }

    private static Answer post(String token, String path, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", LedgerApi.key());
        return HostileHttp.send(new Case(path, "POST", path, headers, body));
    }

    private static String field(Answer answer) {
        try {
            return org.jcm.testsupport.Hostile.JSON.readTree(answer.body()).path("errors").path(0).path("field").asText(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String head() {
        return given().get("/api/v1/ledger/head").then().statusCode(200).extract().asString();
    }
}
