package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jcm.embedded.JwtIssuer;
import org.jcm.ledger.canonical.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's four-eyes requests, against a stand-in registry that records what it was sent. */
class DemoRequestsTest {

    /** One request the stand-in received: method, path, Idempotency-Key, the token's payload, the body. */
    private record Received(String method, String path, String key, Map<String, Object> token, String body) {
    }

    private final List<Received> received = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_four_eyes_action_is_proposed_by_one_actor_and_approved_without_a_body_by_the_approver(@TempDir Path keys)
            throws Exception {
        DemoRequests requests = standIn(keys, "{\"id\":\"PR00000007\",\"events\":[{\"type\":\"ProposalMade\"}]}");

        Object approval = requests.approved("issuance MN001-2024-01", "09-issuance-MNG01", "/api/v1/issuances",
                "JCM_TOKEN_ADMIN_MNG01", "JCM_TOKEN_APPROVER_MNG01", DemoSeeder.body("issuanceId", "MN001-2024-01"));

        assertThat(received).hasSize(2);
        Received proposal = received.get(0);
        assertThat(proposal.path()).isEqualTo("/api/v1/issuances");
        assertThat(proposal.key()).isEqualTo(DemoRequests.KEY_PREFIX + "09-issuance-MNG01");
        assertThat(proposal.token()).containsEntry("sub", "admin@MNG01").doesNotContainKey("approver");
        assertThat(proposal.body()).isEqualTo("{\"issuanceId\":\"MN001-2024-01\"}");
        Received approve = received.get(1);
        assertThat(approve.method()).isEqualTo("POST");
        assertThat(approve.path()).isEqualTo("/api/v1/proposals/PR00000007/approve");
        assertThat(approve.key()).isEqualTo(DemoRequests.KEY_PREFIX + "09-issuance-MNG01-approval");
        assertThat(approve.token()).containsEntry("sub", "approver@MNG01").containsEntry("approver", true)
                .containsEntry("registry", "MNG01");
        assertThat(approve.body()).isEmpty();
        assertThat(JsonTrees.find(approval, "id")).hasValue("PR00000007");
    }

    @Test
    void an_answer_that_names_no_proposal_stops_the_seeding_before_any_approval(@TempDir Path keys) throws Exception {
        DemoRequests requests = standIn(keys, "{\"id\":\"MN001-2024-01\",\"events\":[{\"type\":\"CreditsIssued\"}]}");

        assertThatThrownBy(() -> requests.approved("issuance MN001-2024-01", "09-issuance-MNG01", "/api/v1/issuances",
                "JCM_TOKEN_ADMIN_MNG01", "JCM_TOKEN_APPROVER_MNG01", DemoSeeder.body("issuanceId", "MN001-2024-01")))
                .isInstanceOf(SeedingException.class).hasMessageContaining("names no proposal id");
        assertThat(received).hasSize(1);
    }

    @Test
    void a_transfer_policy_is_put_with_an_explicit_null_threshold(@TempDir Path keys) throws Exception {
        DemoRequests requests = standIn(keys, "{\"organizationId\":\"JPN01-O0001\"}");

        new DemoControls(requests, new Progress(System.out)).transferPolicies(DemoIds.EXPECTED);

        assertThat(received).extracting(Received::method).containsExactly("PUT", "PUT");
        assertThat(received.get(1).path()).isEqualTo("/api/v1/organizations/" + DemoIds.EXPECTED.japaneseCompany()
                + "/transfer-policy");
        assertThat(received.get(1).body())
                .isEqualTo("{\"approvalThreshold\":null,\"untrustedNeedsApproval\":false,\"untrustedDelay\":\"PT26H\"}");
        assertThat(received.get(0).body())
                .isEqualTo("{\"approvalThreshold\":null,\"untrustedNeedsApproval\":false,\"untrustedDelay\":\"PT0S\"}");
    }

    /** A stand-in registry on a free port that answers every request 201 with {@code answer}. */
    private DemoRequests standIn(Path keys, String answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> record(exchange, answer));
        server.start();
        ApiClient client = new ApiClient(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
        return new DemoRequests(client, new DemoTokens(JwtIssuer.loadOrCreate(keys), Instant.now()), () -> DemoIds.EXPECTED);
    }

    @SuppressWarnings("unchecked")
    private void record(HttpExchange exchange, String answer) throws IOException {
        String bearer = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
        String payload = new String(Base64.getUrlDecoder().decode(bearer.split("\\.")[1]), StandardCharsets.UTF_8);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (received) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), (Map<String, Object>) Json.parse(payload), body));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
