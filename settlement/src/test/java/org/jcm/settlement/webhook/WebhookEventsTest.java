package org.jcm.settlement.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.settlement.testing.TestLedger.B;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.command.AccreditThirdPartyEntity;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.DecideIssuance;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.WithdrawApplication;
import org.jcm.ledger.command.ApprovePendingTransfer;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.command.ChangeParticipants;
import org.jcm.ledger.command.ConsentParticipantChange;
import org.jcm.ledger.command.DecideRegistration;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProcessDueTransfers;
import org.jcm.ledger.command.RegisterMethodology;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RequestCycleIssuance;
import org.jcm.ledger.command.ResubmitProjectIdea;
import org.jcm.ledger.command.ReviewProjectIdea;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.command.SubmitDesign;
import org.jcm.ledger.command.SubmitMonitoringReport;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.command.ValidateDesign;
import org.jcm.ledger.command.VerifyMonitoringReport;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.ApplicationSubmitted;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.MonitoringReportSubmitted;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.Financing;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProjectIdea;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.ThirdPartyEntityId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestReceiver;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The events an organization is asked about or named in, against a real HTTP receiver:
 * {@code approval.requested} for a transfer waiting for its approvers and for a participant change
 * waiting for the representative's consent, {@code pending_transfer.updated} at each later turn of a
 * pending transfer, and {@code application.changed} for every step of an application and its
 * monitoring cycle, to every organization it names (one removed by a participant change hears of
 * that change and of nothing after it), up to the cycle's issuance and a withdrawn application. A
 * rebuild sends nothing twice. Owns vintage 2048, its own
 * organizations, methodology {@code MN_AM048} and entities {@code TPE-0048}/{@code TPE-0049}.
 */
@QuarkusTest
class WebhookEventsTest {

    static final Instant AT = Instant.parse("2025-10-01T09:00:00Z");
    static final Actor OPERATOR = Actor.operator("ops");
    static final Actor GOV_MNG = Actor.government("mng-gov", TestLedger.MNG);
    static final Actor JC_MNG = Actor.jcSecretariat("jc-mng", TestLedger.MNG);
    static final ThirdPartyEntityId VALIDATOR = ThirdPartyEntityId.parse("TPE-0048");
    static final ThirdPartyEntityId VERIFIER = ThirdPartyEntityId.parse("TPE-0049");
    static final MethodologyId METHODOLOGY = MethodologyId.parse("MN_AM048");
    static final LocalDate PERIOD_START = LocalDate.of(2048, 1, 1);
    static final LocalDate PERIOD_END = LocalDate.of(2048, 6, 30);
    static TestReceiver receiver;

    @BeforeAll
    static void startTheReceiver() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    static OrganizationId organization(RegistryId registry, String name) {
        LedgerEvent event = TestLedger.get().apply(AT, Actor.registryAdmin("admin-" + registry, registry),
                new RegisterOrganization(registry, name)).get(0);
        return ((OrganizationRegistered) event).organizationId();
    }

    static AccountId account(OrganizationId org) {
        LedgerEvent event = TestLedger.get().apply(AT, Actor.registryAdmin("admin-" + org.registryId(),
                org.registryId()), new OpenAccount(org, "main")).get(0);
        return ((AccountOpened) event).accountId();
    }

