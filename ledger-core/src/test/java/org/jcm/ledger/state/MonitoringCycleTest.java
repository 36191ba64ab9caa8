package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.holder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.ResubmitMonitoringReport;
import org.jcm.ledger.command.SubmitMonitoringReport;
import org.jcm.ledger.command.UpdateMethodology;
import org.jcm.ledger.command.VerifyMonitoringReport;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.Test;

/** Monitoring reports of a project registered on the route, and their verification. */
class MonitoringCycleTest {

    static final ProjectId MN003 = new ProjectId("MN003");
    static final MonitoringCycleId MC1 = MonitoringCycleId.of(1);

    final Fixture f = new Fixture();

    static SubmitMonitoringReport report(LocalDate start, LocalDate end, long claimed) {
        return new SubmitMonitoringReport(MN003, start, end, Quantity.of(claimed), List.of(RouteFixtures.doc(DocumentKind.MONITORING_REPORT)));
    }

    static SubmitMonitoringReport year(int year, long claimed) {
        return report(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), claimed);
    }

    static VerifyMonitoringReport verified(long quantity) {
        return new VerifyMonitoringReport(MC1, ReviewVerdict.ACCEPT, Optional.of(Quantity.of(quantity)), List.of(),
                List.of(RouteFixtures.doc(DocumentKind.VERIFICATION_REPORT)));
    }

    Rejection refused(Actor actor, Command command) {
        Outcome o = f.apply(actor, command);
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) o).rejection();
    }

    MonitoringCycle mc1() {
        return f.state.projectCycle().monitoringCycle(MC1).orElseThrow();
    }

    @Test
    void a_monitoring_report_of_any_length_is_verified_by_another_entity_than_the_validator() {
        RouteFixtures.registered(f);
        f.ok(holder(f.mnC), report(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 15), 800));
        assertThat(mc1().state()).isEqualTo(MonitoringCycleState.REPORT_SUBMITTED);
        assertThat(mc1().holder()).isEqualTo(ApplicationState.Holder.THIRD_PARTY_ENTITY);
        assertThat(refused(RouteFixtures.TPE1, verified(700))).isEqualTo(Rejection.SAME_TPE_FOR_VALIDATION_AND_VERIFICATION);
        assertThat(refused(RouteFixtures.TPE2, verified(801))).isEqualTo(Rejection.VERIFIED_EXCEEDS_CLAIMED);
        f.ok(RouteFixtures.TPE2, verified(700));

        assertThat(mc1().state()).isEqualTo(MonitoringCycleState.VERIFIED);
        assertThat(mc1().verifiedQuantity()).contains(700L);
        assertThat(mc1().verifier()).contains(CycleFixtures.TPE2);
        assertThat(mc1().reviews()).singleElement().satisfies(r -> assertThat(r.decidedAt()).isPresent());
        assertThat(refused(RouteFixtures.TPE2, verified(700))).isEqualTo(Rejection.APPLICATION_WRONG_STEP);
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void the_validator_may_verify_when_the_methodology_allows_it() {
        RouteFixtures.registered(f);
        Methodology m = f.state.projectCycle().methodology(RouteFixtures.SOLAR).orElseThrow();
        f.ok(CycleFixtures.JC_MNG, new UpdateMethodology(new Methodology(m.id(), m.hostParty(), m.title(), m.scope(), 2, m.status(),
                m.maxMonitoringDays(), true)));
        f.ok(holder(f.mnC), year(2025, 500));
        f.ok(RouteFixtures.TPE1, verified(500));
        assertThat(mc1().verifier()).contains(CycleFixtures.TPE1);
    }

    @Test
    void periods_may_not_overlap_unless_the_other_cycle_was_rejected_and_may_not_pass_the_methodology_s_maximum() {
        RouteFixtures.registered(f);
        f.ok(holder(f.mnC), year(2025, 500));
        assertThat(refused(holder(f.mnC), report(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), 10)))
                .isEqualTo(Rejection.MONITORING_PERIOD_OVERLAP);
        f.ok(RouteFixtures.TPE2, new VerifyMonitoringReport(MC1, ReviewVerdict.REJECT, Optional.empty(), List.of("no data"), List.of()));
        f.ok(holder(f.jpB), report(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), 10));

        Methodology m = f.state.projectCycle().methodology(RouteFixtures.SOLAR).orElseThrow();
        f.ok(CycleFixtures.JC_MNG, new UpdateMethodology(new Methodology(m.id(), m.hostParty(), m.title(), m.scope(), 2, m.status(),
                Optional.of(365), false)));
        assertThat(refused(holder(f.mnC), report(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1), 10)))
                .isEqualTo(Rejection.MONITORING_PERIOD_TOO_LONG);
        f.ok(holder(f.mnC), report(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), 10));
    }

    @Test
    void a_returned_report_is_resubmitted_revised_and_verified_on_a_new_clock() {
        RouteFixtures.registered(f);
        f.ok(holder(f.mnC), year(2025, 500));
        f.ok(RouteFixtures.TPE2, new VerifyMonitoringReport(MC1, ReviewVerdict.RETURN, Optional.empty(), List.of("meter data"), List.of()));
        assertThat(mc1().holder()).isEqualTo(ApplicationState.Holder.APPLICANT);
        assertThat(refused(holder(f.jpA), new ResubmitMonitoringReport(MC1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30),
                Quantity.of(300), List.of(RouteFixtures.doc(DocumentKind.MONITORING_REPORT, 2))))).isEqualTo(Rejection.NOT_THE_APPLICANT);
        f.ok(holder(f.mnC), new ResubmitMonitoringReport(MC1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), Quantity.of(300),
                List.of(RouteFixtures.doc(DocumentKind.MONITORING_REPORT, 2))));
        f.ok(RouteFixtures.TPE2, verified(300));

        assertThat(mc1().periodEnd()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(mc1().reviews()).extracting(r -> r.verdict().orElseThrow()).containsExactly(ReviewVerdict.RETURN, ReviewVerdict.ACCEPT);
        for (LedgerEvent e : f.events) {
            assertThat(EventCodec.fromJson(EventCodec.toJson(e))).isEqualTo(e);
        }
    }

    @Test
    void a_project_registered_without_an_application_has_no_monitoring_cycle_on_the_route() {
        RouteFixtures.reference(f);
        Outcome o = f.apply(holder(f.mnC), new SubmitMonitoringReport(Fixture.MN001, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), Quantity.of(5), List.of(RouteFixtures.doc(DocumentKind.MONITORING_REPORT))));
        assertThat(((Outcome.Rejected) o).rejection()).isEqualTo(Rejection.UNKNOWN_APPLICATION);
    }
}
