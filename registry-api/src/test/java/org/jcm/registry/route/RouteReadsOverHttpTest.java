package org.jcm.registry.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.RouteApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The route driven through its HTTP endpoints, read back as it moves: the monitoring cycle's holder
 * from the entity to the JC secretariat of the host to the registry's administrators and to nobody
 * once its decided share is issued, and POST /ledger/verify agreeing with every read table at the end.
 */
@QuarkusTest
class RouteReadsOverHttpTest {

    private static final String HOST = "XRD";
    private static final String REGISTRY = "XRD01";

    @Test
    void a_cycle_is_held_by_the_entity_the_secretariat_the_administrators_and_nobody_once_its_share_is_issued() {
        RouteApi.partner(HOST, "XD", List.of(3));
        RouteApi.methodology("XD_AM001", HOST, 3, "APPROVED", true);
        RouteApi.entity("TPE-1871", List.of(3), List.of(HOST));
        String[] representative = LedgerApi.holder(REGISTRY);
        String rep = TestTokens.accountHolder(representative[0]);
        String government = TestTokens.government(HOST);
        String secretariat = TestTokens.jcSecretariat(HOST);
        String entity = TestTokens.thirdPartyEntity("TPE-1871");

        String id = RouteApi.ok(rep, "/api/v1/applications", RouteApi.application(List.of(HOST), "XD_AM001",
                RouteApi.privately(0), RouteApi.participants(representative[0], List.of(), null), RouteApi.document(rep, "PIN")));
        String base = "/api/v1/applications/" + id;
        given().auth().oauth2(rep).get("/api/v1/applications?mine=true&holder=HOST_GOVERNMENT").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].heldBy.parties", contains(HOST));
        RouteApi.ok(government, base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(), List.of()));
        RouteApi.ok(rep, base + "/design", Map.of("documents", RouteApi.document(rep, "PDD")));
        RouteApi.ok(entity, base + "/validation", RouteApi.review("ACCEPT", List.of(), RouteApi.document(entity, "VALIDATION_REPORT")));
        RouteApi.ok(secretariat, base + "/registration-decision", RouteApi.registration("ACCEPT", List.of(), List.of()));
        String project = given().get(base).then().statusCode(200).body("state", equalTo("REGISTERED"))
                .extract().path("projectId");

        String cycle = RouteApi.ok(rep, "/api/v1/monitoring-cycles", RouteApi.report(project, "2025-01-01", "2025-06-30",
                1_000, RouteApi.document(rep, "MONITORING_REPORT")));
        String path = "/api/v1/monitoring-cycles/" + cycle;
        given().get(path).then().statusCode(200).body("heldBy.holder", equalTo("THIRD_PARTY_ENTITY"));
        RouteApi.ok(entity, path + "/verification", RouteApi.verified(900, RouteApi.document(entity, "VERIFICATION_REPORT")));
        String request = LedgerApi.as(rep).post(path + "/issuance-request").then().statusCode(201).extract().path("id");
        given().get(path).then().statusCode(200).body("state", equalTo("ISSUANCE_REQUESTED"))
                .body("heldBy.holder", equalTo("JC_SECRETARIAT")).body("heldBy.parties", contains(HOST))
                .body("issuanceRequestId", equalTo(request));
        RouteApi.ok(secretariat, path + "/issuance-decision", RouteApi.decision(List.of(RouteApi.share(REGISTRY, HOST, 2025,
                List.of(representative[1]), List.of(900L))), null, List.of()));
        given().get(path).then().statusCode(200).body("state", equalTo("ISSUANCE_DECIDED"))
                .body("heldBy.holder", equalTo("REGISTRY_ADMINISTRATORS")).body("heldBy.parties", empty())
                .body("shares[0].registryId", equalTo(REGISTRY)).body("shares[0].vintage", equalTo(2025))
                .body("shares[0].allocations[0].accountId", equalTo(representative[1]))
                .body("shares[0].allocations[0].quantity", equalTo(900)).body("issuedShares", empty())
                .body("reviews.step", contains("VERIFICATION", "ISSUANCE_DECISION"));

        Map<String, Object> issuance = new HashMap<>();
        issuance.put("issuanceId", project + "-2025-" + UUID.randomUUID().toString().substring(0, 8));
        issuance.put("projectId", project);
        issuance.put("monitoringPeriodStart", "2025-01-01");
        issuance.put("monitoringPeriodEnd", "2025-06-30");
        issuance.put("vintage", 2025);
        issuance.put("totalQuantity", 900);
        issuance.put("allocations", List.of(Map.of("accountId", representative[1], "quantity", 900)));
        issuance.put("issuanceRequestId", request);
        LedgerApi.approved(TestTokens.registryAdmin(REGISTRY), TestTokens.registryApprover(REGISTRY), "/api/v1/issuances",
                issuance);
        given().get(path).then().statusCode(200).body("state", equalTo("ISSUED"))
                .body("heldBy.holder", equalTo("NOBODY")).body("issuedShares", contains(REGISTRY + "/2025"));
        given().get("/api/v1/monitoring-cycles?projectId=" + project + "&holder=NOBODY").then().statusCode(200)
                .body("items.id", contains(cycle));
        LedgerApi.as(TestTokens.auditor()).post("/api/v1/ledger/verify").then().statusCode(200).body("ok", equalTo(true));
    }
}
