package org.jcm.ledger.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.CA;
import static org.jcm.ledger.state.Fixture.GOV_MNG;
import static org.jcm.ledger.state.Fixture.JPN;
import static org.jcm.ledger.state.Fixture.MN001;
import static org.jcm.ledger.state.Fixture.MNG;
import static org.jcm.ledger.state.Fixture.MNG01;
import static org.jcm.ledger.state.Fixture.OPERATOR;
import static org.jcm.ledger.state.Fixture.admin;
import static org.jcm.ledger.state.Fixture.holder;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Year;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.AddTrustedAccount;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApprovePendingTransfer;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.command.ProcessDueTransfers;
import org.jcm.ledger.command.RemoveTrustedAccount;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.CloseAccount;
import org.jcm.ledger.command.ExpireProposals;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposalKind;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RejectProposal;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.UnfreezeAccount;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.command.AccreditThirdPartyEntity;
import org.jcm.ledger.command.ChangeParticipants;
import org.jcm.ledger.command.ConsentParticipantChange;
import org.jcm.ledger.command.DecideRegistration;
import org.jcm.ledger.command.ResubmitProjectIdea;
import org.jcm.ledger.command.ReviewProjectIdea;
import org.jcm.ledger.command.SubmitDesign;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.command.ValidateDesign;
import org.jcm.ledger.command.WithdrawApplication;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.Financing;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.ProjectIdea;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.command.RegisterMethodology;
import org.jcm.ledger.command.UpdateMethodology;
import org.jcm.ledger.command.UpdateThirdPartyEntity;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.ThirdPartyEntityId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.state.Fixture;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.serial.UnitRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every permitted event record has a codec that round-trips it and a visitor method that its
 * {@code accept} calls, and every permitted command record has its visitor method. The compiler
 * already refuses a visitor that misses a method; this checks what it cannot: the decoding table
 * (keyed by type name) and that each record dispatches to its own method. The events come from a
 * ledger run through the state machine, one command of each kind.
 */
class EveryEventTypeTest {

    final Fixture f = new Fixture();

    static BlockSerial serial(long first, long last) {
        return new BlockSerial(MN001, Vintage.of(2024), UnitRange.of(first, last));
    }

    static AuthorizeUnits authorize(AuthorizationId id, AuthorizationPurpose purpose, Optional<OimpFirstTransfer> definition,
                                    BlockSerial... serials) {
        return new AuthorizeUnits(id, MNG, CA, purpose, purpose.includesOimp() ? Optional.of("CORSIA") : Optional.empty(),
                definition, Optional.empty(), List.of(Vintage.of(2024)), List.of("Ulaanbaatar Solar"), Optional.empty(),
                List.of(serials));
    }

