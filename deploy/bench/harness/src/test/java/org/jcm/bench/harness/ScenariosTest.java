package org.jcm.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.canonical.Json;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    @Test
    void every_issuance_is_a_new_one_day_monitoring_cycle_of_its_project_with_the_vintage_of_that_day() {
        BenchRoute route = new BenchRoute("Bearer a", "Bearer v", "Bearer s", "0".repeat(64),
                List.of("MN001", "MN002", "MN003"));
        Set<String> cycles = new HashSet<>();
        for (long n = 0; n < 60_000; n++) {
            LocalDate day = Scenarios.issuanceDay(route, n);
            Map<String, Object> report = route.report(route.project(n), day, 100);
            Map<?, ?> issuance = (Map<?, ?>) Json.parse(Json.write(BenchRoute.issuance("id-" + n, route.project(n), day,
                    List.of(Map.of("accountId", "MNG01-H00001", "quantity", 100L)), 100, "IR000042")));
            assertThat(day).isAfterOrEqualTo(LocalDate.of(2040, 1, 1));
            assertThat(report.get("periodStart")).isEqualTo(report.get("periodEnd")).isEqualTo(day.toString());
            assertThat(issuance.get("monitoringPeriodStart")).isEqualTo(day.toString());
            assertThat(issuance.get("vintage")).isEqualTo((long) day.getYear());
            assertThat(cycles.add(route.project(n) + "/" + day)).as("cycle %d is new", n).isTrue();
        }
        assertThat(Scenarios.issuanceDay(route, 60_000).getYear()).isEqualTo(2094);
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
