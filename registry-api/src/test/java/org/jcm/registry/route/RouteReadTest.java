package org.jcm.registry.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jcm.ledger.command.DecideRegistration;
import org.jcm.ledger.command.ResubmitProjectIdea;
import org.jcm.ledger.command.ReviewProjectIdea;
import org.jcm.ledger.command.SubmitDesign;
import org.jcm.ledger.command.SubmitMonitoringReport;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.command.ValidateDesign;
import org.jcm.ledger.command.VerifyMonitoringReport;
import org.jcm.ledger.event.ApplicationSubmitted;
import org.jcm.ledger.event.MonitoringReportSubmitted;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.Financing;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProjectIdea;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.serial.Quantity;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.MovableClock;
import org.jcm.registry.write.MutationService;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The application route's reads through the HTTP API, with the ledger driven through the writer: the
 * lists and details as an application moves from the Project Idea Note (returned once) to
 * registration and its first monitoring cycle, who sees it before and after registration, its
 * documents before and after, the review-time statistics with known clocks, and POST /ledger/verify
 * finding a read row changed behind the writer's back.
 */
@QuarkusTest
@TestProfile(RouteClockProfile.class)
class RouteReadTest {

    private static final AtomicInteger NEXT = new AtomicInteger(800);

    @Inject
    MutationService mutations;

    @Inject
    MovableClock clock;

    /** The parties to one application in MNG01: representative, another participant, a bystander; methodology; entity. */
    record World(String rep, String other, String bystander, String methodology, String tpe) {
    }

    private World world() {
        LedgerApi.registry("MNG01");
        int n = NEXT.incrementAndGet();
        String methodology = "MN_AM" + n;
        String tpe = "TPE-" + (8000 + n);
        Map<String, Object> m = new HashMap<>(Map.of("id", methodology, "hostParty", "MNG", "title", "Chillers " + n,
                "sectoralScope", 1, "version", 1, "status", "APPROVED", "sameEntityMayVerify", true));
        LedgerApi.created(Route.secretariatToken("MNG"), "/api/v1/methodologies", m);
        LedgerApi.created(TestTokens.operator(), "/api/v1/third-party-entities", Map.of("id", tpe, "name", "Verifier " + n,
                "sectoralScopes", List.of(1), "hostParties", List.of("MNG"), "status", "ACTIVE"));
        return new World(LedgerApi.organization("MNG01"), LedgerApi.organization("MNG01"), LedgerApi.organization("MNG01"),
                methodology, tpe);
    }

    /** The statistics of this test's government-financed application are kept apart from the private ones of the others. */
    private static final Financing MODEL_PROJECT = Financing.government("JCM Model Projects",
            "Ministry of the Environment, Japan", 5000);

    private ProjectIdea idea(World w, DocumentRef pin, Financing financing) {
        return new ProjectIdea("Solar pumps " + w.methodology(), List.of(new PartyCode("MNG")),
                MethodologyId.parse(w.methodology()), financing, List.of(pin));
    }

    private ApplicationId submit(World w, DocumentRef pin) {
        return submit(w, pin, Financing.privately(0));
    }

    private ApplicationId submit(World w, DocumentRef pin, Financing financing) {
        ApplicationSubmitted submitted = (ApplicationSubmitted) Route.submit(mutations, new SubmitProjectIdea(idea(w, pin, financing),
                new Participants(new OrganizationId(w.rep()), List.of(new OrganizationId(w.other())), Optional.empty())),
                Route.holder(w.rep())).get(0);
        return submitted.applicationId();
    }

