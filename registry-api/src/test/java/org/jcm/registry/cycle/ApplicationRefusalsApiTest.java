package org.jcm.registry.cycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.registry.testing.RouteApi.cite;
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
 * Every refusal of the project cycle's route through the REST API: wrong role, wrong step, wrong
 * host, an unapproved methodology, a scope outside the agreement, a candidate host, a document never
 * uploaded, someone other than the applicant, the validator verifying, a decision below Japan's
 * financing share. Each answers its problem and writes nothing (the ledger's head does not move).
 * Parties XFA (scopes 1 and 3), XFB (scope 1 only) and the candidate XFC, and the entities
 * TPE-1811 to TPE-1813, are this class's own.
 */
@QuarkusTest
class ApplicationRefusalsApiTest {

    private static final String HOST = "XFA";
    private static World world;

    /** What the tests of this class share, set up once through the API. */
    record World(String representative, String account, String participant, String proxy, String japanAccount) {
    }

    static synchronized World world() {
        if (world == null) {
            RouteApi.partner(HOST, "XF", List.of(1, 3));
            RouteApi.partner("XFB", "XG", List.of(1));
            RouteApi.party("XFC", "XH", "CANDIDATE", List.of(3));
            LedgerApi.registry("JPN01");
            RouteApi.methodology("XF_AM001", HOST, 3, "APPROVED", false);
            RouteApi.methodology("XF_AM002", HOST, 3, "DRAFT", false);
            RouteApi.methodology("XG_AM001", "XFB", 1, "APPROVED", false);
            RouteApi.entity("TPE-1811", List.of(3), List.of(HOST));
            RouteApi.entity("TPE-1812", List.of(3), List.of("XFB"));
            RouteApi.entity("TPE-1813", List.of(3), List.of(HOST));
            String[] rep = LedgerApi.holder(HOST + "01");
            world = new World(rep[0], rep[1], LedgerApi.organization("JPN01"), LedgerApi.organization("JPN01"),
                    LedgerApi.holder("JPN01")[1]);
        }
        return world;
    }

    static void refused(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>path("code")).isEqualTo(code);
    }

    private static Map<String, Object> application(World w, List<String> hosts, String methodology,
                                                   List<Map<String, Object>> documents) {
        return RouteApi.application(hosts, methodology, RouteApi.privately(5_000),
                RouteApi.participants(w.representative(), List.of(w.participant()), w.proxy()), documents);
    }

    @Test
    void an_application_is_refused_for_the_wrong_role_methodology_scope_host_documents_or_applicant() {
        World w = world();
        String rep = TestTokens.accountHolder(w.representative());
        List<Map<String, Object>> pin = document(rep, "PIN");
        String bystander = TestTokens.accountHolder(LedgerApi.organization("JPN01"));
        String theirs = RouteApi.upload(bystander, "confidential.pdf");
        long head = LedgerProbe.headSeq();

        refused(post(TestTokens.government(HOST), "/api/v1/applications", application(w, List.of(HOST), "XF_AM001", pin)),
                403, "forbidden_role");
        refused(post(TestTokens.jcSecretariat(HOST), "/api/v1/applications", application(w, List.of(HOST), "XF_AM001", pin)),
                403, "forbidden_role");
        String participant = TestTokens.accountHolder(w.participant());
        refused(post(participant, "/api/v1/applications", application(w, List.of(HOST), "XF_AM001",
                document(participant, "PIN"))), 403, "not_the_applicant");
        refused(post(rep, "/api/v1/applications", application(w, List.of(HOST), "XF_AM002", pin)), 422,
                "methodology_not_approved");
        refused(post(rep, "/api/v1/applications", application(w, List.of(HOST, "XFB"), "XF_AM001", pin)), 422,
                "scope_not_in_agreement");
        refused(post(rep, "/api/v1/applications", application(w, List.of("XFB"), "XF_AM001", pin)), 422,
                "methodology_not_of_host");
        refused(post(rep, "/api/v1/applications", application(w, List.of(HOST, "XFC"), "XF_AM001", pin)), 422,
                "host_not_jcm_partner");
        refused(post(rep, "/api/v1/applications", application(w, List.of(HOST), "XF_AM999", pin)), 404,
                "unknown_methodology");
        refused(post(rep, "/api/v1/applications", application(w, List.of(HOST), "XF_AM001", document(rep, "PDD"))), 422,
                "missing_document");

        // A cited hash never uploaded: 422 before the writer; malformed citations: 400.
        Response unknown = post(rep, "/api/v1/applications", application(w, List.of(HOST), "XF_AM001",
                List.of(pin.get(0), cite("ab".repeat(32), "OTHER"))));
        refused(unknown, 422, "unknown_document");
        assertThat(unknown.<String>path("errors[0].field")).isEqualTo("documents[1].sha256");
        // Bytes someone else uploaded, which the applicant may not read: the same 422, so that citing
        // cannot hand another company's document to the applicant's own application (and its audience).
        Response notTheirs = post(rep, "/api/v1/applications", application(w, List.of(HOST), "XF_AM001",
                List.of(pin.get(0), cite(theirs, "OTHER"))));
        refused(notTheirs, 422, "unknown_document");
        assertThat(notTheirs.<String>path("errors[0].field")).isEqualTo("documents[1].sha256");
        assertThat(given().auth().oauth2(rep).when().get("/api/v1/documents/" + theirs).statusCode()).isEqualTo(403);
        refused(post(rep, "/api/v1/applications", application(w, List.of(HOST), "XF_AM001",
                List.of(cite("AB".repeat(32), "PIN")))), 400, "invalid_field");
        refused(post(rep, "/api/v1/applications", application(w, List.of(HOST), "XF_AM001",
                List.of(cite((String) pin.get(0).get("sha256"), "BROCHURE")))), 400, "invalid_field");
        Map<String, Object> noFinancing = application(w, List.of(HOST), "XF_AM001", pin);
        noFinancing.remove("financing");
        refused(post(rep, "/api/v1/applications", noFinancing), 400, "invalid_field");
        Map<String, Object> badFinancing = application(w, List.of(HOST), "XF_AM001", pin);
        badFinancing.put("financing", Map.of("kind", "PRIVATE", "programme", "JCM Model Projects", "japanShareBasisPoints", 0));
        refused(post(rep, "/api/v1/applications", badFinancing), 400, "invalid_field");
        refused(LedgerApi.as(rep).body("{\"title\": ").when().post("/api/v1/applications"), 400, "malformed_json");
        refused(given().auth().oauth2(rep).contentType("application/json")
                .body(application(w, List.of(HOST), "XF_AM001", pin)).when().post("/api/v1/applications"), 400,
                "idempotency_key_required");
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
    }

    @Test
    void a_retry_with_the_same_key_answers_the_first_answer_and_another_body_under_that_key_is_refused() {
        World w = world();
        String rep = TestTokens.accountHolder(w.representative());
        Map<String, Object> body = application(w, List.of(HOST), "XF_AM001", document(rep, "PIN"));
        String key = LedgerApi.key();
        Response first = given().auth().oauth2(rep).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/api/v1/applications");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        long head = LedgerProbe.headSeq();
        Response again = given().auth().oauth2(rep).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/api/v1/applications");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        Map<String, Object> other = new HashMap<>(body);
        other.put("title", "Another project");
        refused(given().auth().oauth2(rep).contentType("application/json").header("Idempotency-Key", key)
                .body(other).post("/api/v1/applications"), 409, "idempotency_key_reused");
        // The same subject and key with another organization in its token: the writer's replay answer,
        // 403 forbidden, though that organization may not read (so not cite) the PIN.
        String elsewhere = TestTokens.token("holder@" + w.representative(), java.util.Set.of("account-holder"),
                Map.of("org", w.participant()));
        refused(given().auth().oauth2(elsewhere).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post("/api/v1/applications"), 403, "forbidden");
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
    }

    @Test
    void each_step_is_refused_to_the_wrong_role_the_wrong_host_the_wrong_entity_and_out_of_turn() {
        World w = world();
        String rep = TestTokens.accountHolder(w.representative());
        String other = TestTokens.accountHolder(w.participant());
        String government = TestTokens.government(HOST);
        String secretariat = TestTokens.jcSecretariat(HOST);
        String id = ok(rep, "/api/v1/applications", application(w, List.of(HOST), "XF_AM001", document(rep, "PIN")));
        String base = "/api/v1/applications/" + id;
        long head = LedgerProbe.headSeq();

        // Project idea review.
        refused(post(rep, base + "/design", Map.of("documents", document(rep, "PDD"))), 409, "application_wrong_step");
        refused(post(TestTokens.government("XFB"), base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(),
                List.of())), 403, "not_the_reviewer");
        refused(post(TestTokens.thirdPartyEntity("TPE-1811"), base + "/project-idea-review", RouteApi.review("ACCEPT",
                List.of(), List.of())), 403, "forbidden_role");
        refused(post(government, base + "/project-idea-review", RouteApi.review("RETURN", List.of(), List.of())), 422,
                "reasons_required");
        refused(post(government, "/api/v1/applications/AP99999999/project-idea-review", RouteApi.review("ACCEPT",
                List.of(), List.of())), 404, "unknown_application");
        refused(post(government, "/api/v1/applications/P1/project-idea-review", RouteApi.review("ACCEPT", List.of(),
                List.of())), 400, "invalid_field");
        refused(post(government, base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(),
                List.of(cite("cd".repeat(32), "OTHER")))), 422, "unknown_document");
        refused(post(rep, base + "/project-idea", RouteApi.idea(List.of(HOST), "XF_AM001", RouteApi.privately(5_000),
                document(rep, "PIN"))), 409, "application_wrong_step");
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
        ok(government, base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(), List.of()));

        // Design and validation.
        String tpe = TestTokens.thirdPartyEntity("TPE-1811");
        refused(post(tpe, base + "/validation", RouteApi.review("ACCEPT", List.of(), document(tpe, "VALIDATION_REPORT"))),
                409, "application_wrong_step");
        refused(post(other, base + "/design", Map.of("documents", document(other, "PDD"))), 403, "not_the_applicant");
        refused(post(rep, base + "/design", Map.of("documents", document(rep, "PIN"))), 422, "missing_document");
        ok(rep, base + "/design", Map.of("documents", document(rep, "PDD")));
        String elsewhere = TestTokens.thirdPartyEntity("TPE-1812");
        refused(post(elsewhere, base + "/validation", RouteApi.review("ACCEPT", List.of(),
                document(elsewhere, "VALIDATION_REPORT"))), 403, "tpe_not_accredited");
        String stranger = TestTokens.thirdPartyEntity("TPE-1899");
        refused(post(stranger, base + "/validation", RouteApi.review("ACCEPT", List.of(), List.of())), 404,
                "unknown_third_party_entity");
        refused(post(government, base + "/validation", RouteApi.review("ACCEPT", List.of(), List.of())), 403, "forbidden_role");
        refused(post(tpe, base + "/validation", RouteApi.review("ACCEPT", List.of(), List.of())), 422, "missing_document");
        ok(tpe, base + "/validation", RouteApi.review("ACCEPT", List.of(), document(tpe, "VALIDATION_REPORT")));

        // Registration by the Joint Committee of the first host only.
        refused(post(TestTokens.jcSecretariat("XFB"), base + "/registration-decision", RouteApi.registration("ACCEPT",
                List.of(), List.of())), 403, "not_the_reviewer");
        refused(post(government, base + "/registration-decision", RouteApi.registration("ACCEPT", List.of(), List.of())),
                403, "forbidden_role");
        refused(post(secretariat, base + "/registration-decision", RouteApi.registration("REJECT", List.of(), List.of())),
                422, "reasons_required");
        Map<String, Object> noReference = new HashMap<>(RouteApi.registration("ACCEPT", List.of(), List.of()));
        noReference.remove("decisionReference");
        refused(post(secretariat, base + "/registration-decision", noReference), 400, "invalid_field");
        Response registered = LedgerApi.created(secretariat, base + "/registration-decision",
                RouteApi.registration("ACCEPT", List.of(), List.of()));
        assertThat(registered.<List<String>>path("events.type")).containsExactly("ApplicationReviewed", "ProjectRegistered");
        refused(post(secretariat, base + "/registration-decision", RouteApi.registration("ACCEPT", List.of(), List.of())),
                409, "application_wrong_step");
        refused(post(rep, base + "/withdrawal", Map.of()), 409, "application_wrong_step");
        // The first project of XFA: its alpha-2 and 001.
        String project = "XF001";
        given().when().get("/api/v1/projects/" + project).then().statusCode(200);
        cycleRefusals(w, project);
    }

    /** The monitoring cycle's refusals on the registered project. */
    private static void cycleRefusals(World w, String project) {
        String rep = TestTokens.accountHolder(w.representative());
        String secretariat = TestTokens.jcSecretariat(HOST);
        Map<String, Object> report = RouteApi.report(project, "2025-01-01", "2025-03-31", 300, document(rep, "MONITORING_REPORT"));
        String participant = TestTokens.accountHolder(w.participant());
        refused(post(participant, "/api/v1/monitoring-cycles", RouteApi.report(project, "2025-01-01", "2025-03-31", 300,
                document(participant, "MONITORING_REPORT"))), 403, "not_the_applicant");
        refused(post(TestTokens.government(HOST), "/api/v1/monitoring-cycles", report), 403, "forbidden_role");
        refused(post(rep, "/api/v1/monitoring-cycles", RouteApi.report(project, "2025-03-31", "2025-01-01", 300,
                document(rep, "MONITORING_REPORT"))), 422, "invalid_monitoring_period");
        refused(post(rep, "/api/v1/monitoring-cycles", RouteApi.report("XF999", "2025-01-01", "2025-03-31", 300,
                document(rep, "MONITORING_REPORT"))), 404, "unknown_project");
        String cycle = "/api/v1/monitoring-cycles/" + ok(rep, "/api/v1/monitoring-cycles", report);
        refused(post(rep, "/api/v1/monitoring-cycles", RouteApi.report(project, "2025-03-01", "2025-05-31", 300,
                document(rep, "MONITORING_REPORT"))), 409, "monitoring_period_overlap");
        refused(given().auth().oauth2(rep).header("Idempotency-Key", LedgerApi.key()).post(cycle + "/issuance-request"), 409,
                "application_wrong_step");
        String validator = TestTokens.thirdPartyEntity("TPE-1811");
        refused(post(validator, cycle + "/verification", RouteApi.verified(300, document(validator, "VERIFICATION_REPORT"))),
                403, "same_tpe_for_validation_and_verification");
        String verifier = TestTokens.thirdPartyEntity("TPE-1813");
        refused(post(verifier, cycle + "/verification", RouteApi.verified(301, document(verifier, "VERIFICATION_REPORT"))),
                422, "verified_exceeds_claimed");
        refused(post(verifier, cycle + "/verification", Map.of("verdict", "RETURN", "verifiedQuantity", 300,
                "reasons", List.of("Recheck the meters."))), 400, "invalid_field");
        ok(verifier, cycle + "/verification", RouteApi.verified(300, document(verifier, "VERIFICATION_REPORT")));
        refused(given().auth().oauth2(TestTokens.accountHolder(w.participant())).header("Idempotency-Key", LedgerApi.key())
                .post(cycle + "/issuance-request"), 403, "not_the_applicant");
        refused(given().auth().oauth2(rep).header("Idempotency-Key", LedgerApi.key())
                .post("/api/v1/monitoring-cycles/MC99999999/issuance-request"), 404, "unknown_monitoring_cycle");
        given().auth().oauth2(rep).header("Idempotency-Key", LedgerApi.key()).post(cycle + "/issuance-request").then()
                .statusCode(201);

        // The decision: the first host's Joint Committee, Japan's financing share, the cycle's registries.
        Map<String, Object> decided = RouteApi.decision(List.of(
                RouteApi.share(HOST + "01", HOST, 2025, List.of(w.account()), List.of(150L)),
                RouteApi.share("JPN01", HOST, 2025, List.of(w.japanAccount()), List.of(150L))), w.japanAccount(), List.of());
        refused(post(TestTokens.jcSecretariat("XFB"), cycle + "/issuance-decision", decided), 403, "not_the_reviewer");
        refused(post(TestTokens.registryAdmin(HOST + "01"), cycle + "/issuance-decision", decided), 403, "forbidden_role");
        refused(post(secretariat, cycle + "/issuance-decision", RouteApi.decision(List.of(
                RouteApi.share(HOST + "01", HOST, 2025, List.of(w.account()), List.of(200L)),
                RouteApi.share("JPN01", HOST, 2025, List.of(w.japanAccount()), List.of(100L))), w.japanAccount(), List.of())),
                422, "japan_share_below_financing");
        refused(post(secretariat, cycle + "/issuance-decision", RouteApi.decision(List.of(
                RouteApi.share(HOST + "01", HOST, 2025, List.of(w.account()), List.of(200L)),
                RouteApi.share("JPN01", HOST, 2025, List.of(w.japanAccount()), List.of(200L))), w.japanAccount(), List.of())),
                422, "verified_quantity_exceeded");
        refused(post(secretariat, cycle + "/issuance-decision", RouteApi.decision(List.of(
                RouteApi.share(HOST + "01", HOST, 2024, List.of(w.account()), List.of(150L)),
                RouteApi.share("JPN01", HOST, 2024, List.of(w.japanAccount()), List.of(150L))), w.japanAccount(), List.of())),
                422, "invalid_monitoring_period");
        Map<String, Object> unknownDocument = new HashMap<>(decided);
        unknownDocument.put("documents", List.of(cite("ef".repeat(32), "JC_DECISION")));
        long head = LedgerProbe.headSeq();
        refused(post(secretariat, cycle + "/issuance-decision", unknownDocument), 422, "unknown_document");
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
        ok(secretariat, cycle + "/issuance-decision", decided);
        refused(post(secretariat, cycle + "/issuance-decision", decided), 409, "application_wrong_step");
        assertThat(LedgerProbe.verify()).isEmpty();
    }
}
