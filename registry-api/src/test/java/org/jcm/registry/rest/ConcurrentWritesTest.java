package org.jcm.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jcm.registry.testing.Http;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Tests the single writer under concurrent requests: overdrawing transfers, retries racing their
 * original, and key reuse racing another body. Afterwards the stored events replay to exactly the
 * stored blocks and every invariant holds.
 */
@QuarkusTest
class ConcurrentWritesTest {

    @Test
    void of_200_concurrent_transfers_that_would_overdraw_exactly_the_affordable_ones_succeed() throws Exception {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(1000L));
        long headBefore = LedgerProbe.headSeq();

        List<Http.Answer> answers;
        try (Http http = new Http()) {
            List<CompletableFuture<Http.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(http.post("/api/v1/transfers", TestTokens.accountHolder(seller[0]), LedgerApi.key(),
                        "{\"fromAccountId\":\"" + seller[1] + "\",\"toAccountId\":\"" + buyer[1] + "\",\"quantity\":7}"));
            }
            answers = Http.all(futures);
        }

        List<Http.Answer> accepted = answers.stream().filter(a -> a.status() == 201).toList();
        List<Http.Answer> refused = answers.stream().filter(a -> a.status() != 201).toList();
        assertThat(accepted).hasSize(1000 / 7);
        assertThat(refused).hasSize(200 - 1000 / 7).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(JsonPath.from(a.body()).getString("code")).isEqualTo("insufficient_units");
        });
        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(1000 % 7);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(1000 / 7 * 7);
        assertThat(LedgerProbe.headSeq()).isEqualTo(headBefore + 1000 / 7);

        // No unit was handed out twice: the answered blocks are disjoint and cover 994 units.
        List<long[]> ranges = new ArrayList<>();
        for (Http.Answer a : accepted) {
            String serial = JsonPath.from(a.body()).getString("events[0].blocks[0].serial");
            String[] parts = serial.split("-");
            ranges.add(new long[] {Long.parseLong(parts[3]), Long.parseLong(parts[4])});
        }
        ranges.sort((x, y) -> Long.compare(x[0], y[0]));
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i)[0]).isGreaterThan(ranges.get(i - 1)[1]);
        }
        assertThat(ranges.stream().mapToLong(r -> r[1] - r[0] + 1).sum()).isEqualTo(1000 / 7 * 7);
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void the_same_request_retried_concurrently_with_one_key_has_one_effect_and_identical_answers() throws Exception {
        LedgerApi.registry("MNG01");
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(500L));
        long headBefore = LedgerProbe.headSeq();
        String key = LedgerApi.key();
        String body = "{\"fromAccountId\":\"" + seller[1] + "\",\"toAccountId\":\"" + buyer[1] + "\",\"quantity\":40}";

        List<Http.Answer> answers;
        try (Http http = new Http()) {
            List<CompletableFuture<Http.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(http.post("/api/v1/transfers", TestTokens.accountHolder(seller[0]), key, body));
            }
            answers = Http.all(futures);
            // And once more after everything committed: answered from PostgreSQL.
            answers = new ArrayList<>(answers);
            answers.add(http.post("/api/v1/transfers", TestTokens.accountHolder(seller[0]), key, body).join());
        }

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(answers.stream().map(Http.Answer::body).collect(Collectors.toSet())).hasSize(1);
        assertThat(LedgerProbe.headSeq()).isEqualTo(headBefore + 1);
        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(460);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(40);
    }

    @Test
    void one_key_raced_with_different_bodies_has_exactly_one_effect_and_the_others_are_told_the_key_was_reused() {
        LedgerApi.registry("MNG01");
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(500L));
        long headBefore = LedgerProbe.headSeq();
        String key = LedgerApi.key();

        List<Http.Answer> answers;
        try (Http http = new Http()) {
            List<CompletableFuture<Http.Answer>> futures = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                futures.add(http.post("/api/v1/transfers", TestTokens.accountHolder(seller[0]), key,
                        "{\"fromAccountId\":\"" + seller[1] + "\",\"toAccountId\":\"" + buyer[1] + "\",\"quantity\":" + i + "}"));
            }
            answers = Http.all(futures);
        }

        List<Http.Answer> accepted = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(accepted).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409))
                .hasSize(29)
                .allSatisfy(a -> assertThat(JsonPath.from(a.body()).getString("code")).isEqualTo("idempotency_key_reused"));
        int moved = JsonPath.from(accepted.get(0).body()).getInt("events[0].blocks[0].quantity");
        assertThat(LedgerProbe.headSeq()).isEqualTo(headBefore + 1);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(moved);
    }
}
