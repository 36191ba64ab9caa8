package org.jcm.registry.cycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.testing.RouteApi.document;
import static org.jcm.registry.testing.RouteApi.ok;
import static org.jcm.registry.testing.RouteApi.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.registry.testing.RouteApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The route's scenarios through the REST API: a project of two host Parties whose decided shares
 * are issued into each host's own registry with its own numbering; a candidate promoted to partner
 * while the system runs and its first project; participants changed by the proxy with the
 * representative's consent, a monitoring report returned and resubmitted, and an application
 * withdrawn. Parties XNA, XOA, XPA and XWA and the entities TPE-1821 to TPE-1842 are this class's own.
 */
@QuarkusTest
class RouteScenariosApiTest {

    @Test
    void a_project_of_two_hosts_is_issued_into_each_hosts_registry_with_each_hosts_numbering() {
        partner("XNA", "XN", "CA9101");
        partner("XOA", "XO", "CA9102");
        RouteApi.methodology("XN_AM001", "XNA", 3, "APPROVED", false);
        RouteApi.entity("TPE-1821", List.of(3), List.of("XNA", "XOA"));
        RouteApi.entity("TPE-1822", List.of(3), List.of("XNA", "XOA"));
        String[] first = LedgerApi.holder("XNA01");
        String[] second = LedgerApi.holder("XOA01");
        String rep = TestTokens.accountHolder(first[0]);
        String id = ok(rep, "/api/v1/applications", RouteApi.application(List.of("XNA", "XOA"), "XN_AM001",
                RouteApi.privately(0), RouteApi.participants(first[0], List.of(second[0]), null), document(rep, "PIN")));
        String base = "/api/v1/applications/" + id;

        // Each host's government confirms; the application waits for the last one.
        Response one = LedgerApi.created(TestTokens.government("XNA"), base + "/project-idea-review",
                RouteApi.review("ACCEPT", List.of(), List.of()));
        assertThat(one.<List<String>>path("events.type")).containsExactly("ApplicationReviewed");
        post(TestTokens.government("XNA"), base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(), List.of()))
                .then().statusCode(409).body("code", equalTo("application_wrong_step"));
        ok(TestTokens.government("XOA"), base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(), List.of()));
        String project = register(rep, base, "XNA", "TPE-1821");
        assertThat(project).isEqualTo("XN001");

        String cycle = verifiedCycle(rep, project, "TPE-1822", 900);
        String request = requestIssuance(rep, cycle);
        // The Joint Committee of the first host decides a share per host registry, each in its own numbering.
        post(TestTokens.jcSecretariat("XOA"), cycle + "/issuance-decision", RouteApi.decision(List.of(
                RouteApi.share("XNA01", "XNA", 2025, List.of(first[1]), List.of(600L))), null, List.of()))
                .then().statusCode(403).body("code", equalTo("not_the_reviewer"));
        ok(TestTokens.jcSecretariat("XNA"), cycle + "/issuance-decision", RouteApi.decision(List.of(
                RouteApi.share("XNA01", "XNA", 2025, List.of(first[1]), List.of(600L)),
                RouteApi.share("XOA01", "XOA", 2025, List.of(second[1]), List.of(300L))), null,
                document(TestTokens.jcSecretariat("XNA"), "JC_DECISION")));

        Response inFirst = issue("XNA01", project, request, first[1], 600);
        Response inSecond = issue("XOA01", project, request, second[1], 300);
        assertThat(inFirst.<String>path("events[1].blocks[0].firstItmoId")).startsWith("CA9101-XNA01-XNA-1-");
        assertThat(inSecond.<String>path("events[1].blocks[0].firstItmoId")).startsWith("CA9102-XOA01-XOA-1-");
        assertThat(LedgerProbe.balance(first[1])).isEqualTo(600);
        assertThat(LedgerProbe.balance(second[1])).isEqualTo(300);
        // Each share is issued once.
        LedgerApi.as(TestTokens.registryAdmin("XOA01")).body(RouteApi.issuance(project, request, List.of(second[1]), List.of(300L))).when()
                .post("/api/v1/issuances").then().statusCode(409);
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void a_candidate_promoted_to_partner_while_the_system_runs_hosts_its_first_project() {
        RouteApi.party("XPA", "XP", "CANDIDATE", List.of());
        LedgerApi.registry("XPA01");
        String[] holder = LedgerApi.holder("XPA01");
        String rep = TestTokens.accountHolder(holder[0]);
        // A candidate has no Joint Committee: no methodology, so no application.
        post(TestTokens.jcSecretariat("XPA"), "/api/v1/methodologies", Map.of("id", "XP_AM001", "hostParty", "XPA",
                "title", "Efficient chillers", "sectoralScope", 3, "version", 1, "status", "APPROVED"))
                .then().statusCode(422).body("code", equalTo("host_not_jcm_partner"));
        post(rep, "/api/v1/applications", RouteApi.application(List.of("XPA"), "XP_AM001", RouteApi.privately(0),
                RouteApi.participants(holder[0], List.of(), null), document(rep, "PIN")))
                .then().statusCode(404).body("code", equalTo("unknown_methodology"));

        // The operator promotes it; its secretariat registers a methodology; its first project follows.
        LedgerApi.as(TestTokens.operator()).body(RouteApi.partyBody("XPA", "XP", "PARTNER", List.of(3)))
                .when().put("/api/v1/parties/XPA").then().statusCode(201).body("events[0].type", equalTo("PartyUpdated"));
        RouteApi.methodology("XP_AM001", "XPA", 3, "APPROVED", false);
        RouteApi.entity("TPE-1831", List.of(3), List.of("XPA"));
        String id = ok(rep, "/api/v1/applications", RouteApi.application(List.of("XPA"), "XP_AM001", RouteApi.privately(0),
                RouteApi.participants(holder[0], List.of(), null), document(rep, "PIN")));
        ok(TestTokens.government("XPA"), "/api/v1/applications/" + id + "/project-idea-review",
                RouteApi.review("ACCEPT", List.of(), List.of()));
        String project = register(rep, "/api/v1/applications/" + id, "XPA", "TPE-1831");
        assertThat(project).isEqualTo("XP001");
        given().when().get("/api/v1/projects/XP001").then().statusCode(200).body("participants[0].organizationId",
                equalTo(holder[0]));
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void participants_change_with_consent_a_returned_report_is_resubmitted_and_an_application_is_withdrawn() {
        partner("XWA", "XW", "CA9103");
        RouteApi.methodology("XW_AM001", "XWA", 3, "APPROVED", true);
        RouteApi.entity("TPE-1841", List.of(3), List.of("XWA"));
        String representative = LedgerApi.organization("XWA01");
        String proxy = LedgerApi.organization("XWA01");
        String joining = LedgerApi.organization("XWA01");
        String rep = TestTokens.accountHolder(representative);
        String byProxy = TestTokens.accountHolder(proxy);
        String id = ok(byProxy, "/api/v1/applications", RouteApi.application(List.of("XWA"), "XW_AM001", RouteApi.privately(0),
                RouteApi.participants(representative, List.of(), proxy), document(byProxy, "PIN")));
        String base = "/api/v1/applications/" + id;

        // The proxy's change waits for the representative's consent; the proxy cannot consent.
        Map<String, Object> change = Map.of("participants", RouteApi.participants(representative, List.of(joining), proxy));
        post(byProxy, base + "/participant-changes", change).then().statusCode(201)
                .body("events[0].type", equalTo("ParticipantChangeProposed"));
        given().auth().oauth2(byProxy).header("Idempotency-Key", LedgerApi.key()).post(base + "/participant-changes/consent")
                .then().statusCode(403).body("code", equalTo("consent_required"));
        given().auth().oauth2(rep).header("Idempotency-Key", LedgerApi.key()).contentType("application/json").body("{}")
                .post(base + "/participant-changes/consent").then().statusCode(201)
                .body("events[0].type", equalTo("ParticipantsChanged"));
        given().auth().oauth2(rep).header("Idempotency-Key", LedgerApi.key()).post(base + "/participant-changes/consent")
                .then().statusCode(409).body("code", equalTo("application_wrong_step"));

        ok(TestTokens.government("XWA"), base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(), List.of()));
        String project = register(rep, base, "XWA", "TPE-1841");
        given().when().get("/api/v1/projects/" + project).then().statusCode(200)
                .body("participants.organizationId", org.hamcrest.Matchers.contains(representative, joining));

        // The verifier (the validator too, as the methodology allows) returns the report once.
        String tpe = TestTokens.thirdPartyEntity("TPE-1841");
        String cycle = "/api/v1/monitoring-cycles/" + ok(rep, "/api/v1/monitoring-cycles", RouteApi.report(project,
                "2025-01-01", "2025-06-30", 500, document(rep, "MONITORING_REPORT")));
        ok(tpe, cycle + "/verification", Map.of("verdict", "RETURN", "reasons", List.of("Calibrate the meter.")));
        Map<String, Object> revised = new HashMap<>(RouteApi.report(project, "2025-01-01", "2025-06-30", 450,
                document(byProxy, "MONITORING_REPORT")));
        revised.remove("projectId");
        ok(byProxy, cycle + "/report", revised);
        post(byProxy, cycle + "/report", revised).then().statusCode(409).body("code", equalTo("application_wrong_step"));
        ok(tpe, cycle + "/verification", RouteApi.verified(450, document(tpe, "VERIFICATION_REPORT")));

        // A second application is withdrawn by its applicant, and then nothing more can happen to it.
        String second = ok(rep, "/api/v1/applications", RouteApi.application(List.of("XWA"), "XW_AM001",
                RouteApi.privately(0), RouteApi.participants(representative, List.of(), null), document(rep, "PIN")));
        post(byProxy, "/api/v1/applications/" + second + "/withdrawal", Map.of()).then().statusCode(403)
                .body("code", equalTo("not_the_applicant"));
        post(rep, "/api/v1/applications/" + second + "/withdrawal", Map.of("reasons", List.of("The site was sold.")))
                .then().statusCode(201).body("events[0].type", equalTo("ApplicationWithdrawn")).body("id", equalTo(second));
        post(TestTokens.government("XWA"), "/api/v1/applications/" + second + "/project-idea-review",
                RouteApi.review("ACCEPT", List.of(), List.of())).then().statusCode(409)
                .body("code", equalTo("application_wrong_step"));
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    /** A partner with a cooperative approach, scope 3, and its registry. */
    private static void partner(String code, String iso2, String cooperativeApproach) {
        Map<String, Object> body = RouteApi.partyBody(code, iso2, "PARTNER", List.of(3));
        body.put("cooperativeApproachId", cooperativeApproach);
        LedgerApi.created(TestTokens.operator(), "/api/v1/parties", body);
        LedgerApi.registry(code + "01");
    }

    /** From PIN_CONFIRMED to REGISTERED: design, validation, registration; returns the project id. */
    private static String register(String applicant, String base, String firstHost, String validator) {
        ok(applicant, base + "/design", Map.of("documents", document(applicant, "PDD")));
        String tpe = TestTokens.thirdPartyEntity(validator);
        ok(tpe, base + "/validation", RouteApi.review("ACCEPT", List.of(), document(tpe, "VALIDATION_REPORT")));
        Response registered = LedgerApi.created(TestTokens.jcSecretariat(firstHost), base + "/registration-decision",
                RouteApi.registration("ACCEPT", List.of(), List.of()));
        assertThat(registered.<String>path("events[1].type")).isEqualTo("ProjectRegistered");
        return firstHost.substring(0, 2) + "001";
    }

    /** A monitoring cycle of 2025's first half, verified at {@code quantity}; returns its path. */
    private static String verifiedCycle(String applicant, String project, String verifier, long quantity) {
        String cycle = "/api/v1/monitoring-cycles/" + ok(applicant, "/api/v1/monitoring-cycles", RouteApi.report(project,
                "2025-01-01", "2025-06-30", quantity, document(applicant, "MONITORING_REPORT")));
        String tpe = TestTokens.thirdPartyEntity(verifier);
        ok(tpe, cycle + "/verification", RouteApi.verified(quantity, document(tpe, "VERIFICATION_REPORT")));
        return cycle;
    }

    private static String requestIssuance(String applicant, String cycle) {
        Response requested = given().auth().oauth2(applicant).header("Idempotency-Key", LedgerApi.key())
                .post(cycle + "/issuance-request");
        assertThat(requested.statusCode()).as(requested.asString()).isEqualTo(201);
        return requested.path("id");
    }

    private static Response issue(String registry, String project, String request, String account, long quantity) {
        return LedgerApi.approved(TestTokens.registryAdmin(registry), TestTokens.registryApprover(registry),
                "/api/v1/issuances", RouteApi.issuance(project, request, List.of(account), List.of(quantity)));
    }
}
