package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.Management;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Requests the ledger cannot record (a lone UTF-16 surrogate in a text, which has no canonical
 * JSON; a transfer batch whose Idempotency-Key is also an item's key, which PostgreSQL would refuse
 * as a duplicate) are answered alone with a 4xx problem, whether the HTTP edge refuses them (400)
 * or the writer does (422 {@code unprocessable_command}); they append nothing, the honest request
 * sent next is accepted, and the writer never rebuilds its state ({@code jcm_writer_rebuilds_total}).
 */
@QuarkusTest
class PoisonRequestsTest {

    @Test
    void requests_the_ledger_cannot_record_are_refused_alone_and_never_rebuild_the_writer() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(100L));
        double rebuilds = rebuilds();
        long head = LedgerProbe.headSeq();
        String holder = TestTokens.accountHolder(seller[0]);

        refused(post(holder, "/api/v1/transfers", LedgerApi.key(), "{\"fromAccountId\":\"" + seller[1]
                + "\",\"toAccountId\":\"" + buyer[1] + "\",\"quantity\":1,\"memo\":\"lone \\ud800 surrogate\"}"));
        refused(post(TestTokens.registryAdmin("MNG01"), "/api/v1/organizations", LedgerApi.key(),
                "{\"registryId\":\"MNG01\",\"name\":\"\\udc00\"}"));
        String key = LedgerApi.key();
        refused(post(holder, "/api/v1/transfer-batches", key, "{\"items\":[{\"idempotencyKey\":\"" + key
                + "\",\"fromAccountId\":\"" + seller[1] + "\",\"toAccountId\":\"" + buyer[1] + "\",\"quantity\":1}]}"));

        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
        post(holder, "/api/v1/transfers", LedgerApi.key(), "{\"fromAccountId\":\"" + seller[1] + "\",\"toAccountId\":\""
                + buyer[1] + "\",\"quantity\":7,\"memo\":\"honest \\ud83d\\ude00\"}").then().statusCode(201);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(7);
        assertThat(LedgerProbe.verify()).isEmpty();
        assertThat(rebuilds()).isEqualTo(rebuilds);
    }

    @Test
    void the_rebuild_and_poison_counters_are_exported_from_the_start() {
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jcm_writer_rebuilds_total{reason=\"commit_failed\"}"))
                .body(containsString("jcm_writer_rebuilds_total{reason=\"undo_failed\"}"))
                .body(containsString("jcm_writer_poison_commands_total{stage=\"encode\"}"))
                .body(containsString("jcm_writer_poison_commands_total{stage=\"store\"}"))
                .body(containsString("jcm_writer_batch_splits_total"));
    }

    private static void refused(Response response) {
        response.then().statusCode(anyOf(is(400), is(422)))
                .contentType(equalTo("application/problem+json"))
                .body("code", not(emptyOrNullString()));
        if (response.statusCode() == 422) {
            response.then().body("code", equalTo("unprocessable_command"));
        }
    }

    private static Response post(String token, String path, String key, String json) {
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key).body(json)
                .when().post(path);
    }

    /** The sum of jcm_writer_rebuilds_total over its reasons. */
    private static double rebuilds() {
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jcm_writer_rebuilds_total{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
