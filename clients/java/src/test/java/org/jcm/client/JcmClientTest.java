package org.jcm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jcm.client.registry.api.TransfersCancellationsAndRetirementsApi;
import org.jcm.client.registry.model.MutationResponse;
import org.jcm.client.registry.model.TransferRequest;
import org.junit.jupiter.api.Test;

/**
 * Tests the hand-written layer of the client against a JDK HttpServer stub: tokens, retries and
 * Retry-After, the Idempotency-Key kept across retries, problem+json as {@link JcmProblem}, paging.
 * Pauses are recorded, not waited for.
 */
class JcmClientTest {

    private static final String PROBLEM = "{\"type\":\"https://jcm.example/problems/insufficient_units\","
            + "\"title\":\"Insufficient units\",\"status\":422,\"code\":\"insufficient_units\","
            + "\"detail\":\"The account holds 10 units of that selection.\","
            + "\"errors\":[{\"field\":\"quantity\",\"detail\":\"at most 10\"}]}";
    private static final String BUSY = "{\"status\":503,\"code\":\"writer_unavailable\",\"detail\":\"failing over\"}";

    private final List<Duration> pauses = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), pauses::add);

    private JcmClient client(StubServer stub, String... tokens) {
        AtomicInteger next = new AtomicInteger();
        return JcmClient.builder(stub.uri()).retries(policy)
                .token(() -> tokens[Math.min(next.getAndIncrement(), tokens.length - 1)]).build();
    }

    private static TransferRequest transfer() {
        return new TransferRequest().fromAccountId("MNG01-H00001").toAccountId("JPN01-H00002").quantity(5L);
    }

    @Test
    void a_503_with_retry_after_is_retried_after_that_pause_with_the_same_idempotency_key_and_a_fresh_token()
            throws Exception {
        try (StubServer stub = new StubServer(StubServer.json(503, BUSY, "Retry-After", "7"),
                StubServer.json(503, BUSY, "Retry-After", "2"), StubServer.json(201, "{\"id\":\"T1\",\"events\":[]}"))) {
            TransfersCancellationsAndRetirementsApi api = new TransfersCancellationsAndRetirementsApi(
                    client(stub, "t1", "t2", "t3").registry());
            MutationResponse done = JcmClient.idempotent(key -> api.transfer(key, transfer()));

            assertThat(done.getId()).isEqualTo("T1");
            assertThat(pauses).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
            assertThat(stub.received).hasSize(3);
            assertThat(stub.received.stream().map(r -> r.headers().getFirst("Idempotency-Key")).distinct()
                    .collect(Collectors.toList())).hasSize(1).doesNotContainNull();
            assertThat(stub.received.stream().map(r -> r.headers().getFirst("Authorization")))
                    .containsExactly("Bearer t1", "Bearer t2", "Bearer t3");
            assertThat(stub.received).allMatch(r -> r.body().contains("\"quantity\":5"));
        }
    }

    @Test
    void two_logical_operations_get_two_keys() throws Exception {
        try (StubServer stub = new StubServer(StubServer.json(201, "{\"id\":\"T1\",\"events\":[]}"))) {
            TransfersCancellationsAndRetirementsApi api = new TransfersCancellationsAndRetirementsApi(
                    client(stub, "t").registry());
            JcmClient.idempotent(key -> api.transfer(key, transfer()));
            JcmClient.idempotent(key -> api.transfer(key, transfer()));
            assertThat(stub.received.stream().map(r -> r.headers().getFirst("Idempotency-Key")).distinct()).hasSize(2);
        }
    }

    @Test
    void a_429_without_retry_after_is_retried_with_doubling_pauses_and_given_up_after_the_last_attempt()
            throws Exception {
        String limited = "{\"status\":429,\"code\":\"rate_limited\",\"detail\":\"slow down\"}";
        try (StubServer stub = new StubServer(StubServer.json(429, limited))) {
            assertThatThrownBy(() -> client(stub, "t").get("/api/v1/me", "application/json"))
                    .isInstanceOfSatisfying(JcmProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(429);
                        assertThat(p.code()).isEqualTo("rate_limited");
                    });
            assertThat(stub.received).hasSize(3);
            assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void a_retry_after_longer_than_the_longest_pause_is_not_waited_for() throws Exception {
        try (StubServer stub = new StubServer(StubServer.json(503, BUSY, "Retry-After", "3600"))) {
            assertThatThrownBy(() -> client(stub, "t").get("/api/v1/me", "application/json"))
                    .isInstanceOfSatisfying(JcmProblem.class, p -> assertThat(p.headers().firstValue("Retry-After"))
                            .contains("3600"));
            assertThat(stub.received).hasSize(1);
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void other_errors_are_not_retried_and_become_a_typed_problem() throws Exception {
        try (StubServer stub = new StubServer(StubServer.json(422, PROBLEM))) {
            TransfersCancellationsAndRetirementsApi api = new TransfersCancellationsAndRetirementsApi(
                    client(stub, "t").registry());
            assertThatThrownBy(() -> JcmClient.idempotent(key -> api.transfer(key, transfer())))
                    .isInstanceOfSatisfying(JcmProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(422);
                        assertThat(p.code()).isEqualTo("insufficient_units");
                        assertThat(p.type()).isEqualTo("https://jcm.example/problems/insufficient_units");
                        assertThat(p.detail()).isEqualTo("The account holds 10 units of that selection.");
                        assertThat(p.errors()).containsExactly(new JcmProblem.FieldError("quantity", "at most 10"));
                    });
            assertThat(stub.received).hasSize(1);
        }
    }

    @Test
    void an_answer_without_a_problem_body_is_a_problem_named_by_its_status() throws Exception {
        try (StubServer stub = new StubServer(new StubServer.Answer(502, java.util.Map.of(), "<html>bad gateway</html>"))) {
            assertThatThrownBy(() -> client(stub, "t").get("/api/v1/me", "application/json"))
                    .isInstanceOfSatisfying(JcmProblem.class, p -> {
                        assertThat(p.code()).isEqualTo("http_502");
                        assertThat(p.detail()).isEqualTo("<html>bad gateway</html>");
                    });
        }
    }

    @Test
    void a_json_list_is_followed_through_its_next_cursors() throws Exception {
        try (StubServer stub = new StubServer(StubServer.json(200, "{\"items\":[{\"id\":\"P1\"},{\"id\":\"P2\"}],\"next\":\"c1\"}"),
                StubServer.json(200, "{\"items\":[{\"id\":\"P3\"}],\"next\":null}"))) {
            org.jcm.client.registry.api.TransferControlsApi api = new org.jcm.client.registry.api.TransferControlsApi(
                    client(stub, "t").registry());
            List<String> ids = Pages.items(after -> JcmClient.call(() -> api.listPendingTransfers(null, null, after, null)),
                    page -> page.getItems(), page -> page.getNext()).map(p -> p.getId()).toList();
            assertThat(ids).containsExactly("P1", "P2", "P3");
            assertThat(stub.received.get(1).uri()).contains("after=c1");
        }
    }

    @Test
    void csv_pages_are_followed_through_the_next_cursor_header() throws Exception {
        try (StubServer stub = new StubServer(
                new StubServer.Answer(200, java.util.Map.of("Next-Cursor", "abc"), "serial\r\nA\r\n"),
                new StubServer.Answer(200, java.util.Map.of(), "serial\r\nB\r\n"))) {
            JcmClient client = client(stub, "t");
            List<String> bodies = new ArrayList<>();
            int pages = Pages.byHeader(after -> client.get("/h?format=csv" + (after == null ? "" : "&after=" + after),
                    "text/csv"), page -> bodies.add(read(page)));
            assertThat(pages).isEqualTo(2);
            assertThat(bodies).containsExactly("serial\r\nA\r\n", "serial\r\nB\r\n");
            assertThat(stub.received.get(1).uri()).isEqualTo("/h?format=csv&after=abc");
        }
    }

    private static String read(HttpResponse<java.io.InputStream> page) {
        try (java.io.InputStream in = page.body()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
