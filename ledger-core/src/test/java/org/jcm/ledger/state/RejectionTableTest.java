package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.*;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.AddTrustedAccount;
import org.jcm.ledger.command.ChangeParticipants;
import org.jcm.ledger.command.ConsentParticipantChange;
import org.jcm.ledger.command.RegisterMethodology;
import org.jcm.ledger.command.ReviewProjectIdea;
import org.jcm.ledger.command.SubmitDesign;
import org.jcm.ledger.command.VerifyMonitoringReport;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.ProjectIdea;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.command.ApprovePendingTransfer;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.command.RemoveTrustedAccount;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.CloseAccount;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.AccreditThirdPartyEntity;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.UpdateMethodology;
import org.jcm.ledger.command.UpdateThirdPartyEntity;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.command.RejectProposal;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.command.UnfreezeAccount;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.serial.UnitRange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One row per rejection code, in the precedence order of {@link Rejection}: a setup, the actor, a
 * command that breaks exactly that rule, and a corrected command that is accepted on the same setup.
 */
class RejectionTableTest {

    /**
     * One row. The commands are applied with {@link Fixture#apply}, which proposes a four-eyes
     * action and has a second subject approve it (so a rule of such an action is met when it is
     * proposed); {@code asSubmitted} ({@link #exactlyAsGiven()}) applies them exactly as given instead.
     */
    record Case(String name, Rejection expected, Consumer<Fixture> setup, Function<Fixture, Actor> actor,
                Function<Fixture, Command> invalid, Function<Fixture, Command> valid, Function<Fixture, Actor> validActor,
                LedgerConfig config, boolean asSubmitted) {

        Case(String name, Rejection expected, Consumer<Fixture> setup, Function<Fixture, Actor> actor,
             Function<Fixture, Command> invalid, Function<Fixture, Command> valid, Function<Fixture, Actor> validActor,
             LedgerConfig config) {
            this(name, expected, setup, actor, invalid, valid, validActor, config, false);
        }

        Case(String name, Rejection expected, Consumer<Fixture> setup, Function<Fixture, Actor> actor,
             Function<Fixture, Command> invalid, Function<Fixture, Command> valid, Function<Fixture, Actor> validActor) {
            this(name, expected, setup, actor, invalid, valid, validActor, Fixture.OPEN_TRANSFERS);
        }

        Case(String name, Rejection expected, Consumer<Fixture> setup, Function<Fixture, Actor> actor,
             Function<Fixture, Command> invalid, Function<Fixture, Command> valid) {
            this(name, expected, setup, actor, invalid, valid, actor);
        }

        /** The same case on a ledger with this configuration. */
        Case on(LedgerConfig other) {
            return new Case(name, expected, setup, actor, invalid, valid, validActor, other, asSubmitted);
        }

        /** The same case with its commands applied exactly as given. */
        Case exactlyAsGiven() {
            return new Case(name, expected, setup, actor, invalid, valid, validActor, config, true);
        }

        Outcome apply(Fixture f, Actor by, Command command) {
            return asSubmitted ? f.direct(by, command) : f.apply(by, command);
        }
    }

    /** A ledger without a practical limit per issuance, to reach the limits of 2^53 - 1. */
    static final LedgerConfig UNLIMITED = Fixture.OPEN_TRANSFERS.withMaxIssuanceQuantity(Quantity.MAX);