    @Test
    void an_application_is_read_by_its_audience_until_registered_and_by_everyone_after_with_its_review_clock() {
        World w = world();
        String repToken = Route.holderToken(w.rep());
        DocumentRef pin = Route.upload(repToken, DocumentKind.PIN, "pin.pdf");
        ApplicationId id = submit(w, pin, MODEL_PROJECT);
        String path = "/api/v1/applications/" + id.value();

        given().auth().oauth2(repToken).get(path).then().statusCode(200).body("state", equalTo("PIN_SUBMITTED"))
                .body("heldBy.holder", equalTo("HOST_GOVERNMENT")).body("heldBy.parties", contains("MNG"))
                .body("participants.representative", equalTo(w.rep())).body("participants.others", contains(w.other()))
                .body("financing.kind", equalTo("GOVERNMENT_FINANCED")).body("financing.japanShareBasisPoints", equalTo(5000))
                .body("financing.programme", equalTo("JCM Model Projects"))
                .body("reviews.size()", equalTo(1)).body("reviews[0].step", equalTo("PROJECT_IDEA"))
                .body("reviews[0].decidedAt", nullValue()).body("documents[0].sha256", equalTo(pin.sha256()))
                .body("documents[0].kind", equalTo("PIN")).body("documents[0].event", equalTo("ApplicationSubmitted"));

        clock.advance(Duration.ofHours(36));
        Route.submit(mutations, new ReviewProjectIdea(id, ReviewVerdict.RETURN, List.of("The baseline is unclear"), List.of()),
                Route.government("MNG"));
        given().auth().oauth2(repToken).get("/api/v1/applications?mine=true&holder=APPLICANT").then().statusCode(200)
                .body("items.id", contains(id.value())).body("items[0].state", equalTo("PIN_RETURNED"));
        clock.advance(Duration.ofHours(12));
        Route.submit(mutations, new ResubmitProjectIdea(id, idea(w, pin, MODEL_PROJECT)), Route.holder(w.rep()));
        clock.advance(Duration.ofHours(60));
        Route.submit(mutations, new ReviewProjectIdea(id, ReviewVerdict.ACCEPT, List.of(), List.of()), Route.government("MNG"));
        DocumentRef pdd = Route.upload(repToken, DocumentKind.PDD, "pdd.pdf");
        Route.submit(mutations, new SubmitDesign(id, List.of(pdd)), Route.holder(w.rep()));
        clock.advance(Duration.ofHours(108));
        DocumentRef report = Route.upload(Route.tpeToken(w.tpe()), DocumentKind.VALIDATION_REPORT, "validation.pdf");
        Route.submit(mutations, new ValidateDesign(id, ReviewVerdict.ACCEPT, List.of(), List.of(report)), Route.tpe(w.tpe()));

        // Before registration: the audience sees it; a bystander, another host's government and no token get 404.
        for (String token : List.of(repToken, Route.holderToken(w.other()), TestTokens.government("MNG"),
                Route.secretariatToken("MNG"), Route.tpeToken(w.tpe()), TestTokens.registryAdmin("MNG01"),
                TestTokens.auditor(), TestTokens.operator())) {
            given().auth().oauth2(token).get(path).then().statusCode(200).body("state", equalTo("VALIDATED"))
                    .body("heldBy.holder", equalTo("JC_SECRETARIAT")).body("heldBy.parties", contains("MNG"))
                    .body("validator", equalTo(w.tpe()));
        }
        for (String token : List.of(Route.holderToken(w.bystander()), TestTokens.government("KEN"),
                TestTokens.registryAdmin("JPN01"), TestTokens.exchange("JPX"))) {
            given().auth().oauth2(token).get(path).then().statusCode(404).body("code", equalTo("unknown_application"));
            given().auth().oauth2(token).get("/api/v1/applications").then().statusCode(200)
                    .body("items.id", not(hasItem(id.value())));
        }
        given().get(path).then().statusCode(404).body("code", equalTo("unknown_application"));
        given().get("/api/v1/applications").then().statusCode(200).body("items.id", not(hasItem(id.value())));
        given().get("/api/v1/applications?mine=true").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().auth().oauth2(Route.holderToken(w.bystander())).get("/api/v1/applications?mine=true").then()
                .statusCode(200).body("items", empty());
        // Its documents: the audience reads them, nobody else yet.
        given().get("/api/v1/documents/" + pdd.sha256()).then().statusCode(401);
        given().auth().oauth2(Route.holderToken(w.bystander())).get("/api/v1/documents/" + pdd.sha256()).then()
                .statusCode(403).body("code", equalTo("forbidden_scope"));
        given().auth().oauth2(TestTokens.government("MNG")).get("/api/v1/documents/" + pin.sha256()).then().statusCode(200);

        clock.advance(Duration.ofHours(168));
        DocumentRef decision = Route.upload(Route.secretariatToken("MNG"), DocumentKind.JC_DECISION, "decision.pdf");
        Route.submit(mutations, new DecideRegistration(id, ReviewVerdict.ACCEPT, "JC-MN-2026-07", List.of(), List.of(decision)),
                Route.secretariat("MNG"));

        // Registered: public, held by nobody, with its review clock.
        String project = given().get(path).then().statusCode(200).body("state", equalTo("REGISTERED"))
                .body("heldBy.holder", equalTo("NOBODY")).body("heldBy.parties", empty())
                .body("reviews.step", contains("PROJECT_IDEA", "PROJECT_IDEA", "VALIDATION", "REGISTRATION"))
                .body("reviews.verdict", contains("RETURN", "ACCEPT", "ACCEPT", "ACCEPT"))
                .body("reviews[0].reasons", contains("The baseline is unclear"))
                .body("reviews[0].decidedBy.role", equalTo("government")).body("reviews[0].decidedBy.scope", equalTo("MNG"))
                .body("reviews[3].decisionReference", equalTo("JC-MN-2026-07"))
                .body("documents.kind", contains("PIN", "PIN", "PDD", "VALIDATION_REPORT", "JC_DECISION"))
                .body("documents.step", contains("PROJECT_IDEA", "PROJECT_IDEA", "VALIDATION", "VALIDATION", "REGISTRATION"))
                .extract().path("projectId");
        given().get("/api/v1/applications?state=REGISTERED&host=MNG").then().statusCode(200)
                .body("items.id", hasItem(id.value()));
        given().get("/api/v1/applications?holder=NOBODY&host=KEN").then().statusCode(200).body("items", empty());
        // Its PDD, reports and decision are public now, without a token; the PIN stays with the audience.
        for (DocumentRef d : List.of(pdd, report, decision)) {
            given().get("/api/v1/documents/" + d.sha256()).then().statusCode(200);
            given().head("/api/v1/documents/" + d.sha256()).then().statusCode(200);
        }
        given().get("/api/v1/documents/" + pin.sha256()).then().statusCode(401);
        given().auth().oauth2(Route.holderToken(w.bystander())).get("/api/v1/documents/" + pin.sha256()).then().statusCode(403);
        given().auth().oauth2(Route.tpeToken(w.tpe())).get("/api/v1/documents/" + pin.sha256()).then().statusCode(200);

        // Its first monitoring cycle: public, held by the entity, then by the applicant once verified.
        DocumentRef monitoring = Route.upload(repToken, DocumentKind.MONITORING_REPORT, "monitoring.pdf");
        MonitoringReportSubmitted cycle = (MonitoringReportSubmitted) Route.submit(mutations, new SubmitMonitoringReport(
                ProjectId.parse(project), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), new Quantity(1200),
                List.of(monitoring)), Route.holder(w.rep())).get(0);
        MonitoringCycleId cycleId = cycle.monitoringCycleId();
        given().get("/api/v1/monitoring-cycles?projectId=" + project).then().statusCode(200)
                .body("items.id", contains(cycleId.value())).body("items[0].state", equalTo("REPORT_SUBMITTED"))
                .body("items[0].heldBy.holder", equalTo("THIRD_PARTY_ENTITY")).body("items[0].claimedQuantity", equalTo(1200));
        DocumentRef verification = Route.upload(Route.tpeToken(w.tpe()), DocumentKind.VERIFICATION_REPORT, "verification.pdf");
        Route.submit(mutations, new VerifyMonitoringReport(cycleId, ReviewVerdict.ACCEPT, Optional.of(new Quantity(1100)),
                List.of(), List.of(verification)), Route.tpe(w.tpe()));
        given().get("/api/v1/monitoring-cycles/" + cycleId.value()).then().statusCode(200)
                .body("state", equalTo("VERIFIED")).body("heldBy.holder", equalTo("APPLICANT"))
                .body("applicationId", equalTo(id.value())).body("verifiedQuantity", equalTo(1100))
                .body("verifier", equalTo(w.tpe())).body("periodStart", equalTo("2025-01-01"))
                .body("reviews.step", contains("VERIFICATION")).body("reviews[0].verdict", equalTo("ACCEPT"))
                .body("documents.kind", contains("MONITORING_REPORT", "VERIFICATION_REPORT"));
        given().get("/api/v1/monitoring-cycles?projectId=" + project + "&state=REPORT_SUBMITTED").then().statusCode(200)
                .body("items", empty());
        given().get("/api/v1/documents/" + monitoring.sha256()).then().statusCode(200);
        given().get("/api/v1/monitoring-cycles/MC99999999").then().statusCode(404).body("code", equalTo("unknown_monitoring_cycle"));

