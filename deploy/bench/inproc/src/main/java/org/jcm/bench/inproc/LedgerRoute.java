package org.jcm.bench.inproc;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.command.AccreditThirdPartyEntity;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.DecideIssuance;
import org.jcm.ledger.command.DecideRegistration;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.command.RegisterMethodology;
import org.jcm.ledger.command.RequestCycleIssuance;
import org.jcm.ledger.command.ReviewProjectIdea;
import org.jcm.ledger.command.SubmitDesign;
import org.jcm.ledger.command.SubmitMonitoringReport;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.command.ValidateDesign;
import org.jcm.ledger.command.VerifyMonitoringReport;
import org.jcm.ledger.event.ApplicationSubmitted;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.MonitoringReportSubmitted;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.Financing;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProjectIdea;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.ThirdPartyEntityId;
import org.jcm.ledger.serial.Quantity;

/**
 * The JCM project cycle as ledger commands, for benchmarks that drive the writer directly: one
 * host's approved methodology and two accredited third-party entities, then projects that go
 * through the application route (PIN confirmed by the host government, design validated by the
 * first entity, registered by the host's JC secretariat) and monitoring cycles that go from report
 * to issuance decision (verified by the second entity, decided by the JC secretariat). Each
 * decided share is then issued by its registry's administrators, as the caller does.
 */
final class LedgerRoute {

    /** Submits one command as an actor and answers its events; fails when the ledger refuses it. */
    interface Submitter {
        List<LedgerEvent> submit(Actor actor, Command command) throws Exception;
    }

    /** The sectoral scope of the methodology and the accreditations: 1, energy industries. */
    static final SectoralScope SCOPE = SectoralScope.ofNumber(1);

    private final Submitter submitter;
    private final PartyCode host;
    private final MethodologyId methodology;
    private final Actor government;
    private final Actor secretariat;
    private final Actor validator;
    private final Actor verifier;

    LedgerRoute(Submitter submitter, PartyCode host, String iso2) {
        this.submitter = submitter;
        this.host = host;
        this.methodology = MethodologyId.parse(iso2 + "_AM001");
        this.government = Actor.government("gov@" + host.value(), host);
        this.secretariat = Actor.jcSecretariat("secretariat@" + host.value(), host);
        this.validator = Actor.thirdPartyEntity("validator", ThirdPartyEntityId.parse("TPE-0001"));
        this.verifier = Actor.thirdPartyEntity("verifier", ThirdPartyEntityId.parse("TPE-0002"));
    }

    /** The host's approved methodology (its JC secretariat) and the two entities (the operator). */
    void reference(Actor operator) throws Exception {
        submitter.submit(secretariat, new RegisterMethodology(new Methodology(methodology, host, "Benchmark methodology", SCOPE, 1,
                MethodologyStatus.APPROVED, Optional.empty(), false)));
        for (Actor entity : List.of(validator, verifier)) {
            ThirdPartyEntityId id = ThirdPartyEntityId.parse(entity.scope());
            submitter.submit(operator, new AccreditThirdPartyEntity(new ThirdPartyEntity(id, "Benchmark entity " + id.value(),
                    Set.of(SCOPE), Set.of(host), AccreditationStatus.ACTIVE)));
        }
    }

    /** A project of {@code representative} through the application route; its id, as the JC secretariat registered it. */
    ProjectId project(OrganizationId representative, String title) throws Exception {
        Actor applicant = Actor.accountHolder("holder@" + representative.value(), representative);
        ApplicationId application = ((ApplicationSubmitted) submitter.submit(applicant, new SubmitProjectIdea(
                new ProjectIdea(title, List.of(host), methodology, Financing.privately(0), docs(DocumentKind.PIN)),
                new Participants(representative, List.of(), Optional.empty()))).get(0)).applicationId();
        submitter.submit(government, new ReviewProjectIdea(application, ReviewVerdict.ACCEPT, List.of(), List.of()));
        submitter.submit(applicant, new SubmitDesign(application, docs(DocumentKind.PDD)));
        submitter.submit(validator, new ValidateDesign(application, ReviewVerdict.ACCEPT, List.of(),
                docs(DocumentKind.VALIDATION_REPORT)));
        for (LedgerEvent event : submitter.submit(secretariat, new DecideRegistration(application, ReviewVerdict.ACCEPT,
                "JC-" + application.value(), List.of(), List.of()))) {
            if (event instanceof ProjectRegistered registered) {
                return registered.projectId();
            }
        }
        throw new IllegalStateException("the registration of " + application + " registered no project");
    }

    /**
     * A monitoring cycle of the project for the period, verified for the shares' total, its
     * issuance requested by {@code representative} and decided with {@code shares}; the request's id.
     */
    IssuanceRequestId decided(ProjectId project, OrganizationId representative, LocalDate start, LocalDate end,
                              List<DecidedShare> shares) throws Exception {
        long total = 0;
        for (DecidedShare share : shares) {
            total += share.total();
        }
        Actor applicant = Actor.accountHolder("holder@" + representative.value(), representative);
        MonitoringCycleId cycle = ((MonitoringReportSubmitted) submitter.submit(applicant, new SubmitMonitoringReport(project, start,
                end, Quantity.of(total), docs(DocumentKind.MONITORING_REPORT))).get(0)).monitoringCycleId();
        submitter.submit(verifier, new VerifyMonitoringReport(cycle, ReviewVerdict.ACCEPT, Optional.of(Quantity.of(total)),
                List.of(), docs(DocumentKind.VERIFICATION_REPORT)));
        IssuanceRequestId request = ((IssuanceRequested) submitter.submit(applicant, new RequestCycleIssuance(cycle)).get(0))
                .issuanceRequestId();
        submitter.submit(secretariat, new DecideIssuance(cycle, ReviewVerdict.ACCEPT, "JC-" + cycle.value(), shares,
                Optional.empty(), List.of(), List.of()));
        return request;
    }

    /** One document of the kind, cited by a fixed hash: the ledger checks the citation's shape, not the bytes. */
    private static List<DocumentRef> docs(DocumentKind kind) {
        String hex = Integer.toHexString(kind.ordinal() + 1);
        return List.of(new DocumentRef("0".repeat(64 - hex.length()) + hex, kind, kind.name().toLowerCase() + ".pdf",
                "application/pdf", 1000));
    }
}