    static final Consumer<Fixture> NOTHING = f -> { };
    /** IR000001: Ulaanbaatar Solar asks for 1,000 units of MN001 for 2024 (monitoring period: the calendar year). */
    static final Consumer<Fixture> REQUESTED = f -> request(f, MN001, 2024, 1_000);
    /** United States of America: a JCM candidate, not a partner, that cannot host projects yet. */
    static final Party USA = new Party("US", new PartyCode("USA"), "United States of America", JcmStatus.CANDIDATE, false,
            Optional.empty());
    /**
     * MN001 vintage 2024 on request IR000001: Mongolia's registry issues units 1-600 to MNG01-H00001
     * (Mongolian company) as MN001-2024-01, Japan's registry 601-1000 to JPN01-H00001 (Company A) as
     * MN001-2024-01-JPN01.
     */
    static final Consumer<Fixture> ISSUED = f -> f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 600, f.jpA1, 400);
    /** Units 1-600 (all still in Mongolia) authorized for NDC as MNG-A-1. */
    static final Consumer<Fixture> AUTHORIZED = ISSUED.andThen(f -> f.ok(GOV_MNG,
            authorizeSerials("MNG-A-1", MNG, CA, Optional.empty(), List.of(), serial(MN001, 2024, 1, 600))));
    /** Authorized for NDC, then 100 units moved from Mongolia to Japan: first transfer of 1-100. */
    static final Consumer<Fixture> FIRST_TRANSFERRED = AUTHORIZED.andThen(f -> f.transfer(f.mnC1, f.jpB1, 100));

    /** PR00000001: Mongolia's first administrator proposes to freeze MNG01-H00002. */
    static final Consumer<Fixture> FREEZE_PROPOSED = f -> f.ok(admin(MNG01),
            new ProposeAction(new FreezeAccount(f.mnG1, Optional.of("court order"))));
    /** PR00000001 rejected by the second administrator; PR00000002 proposes to freeze MNG01-H00001. */
    static final Consumer<Fixture> ONE_REJECTED_ONE_PENDING = FREEZE_PROPOSED
            .andThen(f -> f.ok(second(admin(MNG01)), new RejectProposal(ProposalId.of(1), "no court order yet")))
            .andThen(f -> f.ok(admin(MNG01), new ProposeAction(new FreezeAccount(f.mnC1, Optional.empty()))));
    /** PR00000001 made at T0, past its expiry (P7D) by eight days later, when PR00000002 is made. */
    static final Consumer<Fixture> ONE_EXPIRED_ONE_PENDING = FREEZE_PROPOSED
            .andThen(f -> f.advanceTo(T0.plus(java.time.Duration.ofDays(8))))
            .andThen(f -> f.ok(admin(MNG01), new ProposeAction(new FreezeAccount(f.mnC1, Optional.empty()))));
    /** A second account holder of the Mongolian company, who may approve what {@code holder(f.mnC)} initiated. */
    static final Actor SECOND_MNC = Actor.accountHolder("second-MNG01-O0001", OrganizationId.of(MNG01, 1));
    /**
     * On the default configuration (EU rules): the Mongolian company transfers 10 units to Company
     * B in Japan, not trusted, so the transfer waits for approval as PT00000001 with units 1-10 reserved.
     */
    static final Consumer<Fixture> PENDED = ISSUED.andThen(f -> f.ok(holder(f.mnC), transfer(f.mnC1, f.jpB1, 10)));

    static BlockSerial serial(ProjectId project, int vintage, long first, long last) {
        return new BlockSerial(project, Vintage.of(vintage), UnitRange.of(first, last));
    }

    static TransferCredits transfer(AccountId from, AccountId to, long quantity) {
        return TransferCredits.of(from, to, quantity);
    }

    static TransferCredits transferSerials(AccountId from, AccountId to, long quantity, BlockSerial... serials) {
        return new TransferCredits(from, to, Quantity.of(quantity), List.of(serials), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static IssueCredits issue(String id, ProjectId project, int periodYear, int vintage, long total, IssuanceRequestId request,
                              Allocation... allocations) {
        return new IssueCredits(new IssuanceId(id), project, LocalDate.of(periodYear, 1, 1), LocalDate.of(periodYear, 12, 31),
                Vintage.of(vintage), Quantity.of(total), List.of(allocations), request);
    }

    /** The project's first participant asks for {@code verified} units for calendar year {@code year}. */
    static IssuanceRequestId request(Fixture f, ProjectId project, int year, long verified) {
        return f.request(project, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), verified);
    }

    static IssuanceRequestId ir(int number) {
        return IssuanceRequestId.of(number);
    }

    static Allocation alloc(AccountId account, long quantity) {
        return new Allocation(account, Quantity.of(quantity));
    }

    static AuthorizeUnits authorizeSerials(String id, PartyCode party, CooperativeApproachId ca, Optional<Quantity> cap,
                                           List<Vintage> vintages, BlockSerial... serials) {
        return new AuthorizeUnits(new AuthorizationId(id), party, ca, AuthorizationPurpose.NDC, Optional.empty(), Optional.empty(),
                cap, vintages, List.of(), Optional.empty(), List.of(serials));
    }

    static ApplyCorrespondingAdjustment adjust(int year, CaMethod method, BlockSerial... serials) {
        return new ApplyCorrespondingAdjustment(MNG, Year.of(year), method, List.of(serials), List.of());
    }

    static RetireCredits retire(AccountId from, long quantity, RetirementPurpose purpose, Optional<Year> year) {
        return new RetireCredits(from, Quantity.of(quantity), List.of(), Optional.empty(), purpose, Optional.of(new Beneficiary.Stated("Company A")),
                purpose == RetirementPurpose.NDC ? Optional.of(JPN) : Optional.empty(), year, Optional.empty());
    }

    static long firstTransferSeq(Fixture f) {
        for (LedgerEvent e : f.events) {
            if (e instanceof FirstTransferRecorded) {
                return e.seq();
            }
        }
        throw new AssertionError("no first transfer");
    }

    static final List<Case> CASES = List.of(
            new Case("transferring_as_a_government_is_rejected_with_forbidden_role", Rejection.FORBIDDEN_ROLE, ISSUED,
                    f -> GOV_MNG, f -> transfer(f.mnC1, f.mnG1, 10), f -> transfer(f.mnC1, f.mnG1, 10), f -> holder(f.mnC)),
            new Case("freezing_an_account_without_a_second_administrator_is_rejected_with_approval_required",
                    Rejection.APPROVAL_REQUIRED, NOTHING, f -> admin(MNG01), f -> new FreezeAccount(f.mnG1, Optional.empty()),
                    f -> new ProposeAction(new FreezeAccount(f.mnG1, Optional.empty()))).exactlyAsGiven(),
            new Case("registering_a_registry_of_an_unregistered_party_is_rejected_with_unknown_party", Rejection.UNKNOWN_PARTY,
                    NOTHING, f -> OPERATOR, f -> new RegisterRegistry(new RegistryId("KAZ01"), "Kazakhstan"),
                    f -> new RegisterRegistry(new RegistryId("MNG02"), "Mongolia second")),
            new Case("registering_an_organization_in_a_registry_not_hosted_here_is_rejected_with_unknown_registry",
                    Rejection.UNKNOWN_REGISTRY, NOTHING, f -> admin(MNG01),
                    f -> new RegisterOrganization(new RegistryId("MNG02"), "X"), f -> new RegisterOrganization(MNG01, "X")),
            new Case("opening_an_account_for_an_unknown_organization_is_rejected_with_unknown_organization",
                    Rejection.UNKNOWN_ORGANIZATION, NOTHING, f -> admin(MNG01),
                    f -> new OpenAccount(OrganizationId.of(MNG01, 9), "X"), f -> new OpenAccount(f.mnC, "X")),
            new Case("transferring_to_an_unknown_account_is_rejected_with_unknown_account", Rejection.UNKNOWN_ACCOUNT, ISSUED,
                    f -> holder(f.mnC), f -> transfer(f.mnC1, AccountId.holding(MNG01, 99), 10), f -> transfer(f.mnC1, f.mnG1, 10)),
            new Case("issuing_for_an_unregistered_project_is_rejected_with_unknown_project", Rejection.UNKNOWN_PROJECT, REQUESTED,
                    f -> admin(MNG01), f -> issue("X-1", new ProjectId("MN099"), 2024, 2024, 10, ir(1), alloc(f.mnC1, 10)),
                    f -> issue("X-1", MN001, 2024, 2024, 10, ir(1), alloc(f.mnC1, 10))),
            new Case("issuing_on_an_unknown_request_is_rejected_with_unknown_issuance_request", Rejection.UNKNOWN_ISSUANCE_REQUEST,
                    REQUESTED, f -> admin(MNG01), f -> issue("X-1", MN001, 2024, 2024, 10, ir(9), alloc(f.mnC1, 10)),
                    f -> issue("X-1", MN001, 2024, 2024, 10, ir(1), alloc(f.mnC1, 10))),
            new Case("authorizing_an_unknown_issuance_is_rejected_with_unknown_issuance", Rejection.UNKNOWN_ISSUANCE, ISSUED,
                    f -> GOV_MNG, f -> authorizeIssuance("MNG-A-9", "nope", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()),
                    f -> authorizeIssuance("MNG-A-9", "MN001-2024-01", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty())),
            new Case("revoking_an_unknown_authorization_is_rejected_with_unknown_authorization", Rejection.UNKNOWN_AUTHORIZATION,
                    AUTHORIZED, f -> GOV_MNG, f -> new RevokeAuthorization(new AuthorizationId("nope"), Optional.empty()),
                    f -> new RevokeAuthorization(new AuthorizationId("MNG-A-1"), Optional.empty())),
            new Case("adjusting_by_a_sequence_that_is_no_first_transfer_is_rejected_with_unknown_first_transfer",
                    Rejection.UNKNOWN_FIRST_TRANSFER, FIRST_TRANSFERRED, f -> GOV_MNG,
                    f -> new ApplyCorrespondingAdjustment(MNG, Year.of(2024), CaMethod.TRAJECTORY, List.of(), List.of(1L)),
                    f -> new ApplyCorrespondingAdjustment(MNG, Year.of(2024), CaMethod.TRAJECTORY, List.of(),
                            List.of(firstTransferSeq(f)))),
            new Case("approving_a_pending_transfer_that_does_not_exist_is_rejected_with_proposal_not_found",
                    Rejection.PROPOSAL_NOT_FOUND, PENDED, f -> SECOND_MNC, f -> new ApprovePendingTransfer(PendingTransferId.of(9)),
                    f -> new ApprovePendingTransfer(PendingTransferId.of(1))).on(LedgerConfig.DEFAULT),
            new Case("updating_an_unknown_methodology_is_rejected_with_unknown_methodology", Rejection.UNKNOWN_METHODOLOGY,
                    NOTHING, f -> CycleFixtures.JC_MNG,
                    f -> new UpdateMethodology(CycleFixtures.methodology("MN_AM001", 1)), f -> CycleFixtures.registered("MN_AM001", 1)),
            new Case("updating_an_unaccredited_entity_is_rejected_with_unknown_third_party_entity",
                    Rejection.UNKNOWN_THIRD_PARTY_ENTITY, NOTHING, f -> OPERATOR,
                    f -> new UpdateThirdPartyEntity(CycleFixtures.entity(CycleFixtures.TPE1, 1)),
                    f -> new AccreditThirdPartyEntity(CycleFixtures.entity(CycleFixtures.TPE1, 1))),
            new Case("reviewing_an_application_that_does_not_exist_is_rejected_with_unknown_application",
                    Rejection.UNKNOWN_APPLICATION, RouteFixtures::submitted, f -> GOV_MNG,
                    f -> new ReviewProjectIdea(ApplicationId.of(9), ReviewVerdict.ACCEPT, List.of(), List.of()),
                    f -> RouteFixtures.pinReview(ReviewVerdict.ACCEPT)),
            new Case("verifying_a_monitoring_cycle_that_does_not_exist_is_rejected_with_unknown_monitoring_cycle",
                    Rejection.UNKNOWN_MONITORING_CYCLE, ((Consumer<Fixture>) RouteFixtures::registered).andThen(f -> f.ok(holder(f.mnC), MonitoringCycleTest.year(2025, 500))), f -> RouteFixtures.TPE2,
                    f -> new VerifyMonitoringReport(MonitoringCycleId.of(9), ReviewVerdict.ACCEPT, Optional.of(Quantity.of(5)), List.of(),
                            List.of(RouteFixtures.doc(DocumentKind.VERIFICATION_REPORT))),
                    f -> MonitoringCycleTest.verified(5)),
            new Case("transferring_from_another_organizations_account_is_rejected_with_forbidden_scope", Rejection.FORBIDDEN_SCOPE,
                    ISSUED, f -> holder(f.jpA), f -> transfer(f.mnC1, f.mnG1, 10), f -> transfer(f.jpA1, f.mnG1, 10)),
            new Case("approving_ones_own_pending_transfer_is_rejected_with_approval_by_proposer", Rejection.APPROVAL_BY_PROPOSER,
                    PENDED, f -> holder(f.mnC), f -> new ApprovePendingTransfer(PendingTransferId.of(1)),
                    f -> new ApprovePendingTransfer(PendingTransferId.of(1)), f -> SECOND_MNC).on(LedgerConfig.DEFAULT),
            new Case("a_project_idea_submitted_by_a_mere_participant_is_rejected_with_not_the_applicant", Rejection.NOT_THE_APPLICANT,
                    RouteFixtures::reference, f -> holder(f.jpA), RouteFixtures::submit, RouteFixtures::submit, f -> holder(f.jpB)),
            new Case("a_project_idea_reviewed_by_the_government_of_another_party_is_rejected_with_not_the_reviewer",
                    Rejection.NOT_THE_REVIEWER, RouteFixtures::submitted, f -> GOV_TWN,
                    f -> RouteFixtures.pinReview(ReviewVerdict.ACCEPT), f -> RouteFixtures.pinReview(ReviewVerdict.ACCEPT), f -> GOV_MNG),
            new Case("a_validation_by_a_suspended_entity_is_rejected_with_tpe_not_accredited", Rejection.TPE_NOT_ACCREDITED,
                    ((Consumer<Fixture>) RouteFixtures::designed).andThen(f -> f.ok(OPERATOR, new UpdateThirdPartyEntity(
                            new ThirdPartyEntity(CycleFixtures.TPE2, "Verifier", CycleFixtures.scopes(1), Set.of(MNG),
                                    AccreditationStatus.SUSPENDED)))),
                    f -> RouteFixtures.TPE2, f -> RouteFixtures.validation(ReviewVerdict.ACCEPT),
                    f -> RouteFixtures.validation(ReviewVerdict.ACCEPT), f -> RouteFixtures.TPE1),
            new Case("a_consent_given_by_the_proxy_is_rejected_with_consent_required", Rejection.CONSENT_REQUIRED,
                    ((Consumer<Fixture>) RouteFixtures::submitted).andThen(f -> f.ok(holder(f.jpB), new ChangeParticipants(
                            RouteFixtures.AP1, new Participants(f.mnC, List.of(), Optional.of(f.jpB))))),
                    f -> holder(f.jpB), f -> new ConsentParticipantChange(RouteFixtures.AP1),
                    f -> new ConsentParticipantChange(RouteFixtures.AP1), f -> holder(f.mnC)),
            new Case("a_verification_by_the_validating_entity_is_rejected_with_same_tpe_for_validation_and_verification",
                    Rejection.SAME_TPE_FOR_VALIDATION_AND_VERIFICATION, ((Consumer<Fixture>) RouteFixtures::registered).andThen(f -> f.ok(holder(f.mnC), MonitoringCycleTest.year(2025, 500))), f -> RouteFixtures.TPE1,
                    f -> MonitoringCycleTest.verified(500), f -> MonitoringCycleTest.verified(500), f -> RouteFixtures.TPE2),
            new Case("registering_a_party_twice_is_rejected_with_party_already_registered", Rejection.PARTY_ALREADY_REGISTERED,
                    NOTHING, f -> OPERATOR,
                    f -> new RegisterParty(new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true, Optional.of(CA),
                            Optional.of(LocalDate.of(2013, 1, 8)), Set.of())),
                    f -> new RegisterParty(new Party("KZ", new PartyCode("KAZ"), "Kazakhstan", JcmStatus.PARTNER, true,
                            Optional.of(new CooperativeApproachId("CA0027")),
                            Optional.of(LocalDate.of(2023, 10, 30)), Set.of()))),
            new Case("registering_a_registry_twice_is_rejected_with_registry_already_registered",
                    Rejection.REGISTRY_ALREADY_REGISTERED, NOTHING, f -> OPERATOR, f -> new RegisterRegistry(MNG01, "again"),
                    f -> new RegisterRegistry(new RegistryId("MNG02"), "second")),
            new Case("registering_a_project_twice_is_rejected_with_project_already_registered",
                    Rejection.PROJECT_ALREADY_REGISTERED, NOTHING, f -> admin(MNG01),
                    f -> new RegisterProject(MN001, "again", new MethodologyId("MN_AM001"), MNG01, List.of(f.mnC)),
                    f -> new RegisterProject(new ProjectId("MN003"), "new", new MethodologyId("MN_AM001"), MNG01, List.of(f.mnC))),
            new Case("reusing_an_issuance_id_is_rejected_with_issuance_already_issued", Rejection.ISSUANCE_ALREADY_ISSUED,
                    ISSUED.andThen(f -> request(f, MN001, 2025, 10)), f -> admin(MNG01),
                    f -> issue("MN001-2024-01", MN001, 2025, 2025, 10, ir(2), alloc(f.mnC1, 10)),
                    f -> issue("MN001-2025-01", MN001, 2025, 2025, 10, ir(2), alloc(f.mnC1, 10))),
            new Case("issuing_a_decision_twice_in_one_registry_is_rejected_with_issuance_decision_already_issued",
                    Rejection.ISSUANCE_DECISION_ALREADY_ISSUED,
                    f -> {
                        request(f, MN001, 2024, 1_000);
                        f.ok(admin(MNG01), issue("MN001-2024-01", MN001, 2024, 2024, 600, ir(1), alloc(f.mnC1, 600)));
                    },
                    f -> admin(MNG01), f -> issue("MN001-2024-02", MN001, 2024, 2024, 10, ir(1), alloc(f.mnG1, 10)),
                    f -> issue("MN001-2024-02", MN001, 2024, 2024, 10, ir(1), alloc(f.jpA1, 10)), f -> admin(JPN01)),
            new Case("reusing_an_authorization_id_is_rejected_with_authorization_already_exists",
                    Rejection.AUTHORIZATION_ALREADY_EXISTS, AUTHORIZED.andThen(f -> f.issue("MN002-2024-01", MN002, 2024, f.mnG1, 50)),
                    f -> GOV_MNG,
                    f -> authorizeIssuance("MNG-A-1", "MN002-2024-01", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()),
                    f -> authorizeIssuance("MNG-A-2", "MN002-2024-01", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty())),
            new Case("adding_an_account_to_the_trusted_list_twice_is_rejected_with_account_already_trusted",
                    Rejection.ACCOUNT_ALREADY_TRUSTED, f -> f.ok(holder(f.mnC), new AddTrustedAccount(f.mnC, f.jpB1)),
                    f -> holder(f.mnC), f -> new AddTrustedAccount(f.mnC, f.jpB1), f -> new AddTrustedAccount(f.mnC, f.jpA1)),
            new Case("registering_a_methodology_twice_is_rejected_with_methodology_already_registered",
                    Rejection.METHODOLOGY_ALREADY_REGISTERED, f -> f.ok(CycleFixtures.JC_MNG, CycleFixtures.registered("MN_AM001", 1)),
                    f -> CycleFixtures.JC_MNG, f -> CycleFixtures.registered("MN_AM001", 1),
                    f -> CycleFixtures.registered("MN_AM002", 1)),
            new Case("accrediting_an_entity_twice_is_rejected_with_third_party_entity_already_accredited",
                    Rejection.THIRD_PARTY_ENTITY_ALREADY_ACCREDITED,
                    f -> f.ok(OPERATOR, new AccreditThirdPartyEntity(CycleFixtures.entity(CycleFixtures.TPE1, 1))), f -> OPERATOR,
                    f -> new AccreditThirdPartyEntity(CycleFixtures.entity(CycleFixtures.TPE1, 1)),
                    f -> new AccreditThirdPartyEntity(CycleFixtures.entity(CycleFixtures.TPE2, 1))),
            new Case("transferring_to_the_same_account_is_rejected_with_same_account", Rejection.SAME_ACCOUNT, ISSUED,
                    f -> holder(f.mnC), f -> transfer(f.mnC1, f.mnC1, 10), f -> transfer(f.mnC1, f.mnG1, 10)),
            new Case("registering_a_partner_without_its_signing_date_is_rejected_with_invalid_signing_date",
                    Rejection.INVALID_SIGNING_DATE, NOTHING, f -> OPERATOR,
                    f -> new RegisterParty(CycleFixtures.kazakhstan(Optional.empty())),
                    f -> new RegisterParty(CycleFixtures.kazakhstan(Optional.of(LocalDate.of(2023, 10, 30))))),
            new Case("a_methodology_id_of_another_host_is_rejected_with_methodology_not_of_host", Rejection.METHODOLOGY_NOT_OF_HOST,
                    NOTHING, f -> CycleFixtures.JC_MNG, f -> CycleFixtures.registered("BD_AM001", 1),
                    f -> CycleFixtures.registered("MN_AM001", 1)),
            new Case("a_methodology_outside_the_agreement_is_rejected_with_scope_not_in_agreement", Rejection.SCOPE_NOT_IN_AGREEMENT,
                    f -> f.ok(OPERATOR, CycleFixtures.mongoliaWith(1, 3)), f -> CycleFixtures.JC_MNG,
                    f -> CycleFixtures.registered("MN_AM001", 7), f -> CycleFixtures.registered("MN_AM001", 3)),
            new Case("a_project_idea_on_a_draft_methodology_is_rejected_with_methodology_not_approved",
                    Rejection.METHODOLOGY_NOT_APPROVED, ((Consumer<Fixture>) RouteFixtures::reference).andThen(f -> f.ok(
                            CycleFixtures.JC_MNG, new RegisterMethodology(CycleFixtures.methodology("MN_AM002", 1, MethodologyStatus.DRAFT)))),
                    f -> holder(f.mnC),
                    f -> new SubmitProjectIdea(new ProjectIdea("Draft", List.of(MNG), new MethodologyId("MN_AM002"),
                            RouteFixtures.idea(MNG).financing(), RouteFixtures.idea(MNG).documents()), RouteFixtures.participants(f)),
                    RouteFixtures::submit),
            new Case("a_return_without_reasons_is_rejected_with_reasons_required", Rejection.REASONS_REQUIRED,
                    RouteFixtures::submitted, f -> GOV_MNG, f -> RouteFixtures.pinReview(ReviewVerdict.RETURN),
                    f -> RouteFixtures.pinReview(ReviewVerdict.RETURN, "state the baseline")),
            new Case("a_design_without_its_project_design_document_is_rejected_with_missing_document", Rejection.MISSING_DOCUMENT,
                    RouteFixtures::confirmed, f -> holder(f.mnC),
                    f -> new SubmitDesign(RouteFixtures.AP1, List.of(RouteFixtures.doc(DocumentKind.PIN))), f -> RouteFixtures.design()),
            new Case("a_monitoring_period_longer_than_the_methodology_allows_is_rejected_with_monitoring_period_too_long",
                    Rejection.MONITORING_PERIOD_TOO_LONG, ((Consumer<Fixture>) RouteFixtures::registered).andThen(f -> f.ok(
                            CycleFixtures.JC_MNG, new UpdateMethodology(new Methodology(RouteFixtures.SOLAR, MNG, "Solar", SectoralScope.ofNumber(1),
                                    2, MethodologyStatus.APPROVED, Optional.of(365), false)))),
                    f -> holder(f.mnC),
                    f -> MonitoringCycleTest.report(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), 10),
                    f -> MonitoringCycleTest.year(2025, 10)),
            new Case("verifying_more_than_the_report_claims_is_rejected_with_verified_exceeds_claimed",
                    Rejection.VERIFIED_EXCEEDS_CLAIMED, ((Consumer<Fixture>) RouteFixtures::registered).andThen(f -> f.ok(holder(f.mnC), MonitoringCycleTest.year(2025, 500))), f -> RouteFixtures.TPE2,
                    f -> MonitoringCycleTest.verified(501), f -> MonitoringCycleTest.verified(500)),
            new Case("transferring_into_a_retirement_account_is_rejected_with_not_holding_account", Rejection.NOT_HOLDING_ACCOUNT,
                    ISSUED, f -> holder(f.mnC), f -> transfer(f.mnC1, AccountId.retirement(MNG01), 10),
                    f -> transfer(f.mnC1, f.mnG1, 10)),
            new Case("issuing_a_vintage_outside_the_monitoring_period_is_rejected_with_invalid_monitoring_period",
                    Rejection.INVALID_MONITORING_PERIOD, REQUESTED, f -> admin(MNG01),
                    f -> issue("X-1", MN001, 2024, 2023, 10, ir(1), alloc(f.mnC1, 10)),
                    f -> issue("X-1", MN001, 2024, 2024, 10, ir(1), alloc(f.mnC1, 10))),
            new Case("allocations_that_do_not_add_up_are_rejected_with_invalid_allocation", Rejection.INVALID_ALLOCATION, REQUESTED,
                    f -> admin(MNG01), f -> issue("X-1", MN001, 2024, 2024, 30, ir(1), alloc(f.mnC1, 10), alloc(f.mnG1, 10)),
                    f -> issue("X-1", MN001, 2024, 2024, 20, ir(1), alloc(f.mnC1, 10), alloc(f.mnG1, 10))),
            new Case("japan_issuing_into_a_mongolian_account_is_rejected_with_allocation_outside_issuing_registry",
                    Rejection.ALLOCATION_OUTSIDE_ISSUING_REGISTRY, REQUESTED, f -> admin(JPN01),
                    f -> issue("X-1", MN001, 2024, 2024, 20, ir(1), alloc(f.jpA1, 10), alloc(f.mnC1, 10)),
                    f -> issue("X-1", MN001, 2024, 2024, 20, ir(1), alloc(f.jpA1, 10), alloc(f.jpB1, 10))),
            new Case("issuing_on_a_request_for_another_project_is_rejected_with_issuance_request_mismatch",
                    Rejection.ISSUANCE_REQUEST_MISMATCH,
                    f -> f.ok(holder(f.mnC), new SubmitIssuanceRequest(MN001, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                            Quantity.of(100), "VER-1")),
                    f -> admin(MNG01), f -> issue("X-1", MN002, 2024, 2024, 10, ir(1), alloc(f.mnC1, 10)),
                    f -> issue("X-1", MN001, 2024, 2024, 10, ir(1), alloc(f.mnC1, 10))),
            new Case("issuing_other_allocations_than_the_joint_committee_decided_is_rejected_with_issuance_not_as_decided",
                    Rejection.ISSUANCE_NOT_AS_DECIDED, ((Consumer<Fixture>) CycleIssuanceTest::requested).andThen(
                            f -> f.ok(CycleFixtures.JC_MNG, CycleIssuanceTest.decision(f, 500))), f -> admin(MNG01),
                    f -> CycleIssuanceTest.issue("MN003-2025-01", CycleIssuanceTest.alloc(f.mnC1, 399)),
                    f -> CycleIssuanceTest.issue("MN003-2025-01", CycleIssuanceTest.alloc(f.mnC1, 400))),
            new Case("issuing_more_than_verified_is_rejected_with_verified_quantity_exceeded", Rejection.VERIFIED_QUANTITY_EXCEEDED,
                    f -> f.ok(holder(f.mnC), new SubmitIssuanceRequest(MN001, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                            Quantity.of(100), "VER-1")),
                    f -> admin(MNG01), f -> issue("X-1", MN001, 2024, 2024, 150, ir(1), alloc(f.mnC1, 150)),
                    f -> issue("X-1", MN001, 2024, 2024, 100, ir(1), alloc(f.mnC1, 100))),
            new Case("an_issuance_decision_giving_japan_less_than_its_financing_share_is_rejected_with_japan_share_below_financing",
                    Rejection.JAPAN_SHARE_BELOW_FINANCING, CycleIssuanceTest::requested, f -> CycleFixtures.JC_MNG,
                    f -> CycleIssuanceTest.decision(f, 499), f -> CycleIssuanceTest.decision(f, 500)),
            new Case("issuing_more_than_one_issuance_may_create_is_rejected_with_issuance_quantity_limit_exceeded",
                    Rejection.ISSUANCE_QUANTITY_LIMIT_EXCEEDED, f -> request(f, MN001, 2024, 200_000_000), f -> admin(MNG01),
                    f -> issue("X-1", MN001, 2024, 2024, 100_000_001, ir(1), alloc(f.mnC1, 100_000_001)),
                    f -> issue("X-1", MN001, 2024, 2024, 100_000_000, ir(1), alloc(f.mnC1, 100_000_000))),
            new Case("a_quantity_that_differs_from_the_serial_ranges_is_rejected_with_quantity_mismatch", Rejection.QUANTITY_MISMATCH,
                    ISSUED, f -> holder(f.mnC), f -> transferSerials(f.mnC1, f.mnG1, 11, serial(MN001, 2024, 1, 10)),
                    f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 1, 10))),
            new Case("overlapping_serial_ranges_are_rejected_with_overlapping_serial_ranges", Rejection.OVERLAPPING_SERIAL_RANGES,
                    ISSUED, f -> holder(f.mnC),
                    f -> transferSerials(f.mnC1, f.mnG1, 20, serial(MN001, 2024, 1, 10), serial(MN001, 2024, 5, 14)),
                    f -> transferSerials(f.mnC1, f.mnG1, 20, serial(MN001, 2024, 1, 10), serial(MN001, 2024, 11, 20))),
            new Case("retiring_for_ndc_without_year_of_use_is_rejected_with_use_details_required", Rejection.USE_DETAILS_REQUIRED,
                    AUTHORIZED, f -> holder(f.mnC), f -> retire(f.mnC1, 10, RetirementPurpose.NDC, Optional.empty()),
                    f -> retire(f.mnC1, 10, RetirementPurpose.NDC, Optional.of(Year.of(2030)))),
            new Case("authorizing_by_a_non_paris_party_is_rejected_with_party_not_paris_agreement_party",
                    Rejection.PARTY_NOT_PARIS_AGREEMENT_PARTY, f -> f.issue("TW001-2024-01", TW001, 2024, f.twC1, 100),
                    f -> GOV_TWN, f -> authorizeSerials("TWN-A-1", TWN, CA, Optional.empty(), List.of(), serial(TW001, 2024, 1, 10)),
                    null),
            new Case("authorizing_under_another_cooperative_approach_is_rejected_with_cooperative_approach_mismatch",
                    Rejection.COOPERATIVE_APPROACH_MISMATCH, ISSUED, f -> GOV_MNG,
                    f -> authorizeSerials("MNG-A-9", MNG, new CooperativeApproachId("CA0013"), Optional.empty(), List.of(),
                            serial(MN001, 2024, 1, 10)),
                    f -> authorizeSerials("MNG-A-9", MNG, CA, Optional.empty(), List.of(), serial(MN001, 2024, 1, 10))),
            new Case("registering_a_project_hosted_by_a_jcm_candidate_is_rejected_with_host_not_jcm_partner",
                    Rejection.HOST_NOT_JCM_PARTNER, f -> f.ok(OPERATOR, new RegisterParty(USA)), f -> admin(JPN01),
                    f -> new RegisterProject(new ProjectId("US755"), "x", new MethodologyId("US_AM001"), JPN01, List.of(f.jpA)),
                    f -> new RegisterProject(new ProjectId("MN755"), "x", new MethodologyId("MN_AM001"), JPN01, List.of(f.jpA))),
            new Case("registering_a_project_in_a_third_party_registry_is_rejected_with_registry_not_eligible",
                    Rejection.REGISTRY_NOT_ELIGIBLE, NOTHING, f -> admin(TWN01),
                    f -> new RegisterProject(new ProjectId("MN003"), "x", new MethodologyId("MN_AM001"), TWN01, List.of(f.twC)),
                    f -> new RegisterProject(new ProjectId("TW003"), "x", new MethodologyId("TW_AM001"), TWN01, List.of(f.twC))),
            new Case("authorizing_units_of_another_host_is_rejected_with_not_host_party", Rejection.NOT_HOST_PARTY,
                    ISSUED.andThen(f -> f.issue("TW001-2024-01", TW001, 2024, f.twC1, 100)), f -> GOV_MNG,
                    f -> authorizeSerials("MNG-A-9", MNG, CA, Optional.empty(), List.of(), serial(TW001, 2024, 1, 10)),
                    f -> authorizeSerials("MNG-A-9", MNG, CA, Optional.empty(), List.of(), serial(MN001, 2024, 1, 10))),
            new Case("authorizing_units_of_an_excluded_vintage_is_rejected_with_vintage_not_authorized",
                    Rejection.VINTAGE_NOT_AUTHORIZED, ISSUED, f -> GOV_MNG,
                    f -> authorizeSerials("MNG-A-9", MNG, CA, Optional.empty(), List.of(Vintage.of(2025)), serial(MN001, 2024, 1, 10)),
                    f -> authorizeSerials("MNG-A-9", MNG, CA, Optional.empty(), List.of(Vintage.of(2024)), serial(MN001, 2024, 1, 10))),
            new Case("authorizing_more_than_the_cap_is_rejected_with_authorization_cap_exceeded",
                    Rejection.AUTHORIZATION_CAP_EXCEEDED, ISSUED, f -> GOV_MNG,
                    f -> authorizeSerials("MNG-A-9", MNG, CA, Optional.of(Quantity.of(9)), List.of(), serial(MN001, 2024, 1, 10)),
                    f -> authorizeSerials("MNG-A-9", MNG, CA, Optional.of(Quantity.of(10)), List.of(), serial(MN001, 2024, 1, 10))),
            new Case("revoking_after_a_first_transfer_is_rejected_with_already_first_transferred",
                    Rejection.ALREADY_FIRST_TRANSFERRED,
                    FIRST_TRANSFERRED.andThen(f -> f.issue("MN002-2024-01", MN002, 2024, f.mnG1, 50))
                            .andThen(f -> f.ok(GOV_MNG, authorizeIssuance("MNG-A-2", "MN002-2024-01", AuthorizationPurpose.NDC,
                                    Optional.empty(), Optional.empty()))),
                    f -> GOV_MNG, f -> new RevokeAuthorization(new AuthorizationId("MNG-A-1"), Optional.empty()),
                    f -> new RevokeAuthorization(new AuthorizationId("MNG-A-2"), Optional.empty())),
            new Case("adjusting_for_a_year_outside_every_ndc_period_is_rejected_with_year_outside_ndc_period",
                    Rejection.YEAR_OUTSIDE_NDC_PERIOD, FIRST_TRANSFERRED, f -> GOV_MNG,
                    f -> adjust(2019, CaMethod.TRAJECTORY, serial(MN001, 2024, 1, 100)),
                    f -> adjust(2024, CaMethod.TRAJECTORY, serial(MN001, 2024, 1, 100))),
            new Case("adjusting_for_another_year_than_the_vintage_is_rejected_with_adjustment_year_mismatch",
                    Rejection.ADJUSTMENT_YEAR_MISMATCH, FIRST_TRANSFERRED, f -> GOV_MNG,
                    f -> adjust(2025, CaMethod.TRAJECTORY, serial(MN001, 2024, 1, 100)),
                    f -> adjust(2024, CaMethod.TRAJECTORY, serial(MN001, 2024, 1, 100))),
            new Case("changing_the_ca_method_within_an_ndc_period_is_rejected_with_ca_method_mismatch", Rejection.CA_METHOD_MISMATCH,
                    FIRST_TRANSFERRED.andThen(f -> f.ok(GOV_MNG, adjust(2024, CaMethod.TRAJECTORY, serial(MN001, 2024, 1, 50)))),
                    f -> GOV_MNG, f -> adjust(2024, CaMethod.AVERAGING, serial(MN001, 2024, 51, 100)),
                    f -> adjust(2024, CaMethod.TRAJECTORY, serial(MN001, 2024, 51, 100))),
            new Case("issuing_past_the_largest_unit_number_is_rejected_with_unit_numbering_exhausted",
                    Rejection.UNIT_NUMBERING_EXHAUSTED,
                    f -> {
                        f.issue("BIG", MN001, 2024, f.mnC1, Quantity.MAX - 1);
                        request(f, MN002, 2024, 10);
                    },
                    f -> admin(MNG01), f -> issue("X-1", MN002, 2024, 2024, 2, ir(2), alloc(f.mnG1, 2)),
                    f -> issue("X-1", MN002, 2024, 2024, 1, ir(2), alloc(f.mnG1, 1))).on(UNLIMITED),
            new Case("registering_a_project_when_its_host_has_project_999_is_rejected_with_project_numbering_exhausted",
                    Rejection.PROJECT_NUMBERING_EXHAUSTED, ((Consumer<Fixture>) RouteFixtures::validated).andThen(f -> f.ok(admin(MNG01),
                            new RegisterProject(new ProjectId("MN999"), "Last", new MethodologyId("MN_AM001"), MNG01, List.of(f.mnC)))),
                    f -> CycleFixtures.JC_MNG, f -> RouteFixtures.registration(ReviewVerdict.ACCEPT),
                    f -> RouteFixtures.registration(ReviewVerdict.RETURN, "renumber first")),
            new Case("issuing_past_2_53_minus_1_units_in_the_whole_ledger_is_rejected_with_ledger_unit_limit_exceeded",
                    Rejection.LEDGER_UNIT_LIMIT_EXCEEDED,
                    f -> {
                        f.issue("BIG", MN001, 2024, f.mnC1, Quantity.MAX - 1);
                        request(f, MN002, 2025, 10);
                    },
                    f -> admin(MNG01), f -> issue("X-1", MN002, 2025, 2025, 2, ir(2), alloc(f.mnG1, 2)),
                    f -> issue("X-1", MN002, 2025, 2025, 1, ir(2), alloc(f.mnG1, 1))).on(UNLIMITED),
            new Case("approving_a_cancelled_pending_transfer_is_rejected_with_proposal_not_pending", Rejection.PROPOSAL_NOT_PENDING,
                    PENDED.andThen(f -> f.ok(holder(f.mnC), new CancelPendingTransfer(PendingTransferId.of(1), "wrong account")))
                            .andThen(f -> f.ok(holder(f.mnC), transfer(f.mnC1, f.jpB1, 10))),
                    f -> SECOND_MNC, f -> new ApprovePendingTransfer(PendingTransferId.of(1)),
                    f -> new ApprovePendingTransfer(PendingTransferId.of(2))).on(LedgerConfig.DEFAULT),
            new Case("approving_a_pending_transfer_after_its_expiry_is_rejected_with_proposal_expired", Rejection.PROPOSAL_EXPIRED,
                    PENDED.andThen(f -> f.advanceTo(T0.plus(LedgerConfig.DEFAULT_PENDING_APPROVAL_TIMEOUT).plusSeconds(3600))),
                    f -> SECOND_MNC, f -> new ApprovePendingTransfer(PendingTransferId.of(1)),
                    f -> new CancelPendingTransfer(PendingTransferId.of(1), "too late")).on(LedgerConfig.DEFAULT),
            new Case("removing_a_scope_an_approved_methodology_uses_is_rejected_with_scope_in_use", Rejection.SCOPE_IN_USE,
                    f -> f.ok(CycleFixtures.JC_MNG, CycleFixtures.registered("MN_AM001", 1)), f -> OPERATOR,
                    f -> CycleFixtures.mongoliaWith(3), f -> CycleFixtures.mongoliaWith(1, 3)),
            new Case("validating_a_design_not_yet_submitted_is_rejected_with_application_wrong_step",
                    Rejection.APPLICATION_WRONG_STEP, RouteFixtures::confirmed, f -> RouteFixtures.TPE1,
                    f -> RouteFixtures.validation(ReviewVerdict.ACCEPT), f -> RouteFixtures.design(), f -> holder(f.mnC)),
            new Case("a_monitoring_period_overlapping_another_cycle_is_rejected_with_monitoring_period_overlap",
                    Rejection.MONITORING_PERIOD_OVERLAP, ((Consumer<Fixture>) RouteFixtures::registered).andThen(f -> f.ok(holder(f.mnC), MonitoringCycleTest.year(2025, 500))), f -> holder(f.mnC),
                    f -> MonitoringCycleTest.report(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31), 10),
                    f -> MonitoringCycleTest.report(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 10)),
            new Case("amending_a_revoked_authorization_is_rejected_with_authorization_revoked", Rejection.AUTHORIZATION_REVOKED,
                    AUTHORIZED.andThen(f -> f.ok(GOV_MNG, new RevokeAuthorization(new AuthorizationId("MNG-A-1"), Optional.empty())))
                            .andThen(f -> f.ok(GOV_MNG, authorizeSerials("MNG-A-2", MNG, CA, Optional.empty(), List.of(),
                                    serial(MN001, 2024, 1, 10)))),
                    f -> GOV_MNG,
                    f -> new AmendAuthorization(new AuthorizationId("MNG-A-1"), Optional.of(Quantity.of(2000)), Optional.empty(),
                            Optional.empty(), Optional.empty(), List.of(), Optional.empty()),
                    f -> new AmendAuthorization(new AuthorizationId("MNG-A-2"), Optional.of(Quantity.of(2000)), Optional.empty(),
                            Optional.empty(), Optional.empty(), List.of(), Optional.empty())),
            new Case("transferring_to_a_closed_account_is_rejected_with_account_closed", Rejection.ACCOUNT_CLOSED,
                    ISSUED.andThen(f -> f.ok(admin(JPN01), new CloseAccount(f.jpB1, Optional.empty()))), f -> holder(f.mnC),
                    f -> transfer(f.mnC1, f.jpB1, 10), f -> transfer(f.mnC1, f.mnG1, 10)),
            new Case("transferring_from_a_frozen_account_is_rejected_with_account_frozen", Rejection.ACCOUNT_FROZEN,
                    ISSUED.andThen(f -> f.ok(admin(MNG01), new FreezeAccount(f.mnC1, Optional.of("court order")))),
                    f -> holder(f.mnC), f -> transfer(f.mnC1, f.mnG1, 10), f -> transfer(f.jpA1, f.mnC1, 10), f -> holder(f.jpA)),
            new Case("unfreezing_an_account_that_is_not_frozen_is_rejected_with_account_not_frozen", Rejection.ACCOUNT_NOT_FROZEN,
                    NOTHING, f -> admin(MNG01), f -> new UnfreezeAccount(f.mnG1, Optional.empty()),
                    f -> new FreezeAccount(f.mnG1, Optional.empty())),
            new Case("closing_an_account_that_holds_units_is_rejected_with_account_not_empty", Rejection.ACCOUNT_NOT_EMPTY, ISSUED,
                    f -> admin(MNG01), f -> new CloseAccount(f.mnC1, Optional.empty()), f -> new CloseAccount(f.mnG1, Optional.empty())),
            new Case("removing_an_account_not_on_the_trusted_list_is_rejected_with_account_not_trusted",
                    Rejection.ACCOUNT_NOT_TRUSTED, f -> f.ok(holder(f.mnC), new AddTrustedAccount(f.mnC, f.jpA1)),
                    f -> holder(f.mnC), f -> new RemoveTrustedAccount(f.mnC, f.jpB1), f -> new RemoveTrustedAccount(f.mnC, f.jpA1)),
            new Case("naming_units_never_issued_is_rejected_with_unknown_units", Rejection.UNKNOWN_UNITS, ISSUED, f -> holder(f.mnC),
                    f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 5000, 5009)),
                    f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 1, 10))),
            new Case("naming_retired_units_is_rejected_with_unit_not_active", Rejection.UNIT_NOT_ACTIVE,
                    ISSUED.andThen(f -> f.ok(holder(f.mnC), retire(f.mnC1, 10, RetirementPurpose.VOLUNTARY, Optional.empty()))),
                    f -> holder(f.mnC), f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 1, 10)),
                    f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 11, 20))),
            new Case("naming_units_held_by_another_account_is_rejected_with_units_not_held", Rejection.UNITS_NOT_HELD, ISSUED,
                    f -> holder(f.mnC), f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 601, 610)),
                    f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 1, 10))),
            new Case("naming_units_reserved_for_a_pending_transfer_is_rejected_with_units_reserved", Rejection.UNITS_RESERVED,
                    PENDED, f -> holder(f.mnC), f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 1, 10)),
                    f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 11, 20))).on(LedgerConfig.DEFAULT),
            new Case("authorizing_units_twice_is_rejected_with_already_authorized", Rejection.ALREADY_AUTHORIZED,
                    ISSUED.andThen(f -> f.ok(GOV_MNG, authorizeSerials("MNG-A-1", MNG, CA, Optional.empty(), List.of(),
                            serial(MN001, 2024, 1, 10)))),
                    f -> GOV_MNG, f -> authorizeSerials("MNG-A-2", MNG, CA, Optional.empty(), List.of(), serial(MN001, 2024, 5, 15)),
                    f -> authorizeSerials("MNG-A-2", MNG, CA, Optional.empty(), List.of(), serial(MN001, 2024, 11, 15))),
            new Case("transferring_more_than_held_is_rejected_with_insufficient_units", Rejection.INSUFFICIENT_UNITS, ISSUED,
                    f -> holder(f.mnC), f -> transfer(f.mnC1, f.mnG1, 601), f -> transfer(f.mnC1, f.mnG1, 600)),
            new Case("retiring_unauthorized_units_for_ndc_is_rejected_with_units_not_authorized_for_purpose",
                    Rejection.UNITS_NOT_AUTHORIZED_FOR_PURPOSE, ISSUED, f -> holder(f.mnC),
                    f -> retire(f.mnC1, 10, RetirementPurpose.NDC, Optional.of(Year.of(2030))),
                    f -> retire(f.mnC1, 10, RetirementPurpose.VOLUNTARY, Optional.empty())),
            new Case("adjusting_units_not_yet_first_transferred_is_rejected_with_ca_not_pending", Rejection.CA_NOT_PENDING,
                    FIRST_TRANSFERRED, f -> GOV_MNG, f -> adjust(2024, CaMethod.TRAJECTORY, serial(MN001, 2024, 1, 101)),
                    f -> adjust(2024, CaMethod.TRAJECTORY, serial(MN001, 2024, 1, 100))));

    /**
     * The rejections of proposals of four-eyes actions (the table above shows each code once, with
     * a pending transfer where both kinds of pending action share a code), in precedence order.
     */
    static final List<Case> PROPOSAL_CASES = List.of(
            new Case("approving_an_unknown_proposal_is_rejected_with_proposal_not_found", Rejection.PROPOSAL_NOT_FOUND,
                    FREEZE_PROPOSED, f -> second(admin(MNG01)), f -> new ApproveProposal(ProposalId.of(2)),
                    f -> new ApproveProposal(ProposalId.of(1))),
            new Case("approving_ones_own_proposal_is_rejected_with_approval_by_proposer", Rejection.APPROVAL_BY_PROPOSER,
                    FREEZE_PROPOSED, f -> admin(MNG01), f -> new ApproveProposal(ProposalId.of(1)),
                    f -> new ApproveProposal(ProposalId.of(1)), f -> second(admin(MNG01))),
            new Case("approving_a_rejected_proposal_is_rejected_with_proposal_not_pending", Rejection.PROPOSAL_NOT_PENDING,
                    ONE_REJECTED_ONE_PENDING, f -> second(admin(MNG01)), f -> new ApproveProposal(ProposalId.of(1)),
                    f -> new ApproveProposal(ProposalId.of(2))),
            new Case("approving_a_proposal_past_its_expiry_is_rejected_with_proposal_expired", Rejection.PROPOSAL_EXPIRED,
                    ONE_EXPIRED_ONE_PENDING, f -> second(admin(MNG01)), f -> new ApproveProposal(ProposalId.of(1)),
                    f -> new ApproveProposal(ProposalId.of(2))),
            new Case("naming_units_reserved_for_a_cancellation_for_correction_is_rejected_with_units_reserved",
                    Rejection.UNITS_RESERVED, ISSUED.andThen(f -> f.ok(admin(MNG01), new ProposeAction(new CancelCredits(f.mnC1,
                            Quantity.of(10), List.of(serial(MN001, 2024, 1, 10)), Optional.empty(), CancellationReason.CORRECTION,
                            Optional.of("double counted"))))),
                    f -> holder(f.mnC), f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 1, 10)),
                    f -> transferSerials(f.mnC1, f.mnG1, 10, serial(MN001, 2024, 11, 20))));

    @TestFactory
    Stream<DynamicTest> each_proposal_rule_rejects_invalid_input_and_accepts_the_corrected_input() {
        return PROPOSAL_CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @TestFactory
    Stream<DynamicTest> each_rule_rejects_invalid_input_and_accepts_the_corrected_input() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    /** The invalid command is refused with the expected code and changes nothing; the corrected one is accepted. */
    static void check(Case c) {
        Fixture f = new Fixture(new LedgerState(c.config()));
        c.setup().accept(f);
        LedgerSnapshot before = f.state.snapshot();
        long seq = f.state.nextSeq();
        Outcome o = c.apply(f, c.actor().apply(f), c.invalid().apply(f));
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        Outcome.Rejected r = (Outcome.Rejected) o;
        assertThat(r.rejection()).as(r.detail()).isEqualTo(c.expected());
        assertThat(r.detail()).isNotBlank();
        assertThat(f.state.nextSeq()).isEqualTo(seq);
        assertThat(f.state.snapshot()).isEqualTo(before);
        if (c.valid() != null) {
            Outcome ok = c.apply(f, c.validActor().apply(f), c.valid().apply(f));
            assertThat(ok).as("corrected input of %s: %s", c.name(), ok).isInstanceOf(Outcome.Accepted.class);
            assertThat(Invariants.check(f.state)).isEmpty();
        }
    }

    @Test
    void the_table_lists_every_rejection_once_in_precedence_order() {
        List<Rejection> listed = new ArrayList<>();
        for (Case c : CASES) {
            listed.add(c.expected());
        }
        assertThat(listed).containsExactlyElementsOf(Arrays.asList(Rejection.values()));
        List<Rejection> proposals = new ArrayList<>();
        for (Case c : PROPOSAL_CASES) {
            proposals.add(c.expected());
        }
        assertThat(proposals).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    }

    @Test
    void an_unknown_account_outranks_a_scope_violation() {
        Fixture f = new Fixture();
        ISSUED.accept(f);
        Outcome o = f.apply(holder(f.jpA), transfer(f.mnC1, AccountId.holding(MNG01, 77), 10));
        assertThat(((Outcome.Rejected) o).rejection()).isEqualTo(Rejection.UNKNOWN_ACCOUNT);
    }

    @Test
    void same_account_outranks_a_frozen_account_and_frozen_outranks_insufficient_units() {
        Fixture f = new Fixture();
        ISSUED.accept(f);
        f.ok(admin(MNG01), new FreezeAccount(f.mnC1, Optional.empty()));
        assertThat(((Outcome.Rejected) f.apply(holder(f.mnC), transfer(f.mnC1, f.mnC1, 10))).rejection())
                .isEqualTo(Rejection.SAME_ACCOUNT);
        assertThat(((Outcome.Rejected) f.apply(holder(f.mnC), transfer(f.mnC1, f.mnG1, 10_000))).rejection())
                .isEqualTo(Rejection.ACCOUNT_FROZEN);
    }

    @Test
    void insufficient_units_outranks_units_not_authorized_for_purpose() {
        Fixture f = new Fixture();
        ISSUED.accept(f);
        Outcome o = f.apply(holder(f.mnC), retire(f.mnC1, 10_000, RetirementPurpose.NDC, Optional.of(Year.of(2030))));
        assertThat(((Outcome.Rejected) o).rejection()).isEqualTo(Rejection.INSUFFICIENT_UNITS);
    }

    @Test
    void every_code_is_snake_case_and_every_status_is_403_404_409_or_422() {
        for (Rejection r : Rejection.values()) {
            assertThat(r.code()).matches("[a-z]+(_[a-z0-9]+)*");
            assertThat(r.httpStatus()).isIn(403, 404, 409, 422);
            assertThat(Rejection.ofCode(r.code())).isSameAs(r);
        }
    }
}