        // The review times of MNG's government-financed projects (only this application on this database): PIN
        // reviews of 1.5 and 2.5 days, a validation of 4.5 days, a registration of 7 days, a verification.
        int year = Instant.parse(given().get(path).then().extract().<String>path("reviews[3].decidedAt"))
                .atZone(ZoneOffset.UTC).getYear();
        given().get("/api/v1/statistics/review-times?party=MNG&financing=GOVERNMENT_FINANCED&year=" + year).then().statusCode(200)
                .body("rows.step", contains("PROJECT_IDEA", "VALIDATION", "REGISTRATION", "VERIFICATION"))
                .body("rows.decided", contains(2, 1, 1, 1))
                .body("rows[0].medianDays", equalTo(2.0f)).body("rows[0].p90Days", equalTo(2.4f))
                .body("rows[1].medianDays", equalTo(4.5f)).body("rows[2].medianDays", equalTo(7.0f))
                .body("rows[2].p90Days", equalTo(7.0f)).body("rows.open", contains(0, 0, 0, 0));
        given().get("/api/v1/statistics/review-times?party=MNG&step=REGISTRATION&year=" + year).then().statusCode(200)
                .body("rows.financing", contains("ALL", "GOVERNMENT_FINANCED")).body("rows.decided", contains(1, 1));
        given().get("/api/v1/statistics/review-times?financing=PRIVATE&step=REGISTRATION").then().statusCode(200)
                .body("rows", empty());
        given().get("/api/v1/statistics/review-times?financing=SOME").then().statusCode(400)
                .body("code", equalTo("invalid_query_parameter"));
        LedgerApi.as(TestTokens.auditor()).post("/api/v1/ledger/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void lists_page_by_id_and_refuse_bad_filters() {
        World w = world();
        DocumentRef pin = Route.upload(Route.holderToken(w.rep()), DocumentKind.PIN, "pin.pdf");
        ApplicationId first = submit(w, pin);
        ApplicationId second = submit(w, pin);
        String token = Route.holderToken(w.rep());
        String next = given().auth().oauth2(token).get("/api/v1/applications?mine=true&limit=1").then().statusCode(200)
                .body("items.id", contains(first.value())).extract().path("next");
        given().auth().oauth2(token).get("/api/v1/applications?mine=true&limit=1&after=" + next).then().statusCode(200)
                .body("items.id", contains(second.value())).body("next", nullValue());
        given().auth().oauth2(token).get("/api/v1/applications?limit=1&after=" + next).then().statusCode(400)
                .body("code", equalTo("invalid_cursor"));
        for (String query : List.of("state=DONE", "host=mng", "holder=ME", "mine=yes", "colour=red")) {
            given().get("/api/v1/applications?" + query).then().statusCode(400).body("code", equalTo("invalid_query_parameter"));
        }
        given().get("/api/v1/monitoring-cycles?state=DONE").then().statusCode(400).body("code", equalTo("invalid_query_parameter"));
        given().get("/api/v1/statistics/review-times?year=26").then().statusCode(400)
                .body("code", equalTo("invalid_query_parameter"));
    }

