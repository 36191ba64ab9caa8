package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.GOV_MNG;
import static org.jcm.ledger.state.Fixture.GOV_TWN;
import static org.jcm.ledger.state.Fixture.MNG;
import static org.jcm.ledger.state.Fixture.OPERATOR;
import static org.jcm.ledger.state.Fixture.TWN;
import static org.jcm.ledger.state.Fixture.holder;
import static org.jcm.ledger.state.RouteFixtures.AP1;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.command.ChangeParticipants;
import org.jcm.ledger.command.ConsentParticipantChange;
import org.jcm.ledger.command.ResubmitProjectIdea;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.command.UpdateThirdPartyEntity;
import org.jcm.ledger.command.WithdrawApplication;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.junit.jupiter.api.Test;

/** The application route from the Project Idea Note to the Joint Committee's registration. */
class ApplicationRouteTest {

    final Fixture f = new Fixture();

    Application ap1() {
        return f.state.projectCycle().application(AP1).orElseThrow();
    }

    Rejection refused(org.jcm.ledger.command.Actor actor, org.jcm.ledger.command.Command command) {
        Outcome o = f.apply(actor, command);
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) o).rejection();
    }

    @Test
    void an_application_goes_from_its_project_idea_to_a_registered_project_with_the_next_id_of_its_host() {
        RouteFixtures.submitted(f);
        assertThat(ap1().state()).isEqualTo(ApplicationState.PIN_SUBMITTED);
        assertThat(ap1().holder()).isEqualTo(ApplicationState.Holder.HOST_GOVERNMENT);
        f.ok(GOV_MNG, RouteFixtures.pinReview(ReviewVerdict.ACCEPT));
        assertThat(ap1().holder()).isEqualTo(ApplicationState.Holder.APPLICANT);
        f.ok(holder(f.jpB), RouteFixtures.design());
        assertThat(ap1().holder()).isEqualTo(ApplicationState.Holder.THIRD_PARTY_ENTITY);
        f.ok(RouteFixtures.TPE1, RouteFixtures.validation(ReviewVerdict.ACCEPT));
        assertThat(ap1().holder()).isEqualTo(ApplicationState.Holder.JC_SECRETARIAT);
        List<LedgerEvent> events = f.ok(CycleFixtures.JC_MNG, RouteFixtures.registration(ReviewVerdict.ACCEPT));

        ProjectRegistered registered = (ProjectRegistered) events.get(1);
        assertThat(registered.projectId()).isEqualTo(new ProjectId("MN003"));
        assertThat(registered.registryId()).isEqualTo(Fixture.MNG01);
        assertThat(registered.applicationId()).contains(AP1);
        assertThat(registered.hostParties()).containsExactly(MNG);
        assertThat(registered.participants()).containsExactly(f.mnC, f.jpA);
        assertThat(ap1().state()).isEqualTo(ApplicationState.REGISTERED);
        assertThat(ap1().projectId()).contains(new ProjectId("MN003"));
        assertThat(ap1().validator()).contains(CycleFixtures.TPE1);
        assertThat(f.state.projectCycle().applicationOf(new ProjectId("MN003"))).contains(ap1());
        assertThat(ap1().reviews()).extracting(ReviewClock::step).containsExactly("PROJECT_IDEA", "VALIDATION", "REGISTRATION");
        assertThat(ap1().reviews()).allSatisfy(r -> assertThat(r.decidedAt()).isPresent());
        assertThat(ap1().reviews().get(2).decidedBy()).contains(CycleFixtures.JC_MNG);
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void a_returned_project_idea_is_resubmitted_revised_and_reviewed_again_on_a_new_clock() {
        RouteFixtures.submitted(f);
        assertThat(refused(GOV_MNG, RouteFixtures.pinReview(ReviewVerdict.RETURN))).isEqualTo(Rejection.REASONS_REQUIRED);
        f.ok(GOV_MNG, RouteFixtures.pinReview(ReviewVerdict.RETURN, "state the baseline"));
        assertThat(ap1().state()).isEqualTo(ApplicationState.PIN_RETURNED);
        assertThat(refused(GOV_MNG, RouteFixtures.pinReview(ReviewVerdict.ACCEPT))).isEqualTo(Rejection.APPLICATION_WRONG_STEP);
        assertThat(refused(holder(f.jpA), new ResubmitProjectIdea(AP1, RouteFixtures.idea(MNG))))
                .isEqualTo(Rejection.NOT_THE_APPLICANT);
        f.ok(holder(f.mnC), new ResubmitProjectIdea(AP1, RouteFixtures.idea(MNG)));
        f.ok(GOV_MNG, RouteFixtures.pinReview(ReviewVerdict.ACCEPT));

        assertThat(ap1().state()).isEqualTo(ApplicationState.PIN_CONFIRMED);
        assertThat(ap1().reviews()).extracting(r -> r.verdict().orElseThrow())
                .containsExactly(ReviewVerdict.RETURN, ReviewVerdict.ACCEPT);
    }

    @Test
    void a_project_of_two_hosts_moves_on_when_the_last_host_confirms_and_needs_an_entity_accredited_in_both() {
        RouteFixtures.reference(f);
        f.ok(OPERATOR, new UpdateParty(new Party("TW", TWN, "Taiwan", JcmStatus.PARTNER, false, Optional.empty(),
                Optional.of(LocalDate.of(2020, 1, 1)), CycleFixtures.scopes(1))));
        f.ok(holder(f.mnC), new SubmitProjectIdea(RouteFixtures.idea(MNG, TWN), RouteFixtures.participants(f)));
        f.ok(GOV_MNG, RouteFixtures.pinReview(ReviewVerdict.ACCEPT));
        assertThat(ap1().state()).isEqualTo(ApplicationState.PIN_SUBMITTED);
        assertThat(refused(GOV_MNG, RouteFixtures.pinReview(ReviewVerdict.ACCEPT))).isEqualTo(Rejection.APPLICATION_WRONG_STEP);
        assertThat(refused(Fixture.GOV_JPN, RouteFixtures.pinReview(ReviewVerdict.ACCEPT))).isEqualTo(Rejection.NOT_THE_REVIEWER);
        f.ok(GOV_TWN, RouteFixtures.pinReview(ReviewVerdict.ACCEPT));
        assertThat(ap1().state()).isEqualTo(ApplicationState.PIN_CONFIRMED);
        f.ok(holder(f.mnC), RouteFixtures.design());

        assertThat(refused(RouteFixtures.TPE1, RouteFixtures.validation(ReviewVerdict.ACCEPT))).isEqualTo(Rejection.TPE_NOT_ACCREDITED);
        f.ok(OPERATOR, new UpdateThirdPartyEntity(new org.jcm.ledger.id.ThirdPartyEntity(CycleFixtures.TPE1, "Verifier",
                CycleFixtures.scopes(1), java.util.Set.of(MNG, TWN), AccreditationStatus.ACTIVE)));
        f.ok(RouteFixtures.TPE1, RouteFixtures.validation(ReviewVerdict.ACCEPT));
        assertThat(refused(Actor2.JC_TWN, RouteFixtures.registration(ReviewVerdict.ACCEPT))).isEqualTo(Rejection.NOT_THE_REVIEWER);
        ProjectRegistered registered = (ProjectRegistered) f.ok(CycleFixtures.JC_MNG, RouteFixtures.registration(ReviewVerdict.ACCEPT))
                .get(1);
        assertThat(registered.hostParties()).containsExactly(MNG, TWN);
        assertThat(registered.hostParty()).isEqualTo(MNG);
    }

    @Test
    void the_proxy_s_participant_change_waits_for_the_representative_s_consent_which_the_proxy_cannot_give() {
        RouteFixtures.registered(f);
        Participants more = new Participants(f.mnC, List.of(f.jpA, f.mnG), Optional.of(f.jpB));
        f.ok(holder(f.jpB), new ChangeParticipants(AP1, more));
        assertThat(ap1().participants()).isEqualTo(RouteFixtures.participants(f));
        assertThat(ap1().pendingParticipants()).contains(more);
        assertThat(refused(holder(f.jpB), new ConsentParticipantChange(AP1))).isEqualTo(Rejection.CONSENT_REQUIRED);
        f.ok(holder(f.mnC), new ConsentParticipantChange(AP1));

        assertThat(ap1().participants()).isEqualTo(more);
        assertThat(ap1().pendingParticipants()).isEmpty();
        assertThat(f.state.project(new ProjectId("MN003")).orElseThrow().participants()).containsExactly(f.mnC, f.jpA, f.mnG);
        assertThat(refused(holder(f.mnC), new ConsentParticipantChange(AP1))).isEqualTo(Rejection.APPLICATION_WRONG_STEP);
        Participants fewer = new Participants(f.mnC, List.of(), Optional.empty());
        f.ok(holder(f.mnC), new ChangeParticipants(AP1, fewer));
        assertThat(ap1().participants()).isEqualTo(fewer);
        assertThat(refused(holder(f.jpB), new ChangeParticipants(AP1, more))).isEqualTo(Rejection.NOT_THE_APPLICANT);
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void a_withdrawn_or_rejected_application_takes_no_further_step_and_a_registered_one_cannot_be_withdrawn() {
        RouteFixtures.designed(f);
        f.ok(holder(f.jpB), new WithdrawApplication(AP1, List.of("financing fell through")));
        assertThat(ap1().state()).isEqualTo(ApplicationState.WITHDRAWN);
        assertThat(refused(RouteFixtures.TPE1, RouteFixtures.validation(ReviewVerdict.ACCEPT)))
                .isEqualTo(Rejection.APPLICATION_WRONG_STEP);

        Fixture g = new Fixture();
        RouteFixtures.registered(g);
        Outcome o = g.apply(holder(g.mnC), new WithdrawApplication(AP1, List.of()));
        assertThat(((Outcome.Rejected) o).rejection()).isEqualTo(Rejection.APPLICATION_WRONG_STEP);
    }

    @Test
    void the_joint_committee_returns_a_validated_design_to_the_applicant_and_the_resubmitted_design_is_validated_again() {
        RouteFixtures.validated(f);
        f.ok(CycleFixtures.JC_MNG, RouteFixtures.registration(ReviewVerdict.RETURN, "monitoring plan incomplete"));
        assertThat(ap1().state()).isEqualTo(ApplicationState.DESIGN_RETURNED);
        f.ok(holder(f.mnC), RouteFixtures.design());
        f.ok(RouteFixtures.TPE2, RouteFixtures.validation(ReviewVerdict.REJECT, "additionality not shown"));
        assertThat(ap1().state()).isEqualTo(ApplicationState.REJECTED);
        assertThat(ap1().holder()).isEqualTo(ApplicationState.Holder.NONE);
    }

    @Test
    void a_project_registered_before_the_route_decodes_and_encodes_to_the_same_bytes() {
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("seq", 7L);
        old.put("type", "ProjectRegistered");
        old.put("at", "2025-01-06T00:00:00.000Z");
        old.put("actor", Map.of("role", "registry-admin", "subject", "admin", "scope", "MNG01"));
        old.put("projectId", "MN001");
        old.put("hostParty", "MNG");
        old.put("registryId", "MNG01");
        old.put("title", "Solar");
        old.put("methodologyId", "MN_AM001");
        old.put("participants", List.of("MNG01-O0001"));
        ProjectRegistered e = (ProjectRegistered) EventCodec.fromJson(old);

        assertThat(e.applicationId()).isEmpty();
        assertThat(e.hostParties()).isEmpty();
        assertThat(e.financing()).isEmpty();
        assertThat(Jcs.canonicalize(EventCodec.toJson(e))).isEqualTo(Jcs.canonicalize(old));
    }

    @Test
    void a_project_registered_on_the_route_round_trips_with_its_application_hosts_and_financing() {
        RouteFixtures.registered(f);
        ProjectRegistered e = (ProjectRegistered) f.events.get(f.events.size() - 1);
        Map<String, Object> json = EventCodec.toJson(e);
        assertThat(json).containsKeys("applicationId", "hostParties", "financing");
        assertThat(EventCodec.fromJson(json)).isEqualTo(e);
    }

    /** Actors of other Joint Committees. */
    static final class Actor2 {
        static final org.jcm.ledger.command.Actor JC_TWN = org.jcm.ledger.command.Actor.jcSecretariat("jc-twn", TWN);
    }
}
