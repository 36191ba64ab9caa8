package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.JPN01;
import static org.jcm.ledger.state.Fixture.MNG;
import static org.jcm.ledger.state.Fixture.MNG01;
import static org.jcm.ledger.state.Fixture.OPERATOR;
import static org.jcm.ledger.state.Fixture.TWN;
import static org.jcm.ledger.state.Fixture.TWN01;
import static org.jcm.ledger.state.Fixture.admin;
import static org.jcm.ledger.state.Fixture.holder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.DecideIssuance;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.RequestCycleIssuance;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.command.UpdateThirdPartyEntity;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.Test;

/** A verified monitoring cycle's issuance request, the Joint Committee's decision, and issuance as decided. */
class CycleIssuanceTest {

    static final ProjectId MN003 = new ProjectId("MN003");
    static final MonitoringCycleId MC1 = MonitoringCycleId.of(1);
    /** MN003 has 50 % Japanese financing: the Japanese government's account gets at least half of a decision. */
    static final IssuanceRequestId IR1 = IssuanceRequestId.of(1);

    final Fixture f = new Fixture();

    /** MC00000001: 2025 reported (1,000 claimed), verified 1,000 by TPE-0002, issuance requested as IR000001. */
    static void requested(Fixture f) {
        RouteFixtures.registered(f);
        f.ok(holder(f.mnC), MonitoringCycleTest.year(2025, 1_000));
        f.ok(RouteFixtures.TPE2, MonitoringCycleTest.verified(1_000));
        f.ok(holder(f.jpB), new RequestCycleIssuance(MC1));
    }

    static DecidedShare share(RegistryId registry, PartyCode host, Allocation... allocations) {
        return new DecidedShare(registry, host, Vintage.of(2025), List.of(allocations));
    }

    static Allocation alloc(AccountId account, long quantity) {
        return new Allocation(account, Quantity.of(quantity));
    }

    /** Mongolia's registry issues 400 to the Mongolian company; Japan's 100 to Company A and 500 to Company B (Japan's government account here). */
    static DecideIssuance decision(Fixture f, long japan) {
        return new DecideIssuance(MC1, ReviewVerdict.ACCEPT, "JC-MN-2026-02", List.of(share(MNG01, MNG, alloc(f.mnC1, 900 - japan)),
                share(JPN01, MNG, alloc(f.jpA1, 100), alloc(f.jpB1, japan))), Optional.of(f.jpB1), List.of(), List.of());
    }

    static IssueCredits issue(String id, Allocation... allocations) {
        long total = 0;
        for (Allocation a : allocations) {
            total += a.quantity().tonnes();
        }
        return new IssueCredits(new IssuanceId(id), MN003, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), Vintage.of(2025),
                Quantity.of(total), List.of(allocations), IR1);
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
    void each_registry_issues_its_decided_share_and_the_cycle_is_issued_when_every_share_is() {
        requested(f);
        IssuanceRequested request = (IssuanceRequested) f.events.get(f.events.size() - 1);
        assertThat(request.monitoringCycleId()).contains(MC1);
        assertThat(request.verifiedQuantity()).isEqualTo(1_000);
        assertThat(mc1().holder()).isEqualTo(ApplicationState.Holder.JC_SECRETARIAT);
        assertThat(refused(admin(MNG01), issue("MN003-2025-01", alloc(f.mnC1, 400)))).isEqualTo(Rejection.ISSUANCE_NOT_AS_DECIDED);

        assertThat(refused(CycleFixtures.JC_MNG, decision(f, 499))).isEqualTo(Rejection.JAPAN_SHARE_BELOW_FINANCING);
        f.ok(CycleFixtures.JC_MNG, decision(f, 500));
        assertThat(mc1().state()).isEqualTo(MonitoringCycleState.ISSUANCE_DECIDED);
        assertThat(mc1().holder()).isEqualTo(ApplicationState.Holder.REGISTRY_ADMIN);
        assertThat(refused(admin(MNG01), issue("MN003-2025-01", alloc(f.mnC1, 399)))).isEqualTo(Rejection.ISSUANCE_NOT_AS_DECIDED);
        f.ok(admin(MNG01), issue("MN003-2025-01", alloc(f.mnC1, 400)));
        assertThat(mc1().state()).isEqualTo(MonitoringCycleState.ISSUANCE_DECIDED);
        f.ok(admin(JPN01), issue("MN003-2025-01-JPN01", alloc(f.jpB1, 500), alloc(f.jpA1, 100)));

        assertThat(mc1().state()).isEqualTo(MonitoringCycleState.ISSUED);
        assertThat(mc1().reviews()).extracting(ReviewClock::step).containsExactly("VERIFICATION", "ISSUANCE_DECISION");
        assertThat(Invariants.check(f.state)).isEmpty();
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
        for (LedgerEvent e : f.events) {
            assertThat(EventCodec.fromJson(EventCodec.toJson(e))).isEqualTo(e);
        }
    }

