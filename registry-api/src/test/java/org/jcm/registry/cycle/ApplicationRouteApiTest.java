package org.jcm.registry.cycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.testing.RouteApi.cite;
import static org.jcm.registry.testing.RouteApi.document;
import static org.jcm.registry.testing.RouteApi.ok;
import static org.jcm.registry.testing.RouteApi.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.registry.testing.RouteApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The whole project cycle through the REST API (docs/project-cycle.md): an application returned
 * once by the host government and resubmitted, confirmed, designed, validated and registered by the
 * Joint Committee; a monitoring cycle verified, issuance requested, decided by the JC secretariat,
 * and issued by the registry administrators (proposal and approval) exactly as decided. Party XRA
 * (alpha-2 XR) and the entities TPE-1801 and TPE-1802 are this class's own.
 */
@QuarkusTest
class ApplicationRouteApiTest {

    private static final String HOST = "XRA";
    private static final String HOST_REGISTRY = "XRA01";

    @Test
    void one_project_goes_the_whole_route_with_one_return_for_revision_and_its_credits_are_issued_as_decided() {
        RouteApi.partner(HOST, "XR", List.of(1, 3));
        LedgerApi.registry("JPN01");
        RouteApi.methodology("XR_AM001", HOST, 3, "APPROVED", false);
        RouteApi.entity("TPE-1801", List.of(3), List.of(HOST));
        RouteApi.entity("TPE-1802", List.of(3), List.of(HOST));
        String[] representative = LedgerApi.holder(HOST_REGISTRY);
        String partner = LedgerApi.organization("JPN01");
        String proxy = LedgerApi.organization("JPN01");
        String[] japan = LedgerApi.holder("JPN01");
        String rep = TestTokens.accountHolder(representative[0]);
        String byProxy = TestTokens.accountHolder(proxy);
        String government = TestTokens.government(HOST);
        String secretariat = TestTokens.jcSecretariat(HOST);
        String validator = TestTokens.thirdPartyEntity("TPE-1801");
        String verifier = TestTokens.thirdPartyEntity("TPE-1802");

        // The proxy submits the Project Idea Note; the host government returns it once.
        Map<String, Object> application = RouteApi.application(List.of(HOST), "XR_AM001", RouteApi.modelProject(5_000),
                RouteApi.participants(representative[0], List.of(partner), proxy), document(byProxy, "PIN"));
        Response submitted = LedgerApi.created(byProxy, "/api/v1/applications", application);
        String id = submitted.path("id");
        assertThat(id).matches("AP[0-9]{8}");
        assertThat(submitted.header("Location")).endsWith("/api/v1/applications/" + id);
        assertThat(submitted.<String>path("events[0].type")).isEqualTo("ApplicationSubmitted");
        String base = "/api/v1/applications/" + id;
        post(government, base + "/project-idea-review", RouteApi.review("RETURN", List.of("Explain the grid emission factor."),
                List.of())).then().statusCode(201).body("id", equalTo(id)).body("events[0].type", equalTo("ApplicationReviewed"));
        ok(rep, base + "/project-idea", RouteApi.idea(List.of(HOST), "XR_AM001", RouteApi.modelProject(5_000),
                document(rep, "PIN")));
        ok(government, base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(), List.of()));

        // Design, validation and the Joint Committee's registration.
        ok(byProxy, base + "/design", Map.of("documents", document(byProxy, "PDD")));
        ok(validator, base + "/validation", RouteApi.review("ACCEPT", List.of(), document(validator, "VALIDATION_REPORT")));
        Response registered = LedgerApi.created(secretariat, base + "/registration-decision",
                RouteApi.registration("ACCEPT", List.of(), document(secretariat, "JC_DECISION")));
        assertThat(registered.<List<String>>path("events.type")).containsExactly("ApplicationReviewed", "ProjectRegistered");
        String project = "XR001";
        given().when().get("/api/v1/projects/" + project).then().statusCode(200)
                .body("participants.organizationId", contains(representative[0], partner));

        // One monitoring cycle: report, verification, issuance request.
        Response reported = LedgerApi.created(rep, "/api/v1/monitoring-cycles", RouteApi.report(project, "2025-01-01",
                "2025-06-30", 1_200, document(rep, "MONITORING_REPORT")));
        String cycle = reported.path("id");
        assertThat(cycle).matches("MC[0-9]{8}");
        assertThat(reported.header("Location")).endsWith("/api/v1/monitoring-cycles/" + cycle);
        String cycles = "/api/v1/monitoring-cycles/" + cycle;
        ok(verifier, cycles + "/verification", RouteApi.verified(1_000, document(verifier, "VERIFICATION_REPORT")));
        Response requested = given().auth().oauth2(byProxy).header("Idempotency-Key", LedgerApi.key())
                .when().post(cycles + "/issuance-request");
        assertThat(requested.statusCode()).as(requested.asString()).isEqualTo(201);
        String request = requested.path("id");
        assertThat(request).startsWith("IR");
        assertThat(requested.<String>path("events[0].type")).isEqualTo("IssuanceRequested");

        // The JC secretariat decides two shares, each issued by its own registry; Japan's is at least half.
        ok(secretariat, cycles + "/issuance-decision", RouteApi.decision(List.of(
                RouteApi.share(HOST_REGISTRY, HOST, 2025, List.of(representative[1]), List.of(500L)),
                RouteApi.share("JPN01", HOST, 2025, List.of(japan[1]), List.of(500L))), japan[1],
                document(secretariat, "JC_DECISION")));

        // An issuance other than the decided share is refused; the decided one is issued on four eyes.
        Map<String, Object> wrong = RouteApi.issuance(project, request, List.of(representative[1]), List.of(400L));
        LedgerApi.as(TestTokens.registryAdmin(HOST_REGISTRY)).body(wrong).when().post("/api/v1/issuances").then()
                .statusCode(422).body("code", equalTo("issuance_not_as_decided"));
        Response issued = LedgerApi.approved(TestTokens.registryAdmin(HOST_REGISTRY),
                TestTokens.registryApprover(HOST_REGISTRY), "/api/v1/issuances",
                RouteApi.issuance(project, request, List.of(representative[1]), List.of(500L)));
        assertThat(issued.<List<String>>path("events.type")).containsExactly("ProposalApproved", "CreditsIssued");
        LedgerApi.approved(TestTokens.registryAdmin("JPN01"), TestTokens.registryApprover("JPN01"), "/api/v1/issuances",
                RouteApi.issuance(project, request, List.of(japan[1]), List.of(500L)));
        assertThat(LedgerProbe.balance(representative[1])).isEqualTo(500);
        assertThat(LedgerProbe.balance(japan[1])).isEqualTo(500);
        assertThat(LedgerProbe.verify()).isEmpty();
    }
}