    static String register(OrganizationId org, String path, List<String> events) {
        return given().auth().oauth2(TestTokens.accountHolder(org.value())).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "events", events))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getString("id");
    }

    static List<JsonPath> bodies(String path) {
        List<JsonPath> bodies = new ArrayList<>();
        for (TestReceiver.Received request : receiver.delivered(path)) {
            bodies.add(new JsonPath(request.body()));
        }
        return bodies;
    }

    static long seqOf(List<LedgerEvent> events) {
        return events.get(events.size() - 1).seq();
    }

    @Test
    void the_approvers_are_asked_and_hear_how_each_pending_transfer_ends() {
        TestLedger ledger = TestLedger.get();
        OrganizationId treasury = organization(TestLedger.JPN01, "Treasury Co");
        AccountId account = account(treasury);
        ledger.issue(AT, 2048, account, 100);
        // Transfers to another organization's account need a second holder's approval, with no delay.
        ledger.apply(AT, Actor.registryAdmin("admin-JPN01", TestLedger.JPN01),
                new SetTransferPolicy(treasury, Optional.empty(), true, Duration.ZERO));
        String endpoint = register(treasury, "/treasury",
                List.of("approval.requested", "pending_transfer.updated", "transfer.outgoing"));
        Actor initiator = Actor.accountHolder("treasurer-1", treasury);
        Actor approver = Actor.accountHolder("treasurer-2", treasury);

        TransferPended approved = pended(ledger.apply(AT, initiator, TestLedger.transfer(account, B, 10, 2048,
                Optional.empty(), null)));
        List<LedgerEvent> approval = ledger.apply(AT.plusSeconds(60), approver,
                new ApprovePendingTransfer(approved.pendingTransferId()));
        TransferPended cancelled = pended(ledger.apply(AT.plusSeconds(120), initiator,
                TestLedger.transfer(account, B, 20, 2048, Optional.empty(), null)));
        List<LedgerEvent> cancel = ledger.apply(AT.plusSeconds(180), approver,
                new CancelPendingTransfer(cancelled.pendingTransferId(), "wrong account"));
        TransferPended expired = pended(ledger.apply(AT.plusSeconds(240), initiator,
                TestLedger.transfer(account, B, 30, 2048, Optional.empty(), null)));
        Instant expiry = expired.expiresAt().orElseThrow();
        List<LedgerEvent> expiries = ledger.apply(expiry, ProcessDueTransfers.systemActor(), new ProcessDueTransfers());
        long expirySeq = expiries.stream().filter(e -> e.type().equals("PendingTransferExpired")
                && e.toString().contains(expired.pendingTransferId().value())).findFirst().orElseThrow().seq();

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/treasury").size() == 8);
        assertThat(receiver.delivered("/treasury")).extracting(TestReceiver.Received::id).containsExactly(
                "ledger-" + approved.seq() + "-approval", "ledger-" + approval.get(0).seq() + "-pending",
                "ledger-" + approval.get(1).seq() + "-out", "ledger-" + approval.get(1).seq() + "-pending",
                "ledger-" + cancelled.seq() + "-approval", "ledger-" + seqOf(cancel) + "-pending",
                "ledger-" + expired.seq() + "-approval", "ledger-" + expirySeq + "-pending");
        List<JsonPath> bodies = bodies("/treasury");
        JsonPath asked = bodies.get(0);
        assertThat(asked.getString("type")).isEqualTo("approval.requested");
        assertThat(asked.getString("data.kind")).isEqualTo("PENDING_TRANSFER");
        assertThat(asked.getString("data.organizationId")).isEqualTo(treasury.value());
        assertThat(asked.getString("data.pendingTransferId")).isEqualTo(approved.pendingTransferId().value());
        assertThat(asked.getString("data.fromAccountId")).isEqualTo(account.value());
        assertThat(asked.getString("data.toAccountId")).isEqualTo(B.value());
        assertThat(asked.getLong("data.quantity")).isEqualTo(10);
        assertThat(Instant.parse(asked.getString("data.expiresAt"))).isEqualTo(approved.expiresAt().orElseThrow());
        assertThat(bodies).extracting(b -> b.getString("type") + " " + b.getString("data.status")).containsExactly(
                "approval.requested null", "pending_transfer.updated APPROVED", "transfer.outgoing null",
                "pending_transfer.updated EXECUTED", "approval.requested null", "pending_transfer.updated CANCELLED",
                "approval.requested null", "pending_transfer.updated EXPIRED");
        assertThat(bodies.get(1).getString("data.executeAt")).isNotNull();
        assertThat(bodies.get(5).getString("data.reason")).isEqualTo("wrong account");
        assertThat(bodies.get(5).getLong("data.quantity")).isEqualTo(20);
        assertThat(bodies.get(7).getString("data.pendingTransferId")).isEqualTo(expired.pendingTransferId().value());
        assertThat(WebhooksTest.deliveries(TestTokens.accountHolder(treasury.value()), endpoint)
                .getList("items.type", String.class)).containsExactly("approval.requested", "pending_transfer.updated",
                "transfer.outgoing", "pending_transfer.updated", "approval.requested", "pending_transfer.updated",
                "approval.requested", "pending_transfer.updated");
    }

    private static TransferPended pended(List<LedgerEvent> events) {
        assertThat(events).hasSize(1).first().isInstanceOf(TransferPended.class);
        return (TransferPended) events.get(0);
    }

    @Test
    void every_step_of_an_application_reaches_the_organizations_it_names_and_a_rebuild_sends_nothing_twice() {
        TestLedger ledger = TestLedger.get();
        routeReferenceData(ledger);
        OrganizationId representative = organization(TestLedger.MNG01, "Darkhan Solar");
        OrganizationId participant = organization(TestLedger.JPN01, "Partner KK");
        OrganizationId proxy = organization(TestLedger.JPN01, "Proxy KK");
        String rep = register(representative, "/representative", List.of("approval.requested", "application.changed"));
        register(participant, "/participant", List.of("application.changed"));
        register(proxy, "/proxy", List.of("approval.requested"));
        ProjectIdea idea = new ProjectIdea("Solar in Darkhan", List.of(TestLedger.MNG), METHODOLOGY,
                Financing.privately(0),
                List.of(doc(DocumentKind.PIN)));
        Actor applicant = Actor.accountHolder("rep-1", representative);
        Actor acting = Actor.accountHolder("proxy-1", proxy);
        List<Long> seqs = new ArrayList<>();
        ApplicationSubmitted submitted = (ApplicationSubmitted) ledger.apply(AT, applicant,
                new SubmitProjectIdea(idea, new Participants(representative, List.of(participant), Optional.of(proxy))))
                .get(0);
        ApplicationId id = submitted.applicationId();
        seqs.add(submitted.seq());
        seqs.add(seqOf(ledger.apply(AT, GOV_MNG, new ReviewProjectIdea(id, ReviewVerdict.RETURN,
                List.of("Baseline missing"), List.of()))));
        seqs.add(seqOf(ledger.apply(AT, acting, new ResubmitProjectIdea(id, idea))));
        seqs.add(seqOf(ledger.apply(AT, GOV_MNG, new ReviewProjectIdea(id, ReviewVerdict.ACCEPT, List.of(), List.of()))));
        seqs.add(seqOf(ledger.apply(AT, acting, new SubmitDesign(id, List.of(doc(DocumentKind.PDD))))));
        seqs.add(seqOf(ledger.apply(AT, Actor.thirdPartyEntity("tpe-48", VALIDATOR), new ValidateDesign(id,
                ReviewVerdict.ACCEPT, List.of(), List.of(doc(DocumentKind.VALIDATION_REPORT))))));
        List<LedgerEvent> registration = ledger.apply(AT, JC_MNG, new DecideRegistration(id, ReviewVerdict.ACCEPT,
                "JC-MN-2025-48", List.of(), List.of()));
        seqs.add(registration.get(0).seq());
        seqs.add(registration.get(1).seq());
        ProjectId project = ledger.state().projectCycle().application(id).orElseThrow().projectId().orElseThrow();
        long proposed = seqOf(ledger.apply(AT, acting, new ChangeParticipants(id,
                new Participants(representative, List.of(), Optional.of(proxy)))));
        seqs.add(proposed);
        long changed = seqOf(ledger.apply(AT, applicant, new ConsentParticipantChange(id)));
        seqs.add(changed);
        MonitoringReportSubmitted report = (MonitoringReportSubmitted) ledger.apply(AT, acting,
                new SubmitMonitoringReport(project, PERIOD_START, PERIOD_END, Quantity.of(100),
                        List.of(doc(DocumentKind.MONITORING_REPORT)))).get(0);
        MonitoringCycleId cycle = report.monitoringCycleId();
        seqs.add(report.seq());
        seqs.add(seqOf(ledger.apply(AT, Actor.thirdPartyEntity("tpe-49", VERIFIER), new VerifyMonitoringReport(cycle,
                ReviewVerdict.ACCEPT, Optional.of(Quantity.of(90)), List.of(),
                List.of(doc(DocumentKind.VERIFICATION_REPORT))))));
        IssuanceRequested request = (IssuanceRequested) ledger.apply(AT, acting, new RequestCycleIssuance(cycle)).get(0);
        seqs.add(request.seq());
        AccountId account = account(representative);
        List<Allocation> allocations = List.of(new Allocation(account, Quantity.of(90)));
        seqs.add(seqOf(ledger.apply(AT, JC_MNG, new DecideIssuance(cycle, ReviewVerdict.ACCEPT, "JC-MN-2048-01",
                List.of(new DecidedShare(TestLedger.MNG01, TestLedger.MNG, Vintage.of(2048), allocations)),
                Optional.empty(), List.of(), List.of()))));
        seqs.add(seqOf(ledger.approved(AT, Actor.registryAdmin("admin-MNG01", TestLedger.MNG01), new IssueCredits(
                new IssuanceId(project.value() + "-2048-1"), project, PERIOD_START, PERIOD_END, Vintage.of(2048),
                Quantity.of(90), allocations, request.issuanceRequestId()))));
        ApplicationSubmitted second = (ApplicationSubmitted) ledger.apply(AT, applicant,
                new SubmitProjectIdea(idea, new Participants(representative, List.of(), Optional.empty()))).get(0);
        seqs.add(second.seq());
        seqs.add(seqOf(ledger.apply(AT, applicant, new WithdrawApplication(second.applicationId(),
                List.of("Plans changed")))));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/representative").size() == 18);
        List<String> expected = new ArrayList<>();
        for (long seq : seqs) {
            expected.add("ledger-" + seq + "-application");
            if (seq == proposed) {
                expected.add("ledger-" + seq + "-approval");
            }
        }
        assertThat(receiver.delivered("/representative")).extracting(TestReceiver.Received::id)
                .containsExactlyElementsOf(expected);
        List<JsonPath> bodies = bodies("/representative");
        assertThat(bodies).extracting(b -> b.getString("data.event")).containsExactly("ApplicationSubmitted",
                "ApplicationReviewed", "ProjectIdeaResubmitted", "ApplicationReviewed", "DesignSubmitted",
                "ApplicationReviewed", "ApplicationReviewed", "ProjectRegistered", "ParticipantChangeProposed", null,
                "ParticipantsChanged", "MonitoringReportSubmitted", "MonitoringReportReviewed", "IssuanceRequested",
                "IssuanceDecided", "CreditsIssued", "ApplicationSubmitted", "ApplicationWithdrawn");
        assertThat(bodies).extracting(b -> b.getString("data.applicationState")).containsExactly("PIN_SUBMITTED",
                "PIN_RETURNED", "PIN_SUBMITTED", "PIN_CONFIRMED", "DESIGN_SUBMITTED", "VALIDATED", "REGISTERED",
                "REGISTERED", "REGISTERED", null, "REGISTERED", "REGISTERED", "REGISTERED", "REGISTERED", "REGISTERED",
                "REGISTERED", "PIN_SUBMITTED", "WITHDRAWN");
        JsonPath returned = bodies.get(1);
        assertThat(returned.getString("type")).isEqualTo("application.changed");
        assertThat(returned.getString("data.applicationId")).isEqualTo(id.value());
        assertThat(returned.getString("data.step")).isEqualTo("PROJECT_IDEA");
        assertThat(returned.getString("data.verdict")).isEqualTo("RETURN");
        assertThat(returned.getString("data.projectId")).isNull();
        assertThat(returned.getString("data.organizationId")).isEqualTo(representative.value());
        assertThat(returned.prettify()).doesNotContain("Baseline missing");
        assertThat(bodies.get(7).getString("data.projectId")).isEqualTo(project.value());
        JsonPath consent = bodies.get(9);
        assertThat(consent.getString("type")).isEqualTo("approval.requested");
        assertThat(consent.getString("data.kind")).isEqualTo("PARTICIPANT_CHANGE");
        assertThat(consent.getString("data.organizationId")).isEqualTo(representative.value());
        assertThat(consent.getString("data.proposedParticipants.representative")).isEqualTo(representative.value());
        assertThat(consent.getList("data.proposedParticipants.others")).isEmpty();
        assertThat(consent.getString("data.proposedParticipants.proxy")).isEqualTo(proxy.value());
        JsonPath verified = bodies.get(12);
        assertThat(verified.getString("data.monitoringCycleId")).isEqualTo(cycle.value());
        assertThat(verified.getString("data.step")).isEqualTo("VERIFICATION");
        assertThat(verified.getString("data.monitoringCycleState")).isEqualTo("VERIFIED");
        assertThat(bodies).extracting(b -> b.getString("data.monitoringCycleState")).containsSequence(
                "VERIFIED", "ISSUANCE_REQUESTED", "ISSUANCE_DECIDED", "ISSUED", null);
        assertThat(bodies.get(14).getString("data.step")).isEqualTo("ISSUANCE_DECISION");
        assertThat(bodies.get(17).getString("data.applicationId")).isEqualTo(second.applicationId().value());

        // The participant the change removed hears of everything up to that change, and of nothing after.
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/participant").size() == 10);
        assertThat(receiver.delivered("/participant")).extracting(TestReceiver.Received::id)
                .containsExactlyElementsOf(seqs.subList(0, 10).stream().map(s -> "ledger-" + s + "-application").toList());
        // The proxy asked only for approvals, and the consent is the representative's to give.
        assertThat(receiver.delivered("/proxy")).isEmpty();

        rebuildAndWait();
        JsonPath log = WebhooksTest.deliveries(TestTokens.accountHolder(representative.value()), rep);
        assertThat(log.getList("items.messageId", String.class)).containsExactlyElementsOf(expected);
        // A change after the rebuild: each endpoint receives it next, so a message the rebuild had
        // written again would have come before it.
        long back = seqOf(ledger.apply(AT, applicant, new ChangeParticipants(id,
                new Participants(representative, List.of(participant), Optional.of(proxy)))));
        expected.add("ledger-" + back + "-application");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/participant").size() == 11);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/representative").size() == 19);
        assertThat(receiver.received("/representative")).extracting(TestReceiver.Received::id)
                .containsExactlyElementsOf(expected);
        assertThat(receiver.received("/participant").get(10).id()).isEqualTo("ledger-" + back + "-application");
    }

    @Test
    void a_venue_cannot_ask_for_the_organizations_events() {
        for (String type : List.of("approval.requested", "pending_transfer.updated", "application.changed")) {
            given().auth().oauth2(TestTokens.exchange("REGX")).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://localhost:9/x", "events", List.of(type)))
                    .when().post("/api/v1/webhooks").then().statusCode(400).body("code", equalTo("invalid_field"))
                    .body("errors[0].field", equalTo("events[0]"));
        }
    }

    private static void rebuildAndWait() {
        long generation = given().when().get("/api/v1/status").then().extract().jsonPath().getLong("generation");
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/rebuild").then().statusCode(202);
        long head = TestLedger.get().head();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath status = given().when().get("/api/v1/status").then().extract().jsonPath();
            return status.getLong("generation") == generation + 1 && status.getLong("lastAppliedSeq") == head
                    && "RUNNING".equals(status.getString("state"));
        });
        Await.caughtUp();
    }

    private static synchronized void routeReferenceData(TestLedger ledger) {
        if (ledger.state().projectCycle().methodology(METHODOLOGY).isPresent()) {
            return;
        }
        ledger.apply(AT, OPERATOR, new UpdateParty(new Party("MN", TestLedger.MNG, "Mongolia", JcmStatus.PARTNER, true,
                Optional.of(TestLedger.CA), Optional.of(LocalDate.of(2013, 1, 8)), Set.of(SectoralScope.ofNumber(1)))));
        ledger.apply(AT, JC_MNG, new RegisterMethodology(new Methodology(METHODOLOGY, TestLedger.MNG, "Solar power",
                SectoralScope.ofNumber(1), 1, MethodologyStatus.APPROVED, Optional.empty(), false)));
        for (ThirdPartyEntityId entity : List.of(VALIDATOR, VERIFIER)) {
            ledger.apply(AT, OPERATOR, new AccreditThirdPartyEntity(new ThirdPartyEntity(entity, "Verifier " + entity.value(),
                    Set.of(SectoralScope.ofNumber(1)), Set.of(TestLedger.MNG), AccreditationStatus.ACTIVE)));
        }
    }

    private static DocumentRef doc(DocumentKind kind) {
        String hex = Integer.toHexString(0x4800 + kind.ordinal());
        return new DocumentRef("0".repeat(64 - hex.length()) + hex, kind, kind.name().toLowerCase() + ".pdf",
                "application/pdf", 1000);
    }
}
