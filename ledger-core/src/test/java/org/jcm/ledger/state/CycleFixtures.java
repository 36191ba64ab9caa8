package org.jcm.ledger.state;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.RegisterMethodology;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.ThirdPartyEntityId;

/** The project cycle's reference data for tests, on top of {@link Fixture}'s Parties. */
final class CycleFixtures {

    /** The secretariat of the Joint Committee of Japan and Mongolia. */
    static final Actor JC_MNG = Actor.jcSecretariat("jc-mng", Fixture.MNG);
    static final ThirdPartyEntityId TPE1 = ThirdPartyEntityId.parse("TPE-0001");
    static final ThirdPartyEntityId TPE2 = ThirdPartyEntityId.parse("TPE-0002");

    private CycleFixtures() {
    }

    /** An approved methodology of Mongolia in {@code scope}. */
    static Methodology methodology(String id, int scope) {
        return methodology(id, scope, MethodologyStatus.APPROVED);
    }

    static Methodology methodology(String id, int scope, MethodologyStatus status) {
        return new Methodology(MethodologyId.parse(id), Fixture.MNG, "Solar power " + id, SectoralScope.ofNumber(scope), 1, status,
                Optional.empty(), false);
    }

    static RegisterMethodology registered(String id, int scope) {
        return new RegisterMethodology(methodology(id, scope));
    }

    /** An active entity accredited for the scopes in Mongolia. */
    static ThirdPartyEntity entity(ThirdPartyEntityId id, int... scopes) {
        return new ThirdPartyEntity(id, "Verifier " + id, scopes(scopes), Set.of(Fixture.MNG), AccreditationStatus.ACTIVE);
    }

    /** Mongolia as in {@link Fixture}, with only these scopes in its agreement. */
    static UpdateParty mongoliaWith(int... scopes) {
        return new UpdateParty(new Party("MN", Fixture.MNG, "Mongolia", JcmStatus.PARTNER, true, Optional.of(Fixture.CA),
                Optional.of(LocalDate.of(2013, 1, 8)), scopes(scopes)));
    }

    /** Kazakhstan as a partner with the signing date given (or none). */
    static Party kazakhstan(Optional<LocalDate> signed) {
        return new Party("KZ", new PartyCode("KAZ"), "Kazakhstan", JcmStatus.PARTNER, true, Optional.empty(), signed,
                scopes(1, 3));
    }

    static Set<SectoralScope> scopes(int... numbers) {
        List<SectoralScope> list = Arrays.stream(numbers).mapToObj(SectoralScope::ofNumber).toList();
        return SectoralScope.sortedSet(list);
    }
}