    @Test
    void verify_reports_an_application_or_review_row_changed_behind_the_writers_back() throws SQLException {
        World w = world();
        DocumentRef pin = Route.upload(Route.holderToken(w.rep()), DocumentKind.PIN, "pin.pdf");
        ApplicationId id = submit(w, pin);
        Route.submit(mutations, new ReviewProjectIdea(id, ReviewVerdict.RETURN, List.of("Add the site map"), List.of()),
                Route.government("MNG"));
        LedgerApi.as(TestTokens.auditor()).post("/api/v1/ledger/verify").then().statusCode(200).body("ok", equalTo(true));

        change("UPDATE application SET holder = 'NOBODY' WHERE id = ?", id.value());
        try {
            LedgerApi.as(TestTokens.auditor()).post("/api/v1/ledger/verify").then().statusCode(200)
                    .body("ok", equalTo(false)).body("divergence.problem", equalTo("FIELD_MISMATCH"))
                    .body("divergence.table", equalTo("application")).body("divergence.key", equalTo(id.value()))
                    .body("divergence.field", equalTo("holder")).body("divergence.expected", equalTo("APPLICANT"))
                    .body("divergence.found", equalTo("NOBODY"));
        } finally {
            change("UPDATE application SET holder = 'APPLICANT' WHERE id = ?", id.value());
        }
        change("UPDATE cycle_review SET reasons = '[\"Nothing to add\"]' WHERE subject_id = ? AND position = 1", id.value());
        try {
            LedgerApi.as(TestTokens.auditor()).post("/api/v1/ledger/verify").then().statusCode(200)
                    .body("ok", equalTo(false)).body("divergence.table", equalTo("cycle_review"))
                    .body("divergence.key", equalTo(id.value() + "/1")).body("divergence.field", equalTo("reasons"))
                    .body("divergence.expected", equalTo("[\"Add the site map\"]"));
        } finally {
            change("UPDATE cycle_review SET reasons = '[\"Add the site map\"]' WHERE subject_id = ? AND position = 1", id.value());
        }
        change("UPDATE document_citation SET kind = 'PDD' WHERE sha256 = ?", pin.sha256());
        try {
            LedgerApi.as(TestTokens.auditor()).post("/api/v1/ledger/verify").then().statusCode(200)
                    .body("ok", equalTo(false)).body("divergence.table", equalTo("document_citation"))
                    .body("divergence.field", equalTo("kind")).body("divergence.expected", equalTo("PIN"));
        } finally {
            change("UPDATE document_citation SET kind = 'PIN' WHERE sha256 = ?", pin.sha256());
        }
        LedgerApi.as(TestTokens.auditor()).post("/api/v1/ledger/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    private static void change(String sql, String value) throws SQLException {
        try (Connection c = Databases.connectAsOwner(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            org.assertj.core.api.Assertions.assertThat(s.executeUpdate()).isPositive();
        }
    }
}
