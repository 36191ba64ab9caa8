package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jcm.ledger.command.AccreditThirdPartyEntity;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ChangeParticipants;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.ConsentParticipantChange;
import org.jcm.ledger.command.DecideRegistration;
import org.jcm.ledger.command.ResubmitProjectIdea;
import org.jcm.ledger.command.ReviewProjectIdea;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.SubmitDesign;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.command.ValidateDesign;
import org.jcm.ledger.command.WithdrawApplication;
import org.jcm.ledger.event.ApplicationReviewed;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProjectCycleEvent;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.ReviewStep;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.ThirdPartyEntityId;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.command.SubmitMonitoringReport;
import org.jcm.ledger.command.ResubmitMonitoringReport;
import org.jcm.ledger.command.VerifyMonitoringReport;
import org.jcm.ledger.event.MonitoringReportReviewed;
import org.jcm.ledger.event.IssuanceDecided;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.DecideIssuance;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.command.RequestCycleIssuance;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.rule.Outcome;

/**
 * Random command sequences over the application route, by every kind of actor (the applicant, its
 * proxy, a mere participant, host and other governments, accredited and unaccredited entities, the
 * right and the wrong JC secretariat): no application ever reaches a state but from its
 * predecessor on the route, every accepted step has an actor of the step's role and scope, a
 * refused command changes nothing, and replay equals the live state.
 */
class ApplicationRouteProperties {

