package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.OPERATOR;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.UpdateMethodology;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.junit.jupiter.api.Test;

/** Partners at runtime, the registry of methodologies and the accreditation of third-party entities. */
class ProjectCycleReferenceTest {

    final Fixture f = new Fixture(new LedgerState());
    static final PartyCode MYS = new PartyCode("MYS");

    static Party malaysia(JcmStatus status, Optional<LocalDate> signed, int... scopes) {
        return new Party("MY", MYS, "Malaysia", status, true, Optional.empty(), signed, CycleFixtures.scopes(scopes));
    }

    static Rejection rejection(Outcome o) {
        return ((Outcome.Rejected) o).rejection();
    }

    @Test
    void a_party_event_written_before_signing_dates_and_scopes_decodes_and_encodes_as_it_was_written() {
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("seq", 1L);
        old.put("type", "PartyRegistered");
        old.put("at", "2025-01-06T00:00:00.000Z");
        old.put("actor", Map.of("role", "operator", "subject", "bootstrap", "scope", ""));
        old.put("party", "MNG");
        old.put("iso2", "MN");
        old.put("name", "Mongolia");
        old.put("jcmStatus", "PARTNER");
        old.put("parisAgreementParty", true);
        old.put("cooperativeApproachId", "CA0012");
        PartyRegistered e = (PartyRegistered) EventCodec.fromJson(old);

        assertThat(e.party().jcmSigningDate()).isEmpty();
        assertThat(e.party().sectoralScopes()).isEmpty();
        assertThat(Jcs.canonicalize(EventCodec.toJson(e))).isEqualTo(Jcs.canonicalize(old));
    }

    @Test
    void a_candidate_becomes_a_partner_with_its_signing_date_and_scopes_while_the_ledger_runs() {
        f.ok(OPERATOR, new RegisterParty(malaysia(JcmStatus.CANDIDATE, Optional.empty())));
        assertThat(rejection(f.apply(OPERATOR, new UpdateParty(malaysia(JcmStatus.PARTNER, Optional.empty(), 1)))))
                .isEqualTo(Rejection.INVALID_SIGNING_DATE);
        assertThat(rejection(f.apply(OPERATOR, new UpdateParty(malaysia(JcmStatus.CANDIDATE, Optional.of(LocalDate.of(2024, 1, 1)))))))
                .isEqualTo(Rejection.INVALID_SIGNING_DATE);
        assertThat(rejection(f.apply(OPERATOR, new UpdateParty(malaysia(JcmStatus.PARTNER, Optional.of(LocalDate.of(2999, 1, 1)), 1)))))
                .isEqualTo(Rejection.INVALID_SIGNING_DATE);

        f.ok(OPERATOR, new UpdateParty(malaysia(JcmStatus.PARTNER, Optional.of(LocalDate.of(2024, 10, 1)), 1, 3, 7)));

        Party partner = f.state.party(MYS).orElseThrow();
        assertThat(partner.jcmStatus()).isEqualTo(JcmStatus.PARTNER);
        assertThat(partner.jcmSigningDate()).contains(LocalDate.of(2024, 10, 1));
        assertThat(partner.sectoralScopes()).containsExactly(SectoralScope.ENERGY_INDUSTRIES, SectoralScope.ENERGY_DEMAND,
                SectoralScope.TRANSPORT);
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void only_the_secretariat_of_the_hosts_joint_committee_of_a_partner_keeps_its_methodologies() {
        assertThat(rejection(f.apply(OPERATOR, CycleFixtures.registered("MN_AM001", 1)))).isEqualTo(Rejection.FORBIDDEN_ROLE);
        Actor otherJc = Actor.jcSecretariat("jc-twn", Fixture.TWN);
        assertThat(rejection(f.apply(otherJc, CycleFixtures.registered("MN_AM001", 1)))).isEqualTo(Rejection.FORBIDDEN_SCOPE);
        f.ok(OPERATOR, new RegisterParty(malaysia(JcmStatus.CANDIDATE, Optional.empty())));
        Actor candidateJc = Actor.jcSecretariat("jc-mys", MYS);
        assertThat(rejection(f.apply(candidateJc, new org.jcm.ledger.command.RegisterMethodology(
                new org.jcm.ledger.id.Methodology(org.jcm.ledger.id.MethodologyId.parse("MY_AM001"), MYS, "Chillers",
                        SectoralScope.ENERGY_DEMAND, 1, MethodologyStatus.APPROVED, Optional.empty(), false)))))
                .isEqualTo(Rejection.HOST_NOT_JCM_PARTNER);

        f.ok(CycleFixtures.JC_MNG, CycleFixtures.registered("MN_AM001", 1));
        f.ok(CycleFixtures.JC_MNG, new UpdateMethodology(CycleFixtures.methodology("MN_AM001", 1, MethodologyStatus.SUSPENDED)));

        assertThat(f.state.projectCycle().methodology(org.jcm.ledger.id.MethodologyId.parse("MN_AM001")).orElseThrow().status())
                .isEqualTo(MethodologyStatus.SUSPENDED);
        // A suspended methodology no longer holds its scope in the agreement.
        f.ok(OPERATOR, CycleFixtures.mongoliaWith(3));
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void an_entity_is_accredited_for_its_scopes_and_hosts_while_active() {
        f.ok(OPERATOR, new org.jcm.ledger.command.AccreditThirdPartyEntity(CycleFixtures.entity(CycleFixtures.TPE1, 1, 13)));
        var entity = f.state.projectCycle().thirdPartyEntity(CycleFixtures.TPE1).orElseThrow();
        assertThat(entity.accreditedFor(SectoralScope.WASTE_HANDLING_AND_DISPOSAL, Fixture.MNG)).isTrue();
        assertThat(entity.accreditedFor(SectoralScope.TRANSPORT, Fixture.MNG)).isFalse();
        assertThat(entity.accreditedFor(SectoralScope.ENERGY_INDUSTRIES, Fixture.TWN)).isFalse();

        f.ok(OPERATOR, new org.jcm.ledger.command.UpdateThirdPartyEntity(new org.jcm.ledger.id.ThirdPartyEntity(CycleFixtures.TPE1,
                "Verifier", Set.of(SectoralScope.ENERGY_INDUSTRIES), Set.of(Fixture.MNG),
                org.jcm.ledger.id.AccreditationStatus.SUSPENDED)));
        assertThat(f.state.projectCycle().thirdPartyEntity(CycleFixtures.TPE1).orElseThrow()
                .accreditedFor(SectoralScope.ENERGY_INDUSTRIES, Fixture.MNG)).isFalse();
        assertThat(Invariants.check(f.state)).isEmpty();
    }
}
