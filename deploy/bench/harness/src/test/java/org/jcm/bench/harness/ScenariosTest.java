package org.jcm.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.canonical.Json;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    @Test
    void every_issuance_is_a_new_joint_committee_decision_with_the_vintage_inside_the_period_of_its_request() {
        Set<String> decisions = new HashSet<>();
        for (long n = 0; n < 200_000; n += 7) {
            Map<?, ?> body = (Map<?, ?>) Json.parse(Scenarios.issuanceJson("id-" + n, "MN001", n,
                    "[{\"accountId\":\"MNG01-H00001\",\"quantity\":100}]", "IR000042"));
            Map<?, ?> request = (Map<?, ?>) Json.parse(Scenarios.issuanceRequestJson("MN001", n / 61, 6_100));
            String start = (String) body.get("monitoringPeriodStart");
            String end = (String) body.get("monitoringPeriodEnd");
            long vintage = ((Number) body.get("vintage")).longValue();
            assertThat(vintage).isBetween(2040L, 2100L);
            assertThat(Long.parseLong(start.substring(0, 4))).isLessThanOrEqualTo(vintage);
            assertThat(Long.parseLong(end.substring(0, 4))).isGreaterThanOrEqualTo(vintage);
            assertThat(start.compareTo(end)).isLessThan(0);
            assertThat(body.get("issuanceRequestId")).isEqualTo("IR000042");
            assertThat(request.get("monitoringPeriodStart")).isEqualTo(start);
            assertThat(request.get("monitoringPeriodEnd")).isEqualTo(end);
            assertThat(request.get("projectId")).isEqualTo("MN001");
            assertThat(decisions.add(start + "/" + end + "/" + vintage)).as("decision %d is new", n).isTrue();
        }
    }

    @Test
    void a_transfer_body_is_the_json_the_api_expects() {
        Object body = Json.parse(Scenarios.transferJson("MNG01-H00001", "MNG01-H00002"));
        assertThat(body).isEqualTo(Map.of("fromAccountId", "MNG01-H00001", "toAccountId", "MNG01-H00002", "quantity", 1L));
    }

    @Test
    void a_batch_counts_accepted_items_as_done_and_the_rest_as_failed() {
        LoadClient.Answer answer = new LoadClient.Answer(200, Buffer.buffer(
                "{\"items\":[{\"idempotencyKey\":\"k.0\",\"status\":201,\"result\":{\"events\":[]}},"
                        + "{\"idempotencyKey\":\"k.1\",\"status\":409,\"problem\":{\"code\":\"insufficient_units\"}},"
                        + "{\"idempotencyKey\":\"k.2\",\"status\":201,\"result\":{\"events\":[]}}]}"), 77, null);

        Outcome outcome = Scenarios.batchOutcome(answer, 3);

        assertThat(outcome).isEqualTo(new Outcome(77, 2, 1, "item refused insufficient_units"));
    }

    @Test
    void a_refused_request_is_named_by_its_status_and_problem_code() {
        LoadClient.Answer refused = new LoadClient.Answer(503, Buffer.buffer(
                "{\"type\":\"about:blank\",\"status\":503,\"code\":\"writer_overloaded\"}"), 5, null);
        LoadClient.Answer lost = new LoadClient.Answer(0, Buffer.buffer(), 6, "ConnectException: refused");

        assertThat(Scenarios.expect(refused, 201)).isEqualTo(Outcome.failure(5, "HTTP 503 writer_overloaded"));
        assertThat(Scenarios.expect(lost, 201)).isEqualTo(Outcome.failure(6, "ConnectException: refused"));
        assertThat(Scenarios.batchOutcome(refused, 100)).isEqualTo(new Outcome(5, 0, 100, "HTTP 503 writer_overloaded"));
        assertThat(Scenarios.expect(new LoadClient.Answer(201, Buffer.buffer("{}"), 9, null), 201)).isEqualTo(Outcome.success(9, 1));
    }
}