    /** One random command: what, by whom, with which verdict, with or without reasons, on which application. */
    record Step(int kind, int actor, int verdict, boolean reasons, int application) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        // Mostly the step's own actor (actor < 0) and a positive verdict on the first application, so
        // that sequences get far along the route; otherwise any actor, verdict and application.
        Arbitrary<Integer> actors = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(-2, -1)),
                Tuple.of(1, Arbitraries.integers().between(0, 9)));
        Arbitrary<Integer> applications = Arbitraries.frequency(Tuple.of(8, 1), Tuple.of(1, 2), Tuple.of(1, 3));
        Arbitrary<Integer> kinds = Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(2, 1), Tuple.of(4, 2), Tuple.of(3, 3), Tuple.of(3, 4),
                Tuple.of(4, 5), Tuple.of(1, 6), Tuple.of(1, 7), Tuple.of(1, 8), Tuple.of(2, 9), Tuple.of(2, 10), Tuple.of(1, 11), Tuple.of(2, 12), Tuple.of(2, 13));
        Arbitrary<Step> step = Combinators.combine(kinds, actors,
                Arbitraries.integers().between(0, 7), Arbitraries.of(true, true, false), applications).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(160).withSizeDistribution(RandomDistribution.uniform());
    }

    /** The route's transitions: from each state, the states an accepted command may leave it in. */
    static final Map<ApplicationState, Set<ApplicationState>> NEXT = Map.of(
            ApplicationState.PIN_SUBMITTED, EnumSet.of(ApplicationState.PIN_SUBMITTED, ApplicationState.PIN_CONFIRMED,
                    ApplicationState.PIN_RETURNED, ApplicationState.REJECTED, ApplicationState.WITHDRAWN),
            ApplicationState.PIN_RETURNED, EnumSet.of(ApplicationState.PIN_RETURNED, ApplicationState.PIN_SUBMITTED,
                    ApplicationState.WITHDRAWN),
            ApplicationState.PIN_CONFIRMED, EnumSet.of(ApplicationState.PIN_CONFIRMED, ApplicationState.DESIGN_SUBMITTED,
                    ApplicationState.WITHDRAWN),
            ApplicationState.DESIGN_SUBMITTED, EnumSet.of(ApplicationState.DESIGN_SUBMITTED, ApplicationState.VALIDATED,
                    ApplicationState.DESIGN_RETURNED, ApplicationState.REJECTED, ApplicationState.WITHDRAWN),
            ApplicationState.DESIGN_RETURNED, EnumSet.of(ApplicationState.DESIGN_RETURNED, ApplicationState.DESIGN_SUBMITTED,
                    ApplicationState.WITHDRAWN),
            ApplicationState.VALIDATED, EnumSet.of(ApplicationState.VALIDATED, ApplicationState.REGISTERED,
                    ApplicationState.DESIGN_RETURNED, ApplicationState.REJECTED, ApplicationState.WITHDRAWN),
            ApplicationState.REGISTERED, EnumSet.of(ApplicationState.REGISTERED),
            ApplicationState.REJECTED, EnumSet.of(ApplicationState.REJECTED),
            ApplicationState.WITHDRAWN, EnumSet.of(ApplicationState.WITHDRAWN));

    /** The monitoring cycle's transitions. */
    static final Map<MonitoringCycleState, Set<MonitoringCycleState>> CYCLE_NEXT = Map.of(
            MonitoringCycleState.REPORT_SUBMITTED, EnumSet.of(MonitoringCycleState.REPORT_SUBMITTED, MonitoringCycleState.VERIFIED,
                    MonitoringCycleState.REPORT_RETURNED, MonitoringCycleState.REJECTED),
            MonitoringCycleState.REPORT_RETURNED, EnumSet.of(MonitoringCycleState.REPORT_RETURNED, MonitoringCycleState.REPORT_SUBMITTED),
            MonitoringCycleState.VERIFIED, EnumSet.of(MonitoringCycleState.VERIFIED, MonitoringCycleState.ISSUANCE_REQUESTED),
            MonitoringCycleState.ISSUANCE_REQUESTED, EnumSet.of(MonitoringCycleState.ISSUANCE_REQUESTED,
                    MonitoringCycleState.ISSUANCE_DECIDED, MonitoringCycleState.VERIFIED, MonitoringCycleState.REJECTED),
            MonitoringCycleState.ISSUANCE_DECIDED, EnumSet.of(MonitoringCycleState.ISSUANCE_DECIDED),
            MonitoringCycleState.ISSUED, EnumSet.of(MonitoringCycleState.ISSUED),
            MonitoringCycleState.REJECTED, EnumSet.of(MonitoringCycleState.REJECTED));

    @Property(tries = 300)
    void no_step_is_skipped_every_step_has_its_reviewer_and_replay_equals_the_live_state(@ForAll("steps") List<Step> steps) {
        Fixture f = world();
        for (Step s : steps) {
            Map<ApplicationId, ApplicationState> before = states(f);
            Map<MonitoringCycleId, MonitoringCycleState> cyclesBefore = cycleStates(f);
            LedgerSnapshot snapshot = f.state.snapshot();
            int written = f.events.size();
            Outcome o = f.direct(actor(f, s), command(f, s));
            if (o instanceof Outcome.Rejected) {
                assertThat(f.state.snapshot()).isEqualTo(snapshot);
                continue;
            }
            for (LedgerEvent e : f.events.subList(written, f.events.size())) {
                assertRightActor(f, e);
            }
            cycleStates(f).forEach((id, now) -> {
                MonitoringCycleState was = cyclesBefore.get(id);
                assertThat(was == null ? EnumSet.of(MonitoringCycleState.REPORT_SUBMITTED) : CYCLE_NEXT.get(was))
                        .as("%s from %s", id, was).contains(now);
                MonitoringCycle c = f.state.projectCycle().monitoringCycle(id).orElseThrow();
                assertThat(f.state.projectCycle().application(c.applicationId()).orElseThrow().state())
                        .isEqualTo(ApplicationState.REGISTERED);
            });
            states(f).forEach((id, now) -> {
                ApplicationState was = before.get(id);
                if (was == null) {
                    assertThat(now).isEqualTo(ApplicationState.PIN_SUBMITTED);
                } else {
                    assertThat(NEXT.get(was)).as("%s from %s", id, was).contains(now);
                }
            });
        }
        for (Application a : f.state.projectCycle().applications()) {
            assertThat(a.projectId().isPresent()).isEqualTo(a.state() == ApplicationState.REGISTERED);
            Statistics.collect(a.state());
        }
        for (MonitoringCycle c : f.state.projectCycle().monitoringCycles()) {
            Statistics.label("cycles").collect(c.state());
        }
        Statistics.coverage(c -> {
            c.check(ApplicationState.REGISTERED).count(n -> n > 0);
            c.check(ApplicationState.WITHDRAWN).count(n -> n > 0);
        });
        assertThat(Replay.fold(f.events, f.state.config()).snapshot()).isEqualTo(f.state.snapshot());
    }

    /** The fixture with the route's reference data, Taiwan covering scope 1 and TPE-0002 accredited in Mongolia only. */
    static Fixture world() {
        Fixture f = new Fixture();
        RouteFixtures.reference(f);
        f.ok(Fixture.OPERATOR, new UpdateParty(new Party("TW", Fixture.TWN, "Taiwan", JcmStatus.PARTNER, false, Optional.empty(),
                Optional.of(LocalDate.of(2020, 1, 1)), CycleFixtures.scopes(1))));
        f.ok(Fixture.OPERATOR, new org.jcm.ledger.command.UpdateThirdPartyEntity(new ThirdPartyEntity(CycleFixtures.TPE1,
                "Verifier", CycleFixtures.scopes(1), Set.of(Fixture.MNG, Fixture.TWN), AccreditationStatus.ACTIVE)));
        return f;
    }

    static Map<ApplicationId, ApplicationState> states(Fixture f) {
        Map<ApplicationId, ApplicationState> states = new HashMap<>();
        for (Application a : f.state.projectCycle().applications()) {
            states.put(a.id(), a.state());
        }
        return states;
    }

    /** The step's own actor for a negative {@code n} (one of two), otherwise actor {@code n} of ten. */
    static Map<MonitoringCycleId, MonitoringCycleState> cycleStates(Fixture f) {
        Map<MonitoringCycleId, MonitoringCycleState> states = new HashMap<>();
        for (MonitoringCycle c : f.state.projectCycle().monitoringCycles()) {
            states.put(c.id(), c.state());
        }
        return states;
    }

    static Actor actor(Fixture f, Step s) {
        int n = s.actor();
        if (n < 0) {
            boolean first = n == -1;
            int k = s.kind();
            if (k == 2) {
                return first ? Fixture.GOV_MNG : Fixture.GOV_TWN;
            }
            if (k == 4 || k == 10) {
                return first == (k == 4) ? RouteFixtures.TPE1 : RouteFixtures.TPE2;
            }
            if (k == 5 || k == 13) {
                return CycleFixtures.JC_MNG;
            }
            return first || k == 8 ? Fixture.holder(f.mnC) : Fixture.holder(f.jpB);
        }
        List<Actor> actors = List.of(Fixture.holder(f.mnC), Fixture.holder(f.jpB), Fixture.holder(f.jpA), Fixture.GOV_MNG,
                Fixture.GOV_TWN, RouteFixtures.TPE1, RouteFixtures.TPE2, CycleFixtures.JC_MNG,
                Actor.jcSecretariat("jc-twn", Fixture.TWN), Fixture.GOV_JPN);
        return actors.get(n);
    }

    static Command command(Fixture f, Step s) {
        ApplicationId id = ApplicationId.of(s.application());
        ReviewVerdict verdict = s.verdict() < 5 ? ReviewVerdict.ACCEPT : s.verdict() < 7 ? ReviewVerdict.RETURN : ReviewVerdict.REJECT;
        List<String> reasons = s.reasons() ? List.of("reason " + s.kind()) : List.of();
        if (s.kind() == 0 && f.state.projectCycle().applications().size() < s.application()) {
            return new SubmitProjectIdea(s.verdict() % 3 != 0 ? RouteFixtures.idea(Fixture.MNG) : RouteFixtures.idea(Fixture.MNG, Fixture.TWN),
                    RouteFixtures.participants(f));
        }
        if (s.kind() <= 1) {
            return new ResubmitProjectIdea(id, RouteFixtures.idea(Fixture.MNG));
        }
        if (s.kind() == 2) {
            return new ReviewProjectIdea(id, verdict, reasons, List.of());
        }
        if (s.kind() == 3) {
            return new SubmitDesign(id, List.of(RouteFixtures.doc(DocumentKind.PDD)));
        }
        if (s.kind() == 4) {
            return new ValidateDesign(id, verdict, reasons, List.of(RouteFixtures.doc(DocumentKind.VALIDATION_REPORT)));
        }
        if (s.kind() == 5) {
            return new DecideRegistration(id, verdict, "JC-" + s.application(), reasons, List.of());
        }
        if (s.kind() == 6) {
            return new WithdrawApplication(id, reasons);
        }
        if (s.kind() == 7) {
            return new ChangeParticipants(id, new Participants(f.mnC, s.reasons() ? List.of(f.mnG) : List.of(), Optional.of(f.jpB)));
        }
        if (s.kind() == 8) {
            return new ConsentParticipantChange(id);
        }
        MonitoringCycleId cycle = MonitoringCycleId.of(s.application());
        if (s.kind() == 10) {
            return new VerifyMonitoringReport(cycle, verdict, verdict == ReviewVerdict.ACCEPT
                    ? Optional.of(Quantity.of(s.reasons() ? 10 : 20)) : Optional.empty(), reasons,
                    List.of(RouteFixtures.doc(DocumentKind.VERIFICATION_REPORT)));
        }
        if (s.kind() == 12) {
            return new RequestCycleIssuance(cycle);
        }
        if (s.kind() == 13) {
            long verified = f.state.projectCycle().monitoringCycle(cycle).flatMap(MonitoringCycle::verifiedQuantity).orElse(20L);
            List<DecidedShare> shares = verdict != ReviewVerdict.ACCEPT ? List.of() : List.of(
                    new DecidedShare(Fixture.MNG01, Fixture.MNG, Vintage.of(2025), List.of(new Allocation(f.mnC1, Quantity.of(verified / 2)))),
                    new DecidedShare(Fixture.JPN01, Fixture.MNG, Vintage.of(2025),
                            List.of(new Allocation(f.jpB1, Quantity.of(verified - verified / 2 - (s.reasons() ? 0 : 1))))));
            return new DecideIssuance(cycle, verdict, "JC-" + s.application(), shares, Optional.of(f.jpB1), reasons, List.of());
        }
        LocalDate start = LocalDate.of(2025, 1, 1).plusMonths(s.verdict() * 2L);
        ProjectId project = f.state.projectCycle().application(id).flatMap(Application::projectId).orElse(Fixture.MN001);
        if (s.kind() == 9) {
            return new SubmitMonitoringReport(project, start, start.plusMonths(3).minusDays(1), Quantity.of(15),
                    List.of(RouteFixtures.doc(DocumentKind.MONITORING_REPORT)));
        }
        return new ResubmitMonitoringReport(cycle, start, start.plusMonths(1), Quantity.of(15),
                List.of(RouteFixtures.doc(DocumentKind.MONITORING_REPORT)));
    }

    /** The actor of each accepted step has the step's role and scope. */
    static void assertRightActor(Fixture f, LedgerEvent e) {
        Actor actor = e.actor();
        if (e instanceof ApplicationReviewed r) {
            Application a = f.state.projectCycle().application(r.applicationId()).orElseThrow();
            if (r.step() == ReviewStep.PROJECT_IDEA) {
                assertThat(actor.role()).isEqualTo(Role.GOVERNMENT);
                assertThat(a.idea().hostParties()).extracting(p -> p.value()).contains(actor.scope());
            } else if (r.step() == ReviewStep.VALIDATION) {
                assertThat(actor.role()).isEqualTo(Role.THIRD_PARTY_ENTITY);
                assertThat(f.state.projectCycle().thirdPartyEntity(org.jcm.ledger.id.ThirdPartyEntityId.parse(actor.scope())))
                        .hasValueSatisfying(t -> assertThat(t.status()).isEqualTo(AccreditationStatus.ACTIVE));
            } else {
                assertThat(actor.role()).isEqualTo(Role.JC_SECRETARIAT);
                assertThat(actor.scope()).isEqualTo(a.firstHost().value());
            }
        } else if (e instanceof MonitoringReportReviewed r) {
            assertThat(actor.role()).isEqualTo(Role.THIRD_PARTY_ENTITY);
            MonitoringCycle c = f.state.projectCycle().monitoringCycle(r.monitoringCycleId()).orElseThrow();
            Application a = f.state.projectCycle().application(c.applicationId()).orElseThrow();
            assertThat(a.validator()).isPresent().isNotEqualTo(Optional.of(ThirdPartyEntityId.parse(actor.scope())));
        } else if (e instanceof IssuanceDecided d) {
            assertThat(actor.role()).isEqualTo(Role.JC_SECRETARIAT);
            MonitoringCycle c = f.state.projectCycle().monitoringCycle(d.monitoringCycleId()).orElseThrow();
            Application a = f.state.projectCycle().application(c.applicationId()).orElseThrow();
            assertThat(actor.scope()).isEqualTo(a.firstHost().value());
            long total = d.shares().stream().mapToLong(DecidedShare::total).sum();
            long japan = d.shares().stream().flatMap(x -> x.allocations().stream())
                    .filter(x -> d.japanGovernmentAccount().equals(Optional.of(x.accountId()))).mapToLong(x -> x.quantity().tonnes()).sum();
            assertThat(total).isLessThanOrEqualTo(c.verifiedQuantity().orElseThrow());
            assertThat(japan).isGreaterThanOrEqualTo(a.idea().financing().japanMinimum(total));
        } else if (e instanceof IssuanceRequested) {
            assertThat(actor.role()).isEqualTo(Role.ACCOUNT_HOLDER);
            assertThat(List.of(f.mnC.value(), f.jpB.value())).contains(actor.scope());
        } else if (e instanceof ProjectRegistered) {
            assertThat(actor.role()).isEqualTo(Role.JC_SECRETARIAT);
        } else if (e instanceof ProjectCycleEvent) {
            assertThat(actor.role()).isEqualTo(Role.ACCOUNT_HOLDER);
            assertThat(List.of(f.mnC.value(), f.jpB.value())).contains(actor.scope());
        }
    }
}