    @Test
    void a_decision_on_a_cycle_not_yet_verified_is_refused_as_the_wrong_step() {
        RouteFixtures.registered(f);
        f.ok(holder(f.mnC), MonitoringCycleTest.year(2025, 1_000));
        assertThat(refused(CycleFixtures.JC_MNG, decision(f, 500))).isEqualTo(Rejection.APPLICATION_WRONG_STEP);
        assertThat(refused(holder(f.mnC), new RequestCycleIssuance(MC1))).isEqualTo(Rejection.APPLICATION_WRONG_STEP);
    }

    @Test
    void a_returned_decision_lets_the_applicant_request_again() {
        requested(f);
        f.ok(CycleFixtures.JC_MNG, new DecideIssuance(MC1, ReviewVerdict.RETURN, "JC-MN-2026-01", List.of(), Optional.empty(),
                List.of("allocation agreement missing"), List.of()));
        assertThat(mc1().state()).isEqualTo(MonitoringCycleState.VERIFIED);
        f.ok(holder(f.mnC), new RequestCycleIssuance(MC1));
        assertThat(mc1().issuanceRequestId()).contains(IssuanceRequestId.of(2));
        assertThat(refused(holder(f.mnC), new RequestCycleIssuance(MC1))).isEqualTo(Rejection.APPLICATION_WRONG_STEP);
    }

    /**
     * MN003 of Mongolia and Taiwan, its 2025 cycle decided as three shares and issued: Mongolia's
     * registry 300 to the Mongolian company (Mongolia's units 1 to 300), Taiwan's 200 to the
     * Taiwanese company (Taiwan's units 1 to 200), Japan's 500 to Company B in Mongolia's numbering
     * (units 301 to 800). Returns Taiwan's CreditsIssued.
     */
    static CreditsIssued twoHostsIssued(Fixture f) {
        RouteFixtures.reference(f);
        f.ok(OPERATOR, new UpdateParty(new Party("TW", TWN, "Taiwan", JcmStatus.PARTNER, false, Optional.empty(),
                Optional.of(LocalDate.of(2020, 1, 1)), CycleFixtures.scopes(1))));
        f.ok(OPERATOR, new UpdateThirdPartyEntity(new ThirdPartyEntity(CycleFixtures.TPE1, "Verifier", CycleFixtures.scopes(1),
                java.util.Set.of(MNG, TWN), AccreditationStatus.ACTIVE)));
        f.ok(OPERATOR, new UpdateThirdPartyEntity(new ThirdPartyEntity(CycleFixtures.TPE2, "Verifier", CycleFixtures.scopes(1),
                java.util.Set.of(MNG, TWN), AccreditationStatus.ACTIVE)));
        f.ok(holder(f.mnC), new SubmitProjectIdea(RouteFixtures.idea(MNG, TWN), RouteFixtures.participants(f)));
        f.ok(Fixture.GOV_MNG, RouteFixtures.pinReview(ReviewVerdict.ACCEPT));
        f.ok(Fixture.GOV_TWN, RouteFixtures.pinReview(ReviewVerdict.ACCEPT));
        f.ok(holder(f.mnC), RouteFixtures.design());
        f.ok(RouteFixtures.TPE1, RouteFixtures.validation(ReviewVerdict.ACCEPT));
        f.ok(CycleFixtures.JC_MNG, RouteFixtures.registration(ReviewVerdict.ACCEPT));
        f.ok(holder(f.mnC), MonitoringCycleTest.year(2025, 1_000));
        f.ok(RouteFixtures.TPE2, MonitoringCycleTest.verified(1_000));
        f.ok(holder(f.mnC), new RequestCycleIssuance(MC1));
        f.ok(CycleFixtures.JC_MNG, new DecideIssuance(MC1, ReviewVerdict.ACCEPT, "JC-MN-2026-03", List.of(
                share(MNG01, MNG, alloc(f.mnC1, 300)), share(TWN01, TWN, alloc(f.twC1, 200)), share(JPN01, MNG, alloc(f.jpB1, 500))),
                Optional.of(f.jpB1), List.of(), List.of()));

        f.ok(admin(MNG01), issue("MN003-2025-01", alloc(f.mnC1, 300)));
        CreditsIssued taiwan = (CreditsIssued) f.ok(admin(TWN01), issue("MN003-2025-01-TWN01", alloc(f.twC1, 200))).get(0);
        f.ok(admin(JPN01), issue("MN003-2025-01-JPN01", alloc(f.jpB1, 500)));
        return taiwan;
    }

    @Test
    void a_project_of_two_hosts_issues_each_host_s_share_in_that_host_s_own_numbering() {
        CreditsIssued taiwan = twoHostsIssued(f);
        assertThat(taiwan.hostParty()).isEqualTo(TWN);
        assertThat(taiwan.allocations().get(0).first()).isEqualTo(1);
        assertThat(f.state.issuance(new IssuanceId("MN003-2025-01-JPN01")).orElseThrow().allocations().get(0).first()).isEqualTo(301);
        assertThat(mc1().state()).isEqualTo(MonitoringCycleState.ISSUED);
        f.transfer(f.twC1, f.jpA1, 50);
        assertThat(f.state.totalUnits(f.jpA1)).isEqualTo(50);
        assertThat(f.state.holdings(f.jpA1)).extracting(CreditBlock::hostParty).containsOnly(TWN);
        assertThat(Invariants.check(f.state)).isEmpty();
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }
}