    @BeforeEach
    void everyKindOfCommand() {
        AuthorizationId ndc = new AuthorizationId("MNG-NDC-1");
        AuthorizationId withdrawn = new AuthorizationId("MNG-NDC-2");
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 600, f.jpA1, 400);
        f.ok(GOV_MNG, authorize(ndc, AuthorizationPurpose.NDC, Optional.empty(), serial(1, 300)));
        f.ok(GOV_MNG, authorize(new AuthorizationId("MNG-OIMP-1"), AuthorizationPurpose.OIMP,
                Optional.of(OimpFirstTransfer.ISSUANCE), serial(301, 400)));
        long firstTransferSeq = f.transfer(f.mnC1, f.jpA1, 250).get(1).seq();
        f.ok(holder(f.jpA), new RetireCredits(f.jpA1, Quantity.of(120), List.of(), Optional.empty(), RetirementPurpose.NDC,
                Optional.of(new Beneficiary.Stated("Company A")), Optional.of(JPN), Optional.of(Year.of(2025)), Optional.empty()));
        f.ok(GOV_MNG, new AmendAuthorization(ndc, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(serial(401, 450)), Optional.of("second tranche")));
        f.ok(GOV_MNG, authorize(withdrawn, AuthorizationPurpose.NDC, Optional.empty(), serial(451, 460)));
        f.ok(GOV_MNG, new RevokeAuthorization(withdrawn, Optional.of("project paused")));
        f.ok(GOV_MNG, new ApplyCorrespondingAdjustment(MNG, Year.of(2024), CaMethod.AVERAGING, List.of(),
                List.of(firstTransferSeq)));
        f.ok(holder(f.mnC), new CancelCredits(f.mnC1, Quantity.of(10), List.of(serial(301, 310)), Optional.empty(),
                CancellationReason.OMGE, Optional.empty()));
        f.ok(OPERATOR, new UpdateParty(new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true, Optional.of(CA), Optional.of(LocalDate.of(2013, 1, 8)), EnumSet.allOf(SectoralScope.class))));
        AccountId spare = ((AccountOpened) f.ok(admin(MNG01), new OpenAccount(f.mnC, "spare")).get(0)).accountId();
        f.ok(admin(MNG01), new FreezeAccount(spare, Optional.of("check")));
        f.ok(admin(MNG01), new UnfreezeAccount(spare, Optional.empty()));
        f.ok(admin(MNG01), new CloseAccount(spare, Optional.of("unused")));
        transferControls();
        projectCycle();
        f.ok(admin(MNG01), new CancelCredits(f.mnC1, Quantity.of(5), List.of(), Optional.empty(), CancellationReason.CORRECTION,
                Optional.of("double counted")));
        ProposalId rejected = proposalId(f.ok(admin(MNG01), new ProposeAction(new FreezeAccount(f.mnG1, Optional.empty()))));
        f.ok(Fixture.second(admin(MNG01)), new RejectProposal(rejected, "no court order"));
        proposalId(f.ok(GOV_MNG, new ProposeAction(new AmendAuthorization(ndc, Optional.empty(), Optional.empty(),
                Optional.of(List.of("Ulaanbaatar Solar", "Company A")), Optional.empty(), List.of(), Optional.empty()))));
        f.advanceTo(Fixture.T0.plus(Duration.ofDays(60)));
        f.ok(new Actor(Role.OPERATOR, "jcm-writer", ""), new ExpireProposals());
    }

    /** The project cycle's reference data: a methodology registered and approved, an entity accredited and suspended. */
    private void projectCycle() {
        Actor jc = Actor.jcSecretariat("jc-mng", MNG);
        Methodology draft = new Methodology(MethodologyId.parse("MN_AM001"), MNG, "Solar PV", SectoralScope.ENERGY_INDUSTRIES, 1,
                MethodologyStatus.DRAFT, Optional.of(730), false);
        f.ok(jc, new RegisterMethodology(draft));
        f.ok(jc, new UpdateMethodology(new Methodology(draft.id(), MNG, draft.title(), draft.scope(), 2, MethodologyStatus.APPROVED,
                Optional.empty(), true)));
        ThirdPartyEntity tpe = new ThirdPartyEntity(ThirdPartyEntityId.parse("TPE-0001"), "Verifier One",
                EnumSet.of(SectoralScope.ENERGY_INDUSTRIES, SectoralScope.WASTE_HANDLING_AND_DISPOSAL), Set.of(MNG),
                AccreditationStatus.ACTIVE);
        f.ok(OPERATOR, new AccreditThirdPartyEntity(tpe));
        f.ok(OPERATOR, new UpdateThirdPartyEntity(new ThirdPartyEntity(tpe.id(), tpe.name(), tpe.scopes(), tpe.hostParties(),
                AccreditationStatus.SUSPENDED)));
        applications(draft.id());
    }

    /**
     * Two applications: one returned, resubmitted, confirmed, designed, validated and registered,
     * its participants changed by the proxy with the representative's consent; one withdrawn.
     */
    private void applications(MethodologyId methodology) {
        ThirdPartyEntityId tpe2 = ThirdPartyEntityId.parse("TPE-0002");
        f.ok(OPERATOR, new AccreditThirdPartyEntity(new ThirdPartyEntity(tpe2, "Verifier Two", EnumSet.of(SectoralScope.ENERGY_INDUSTRIES),
                Set.of(MNG), AccreditationStatus.ACTIVE)));
        DocumentRef pin = new DocumentRef("a".repeat(64), DocumentKind.PIN, "pin.pdf", "application/pdf", 10);
        ProjectIdea idea = new ProjectIdea("Solar in Darkhan", List.of(MNG), methodology, Financing.privately(2_500), List.of(pin));
        Participants participants = new Participants(f.mnC, List.of(f.jpA), Optional.of(f.jpB));
        ApplicationId ap1 = ApplicationId.of(1);
        f.ok(holder(f.mnC), new SubmitProjectIdea(idea, participants));
        f.ok(GOV_MNG, new ReviewProjectIdea(ap1, ReviewVerdict.RETURN, List.of("baseline"), List.of()));
        f.ok(holder(f.jpB), new ResubmitProjectIdea(ap1, idea));
        f.ok(GOV_MNG, new ReviewProjectIdea(ap1, ReviewVerdict.ACCEPT, List.of(), List.of()));
        f.ok(holder(f.mnC), new SubmitDesign(ap1, List.of(new DocumentRef("b".repeat(64), DocumentKind.PDD, "pdd.pdf",
                "application/pdf", 20))));
        f.ok(Actor.thirdPartyEntity("tpe-2", tpe2), new ValidateDesign(ap1, ReviewVerdict.ACCEPT, List.of(),
                List.of(new DocumentRef("c".repeat(64), DocumentKind.VALIDATION_REPORT, "vr.pdf", "application/pdf", 30))));
        f.ok(Actor.jcSecretariat("jc-mng", MNG), new DecideRegistration(ap1, ReviewVerdict.ACCEPT, "JC-MN-7", List.of(), List.of()));
        f.ok(holder(f.jpB), new ChangeParticipants(ap1, new Participants(f.mnC, List.of(), Optional.of(f.jpB))));
        f.ok(holder(f.mnC), new ConsentParticipantChange(ap1));
        org.jcm.ledger.id.ProjectId project = f.state.projectCycle().application(ap1).orElseThrow().projectId().orElseThrow();
        f.ok(holder(f.mnC), new org.jcm.ledger.command.SubmitMonitoringReport(project, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31),
                Quantity.of(90), List.of(new DocumentRef("d".repeat(64), DocumentKind.MONITORING_REPORT, "mr.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 40))));
        f.ok(Actor.thirdPartyEntity("tpe-2", tpe2), new org.jcm.ledger.command.VerifyMonitoringReport(
                org.jcm.ledger.id.MonitoringCycleId.of(1), ReviewVerdict.ACCEPT, Optional.of(Quantity.of(80)), List.of(),
                List.of(new DocumentRef("e".repeat(64), DocumentKind.VERIFICATION_REPORT, "ver.pdf", "application/pdf", 50))));
        f.ok(holder(f.mnC), new org.jcm.ledger.command.RequestCycleIssuance(org.jcm.ledger.id.MonitoringCycleId.of(1)));
        f.ok(Actor.jcSecretariat("jc-mng", MNG), new org.jcm.ledger.command.DecideIssuance(org.jcm.ledger.id.MonitoringCycleId.of(1),
                ReviewVerdict.ACCEPT, "JC-MN-8", List.of(new org.jcm.ledger.command.DecidedShare(MNG01, MNG,
                        org.jcm.ledger.id.Vintage.of(2025), List.of(new org.jcm.ledger.command.Allocation(f.mnC1, Quantity.of(40)))),
                        new org.jcm.ledger.command.DecidedShare(Fixture.JPN01, MNG, org.jcm.ledger.id.Vintage.of(2025),
                                List.of(new org.jcm.ledger.command.Allocation(f.jpB1, Quantity.of(20))))),
                Optional.of(f.jpB1), List.of(), List.of()));
        f.ok(holder(f.mnC), new SubmitProjectIdea(idea, participants));
        f.ok(holder(f.mnC), new WithdrawApplication(ApplicationId.of(2), List.of("merged into AP00000001")));
    }

    /** A policy, the trusted-account list, and pending transfers executed, cancelled and expired. */
    private void transferControls() {
        Actor second = Actor.accountHolder("second-" + f.mnC, f.mnC);
        f.ok(admin(MNG01), new SetTransferPolicy(f.mnC, Optional.of(Quantity.of(1_000)), true, Duration.ofHours(26)));
        f.ok(holder(f.mnC), new AddTrustedAccount(f.mnC, f.jpB1));
        f.ok(holder(f.mnC), new RemoveTrustedAccount(f.mnC, f.jpB1));
        PendingTransferId executed = pend(5);
        f.ok(second, new ApprovePendingTransfer(executed));
        PendingTransferId cancelled = pend(5);
        f.ok(second, new CancelPendingTransfer(cancelled, "wrong destination"));
        pend(5);
        f.advanceTo(Fixture.T0.plus(Duration.ofDays(30)));
        f.ok(ProcessDueTransfers.systemActor(), new ProcessDueTransfers());
    }

    private PendingTransferId pend(long quantity) {
        return ((TransferPended) f.ok(holder(f.mnC), TransferCredits.of(f.mnC1, f.jpB1, quantity)).get(0)).pendingTransferId();
    }

    static ProposalId proposalId(List<LedgerEvent> events) {
        return ((ProposalMade) events.get(0)).proposalId();
    }

    /**
     * The visit methods a visitor of {@code sealed} declares: one per permitted record, and one per
     * permitted sealed interface that has a visitor of its own ({@link ProjectCycleEvent}).
     */
    static Set<String> visits(Class<?> sealed) {
        Set<String> visits = new TreeSet<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c == ProjectCycleEvent.class) {
                visits.add("visit" + c.getSimpleName() + "(" + c.getSimpleName() + ")");
            } else if (c.isInterface()) {
                visits.addAll(visits(c));
            } else {
                visits.add("visit" + c.getSimpleName() + "(" + c.getSimpleName() + ")");
            }
        }
        return visits;
    }

    /** The permitted records of a sealed type, through sealed interfaces it permits (the four-eyes actions). */
    static List<Class<?>> permitted(Class<?> sealed) {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isInterface()) {
                records.addAll(permitted(c));
            } else {
                records.add(c);
            }
        }
        return records;
    }

    static Set<String> names(List<Class<?>> types) {
        return types.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** One event of each type, the first the ledger wrote. */
    Map<Class<?>, LedgerEvent> samples() {
        Map<Class<?>, LedgerEvent> samples = new LinkedHashMap<>();
        for (LedgerEvent e : f.events) {
            samples.putIfAbsent(e.getClass(), e);
        }
        return samples;
    }

    @Test
    void the_scenario_writes_every_event_type() {
        assertThat(names(new ArrayList<>(samples().keySet()))).isEqualTo(names(permitted(LedgerEvent.class)));
    }

    @Test
    void every_event_type_has_a_codec_under_its_type_name_and_nothing_else_does() {
        assertThat(new TreeSet<>(EventCodec.decodableTypes())).isEqualTo(names(permitted(LedgerEvent.class)));
    }

    @Test
    void every_event_of_every_type_round_trips_through_its_codec() {
        for (LedgerEvent e : f.events) {
            Map<String, Object> json = EventCodec.toJson(e);
            assertThat(json.get("type")).isEqualTo(e.getClass().getSimpleName());
            assertThat(EventCodec.fromJson(json)).as("decoded %s", json).isEqualTo(e);
        }
    }

    @Test
    void every_event_type_has_its_own_abstract_visitor_method_and_accept_calls_it() {
        assertVisitor(LedgerEvent.Visitor.class, LedgerEvent.class);
        assertVisitor(ProjectCycleEvent.Visitor.class, ProjectCycleEvent.class);
        for (LedgerEvent e : samples().values()) {
            String own = "visit" + e.getClass().getSimpleName() + "(" + e.getClass().getSimpleName() + ")";
            if (e instanceof ProjectCycleEvent cycle) {
                assertThat(e.accept(recorder(LedgerEvent.Visitor.class))).isEqualTo("visitProjectCycleEvent(ProjectCycleEvent)");
                assertThat(cycle.acceptCycle(recorder(ProjectCycleEvent.Visitor.class))).isEqualTo(own);
            } else {
                assertThat(e.accept(recorder(LedgerEvent.Visitor.class))).isEqualTo(own);
            }
        }
    }

    @Test
    void every_command_type_has_its_own_abstract_visitor_method() {
        assertVisitor(Command.Visitor.class, Command.class);
        assertVisitor(ProposableAction.Visitor.class, ProposableAction.class);
    }

    @Test
    void the_scenario_proposes_every_kind_of_four_eyes_action_and_each_decodes_as_proposed() {
        Set<ProposalKind> kinds = new TreeSet<>();
        for (LedgerEvent e : f.events) {
            if (e instanceof ProposalMade made) {
                kinds.add(made.kind());
                assertThat(ActionCodec.fromJson(ActionCodec.toJson(made.action()))).isEqualTo(made.action());
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(ProposalKind.values());
    }

    /** The visitor has exactly one abstract {@code visitX(X)} per permitted record X, and nothing else. */
    static void assertVisitor(Class<?> visitor, Class<?> sealed) {
        Set<String> expected = visits(sealed);
        Set<String> declared = new TreeSet<>();
        for (Method m : visitor.getDeclaredMethods()) {
            assertThat(Modifier.isAbstract(m.getModifiers())).as("%s is abstract, not default", m).isTrue();
            declared.add(signature(m));
        }
        assertThat(declared).isEqualTo(expected);
    }

    static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    /** A visitor whose every method returns its own signature. */
    @SuppressWarnings("unchecked")
    static <V> V recorder(Class<V> visitor) {
        return (V) Proxy.newProxyInstance(visitor.getClassLoader(), new Class<?>[] {visitor},
                (proxy, method, args) -> signature(method));
    }
}
