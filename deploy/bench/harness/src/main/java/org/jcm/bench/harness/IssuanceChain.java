package org.jcm.bench.harness;

import io.vertx.core.buffer.Buffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jcm.ledger.canonical.Json;

/**
 * One issuance of the issuance scenario, request after request: the monitoring report of one day,
 * its verification, the issuance request, the JC secretariat's decision of one share of 100 units to
 * {@code account}, the administrator's proposal of that issuance and the second administrator's
 * approval. The first answer that is not 201 ends it as a failure named by the step, status and
 * problem code; the approval's 201 is the issuance.
 */
final class IssuanceChain {

    private static final long QUANTITY = 100;

    private final LoadClient client;
    private final World world;
    private final String key;
    private final String project;
    private final LocalDate day;
    private final List<Object> allocations;

    IssuanceChain(LoadClient client, World world, String key, String project, LocalDate day, String account) {
        this.client = client;
        this.world = world;
        this.key = key;
        this.project = project;
        this.day = day;
        this.allocations = List.of(WorldBuilder.body("accountId", account, "quantity", QUANTITY));
    }

    CompletionStage<Outcome> run() {
        BenchRoute route = world.route();
        return step("report", "/api/v1/monitoring-cycles", route.applicant(), route.report(project, day, QUANTITY), cycle -> {
            String path = "/api/v1/monitoring-cycles/" + cycle;
            return step("verification", path + "/verification", route.verifier(), route.verification(QUANTITY), verified ->
                    step("request", path + "/issuance-request", route.applicant(), WorldBuilder.body(), request ->
                            step("decision", path + "/issuance-decision", route.secretariat(), BenchRoute.decision(
                                    world.registryId(), day.getYear(), allocations, "JC-BENCH-" + cycle), decided ->
                                    step("proposal", "/api/v1/issuances", world.adminAuthorization(), BenchRoute.issuance(key,
                                            project, day, allocations, QUANTITY, request), proposal ->
                                            approve(proposal)))));
        });
    }

    private CompletionStage<Outcome> approve(String proposal) {
        return client.send(LoadClient.Request.post("/api/v1/proposals/" + proposal + "/approve", world.approverAuthorization(),
                key + "-approval", null)).thenApply(answer -> Scenarios.expect(answer, 201));
    }

    /** POSTs {@code body}; on 201 goes on with the answer's id, otherwise ends as a failure of this step. */
    private CompletionStage<Outcome> step(String name, String path, String authorization, Map<String, Object> body,
                                          Function<String, CompletionStage<Outcome>> next) {
        return client.send(LoadClient.Request.post(path, authorization, key + "-" + name, Buffer.buffer(Json.write(body))))
                .thenCompose(answer -> {
                    if (answer.status() == 201 && Json.parse(answer.text()) instanceof Map<?, ?> map
                            && map.get("id") instanceof String id) {
                        return next.apply(id);
                    }
                    return CompletableFuture.completedFuture(Outcome.failure(answer.completedNanos(),
                            name + " " + Scenarios.reason(answer)));
                });
    }
}
