package org.jcm.ledger.id;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reference data for a Party: ISO codes, name, JCM status, whether it is a Party to the Paris
 * Agreement (only those can authorize ITMOs), the cooperative approach of its partnership, the
 * date its JCM partnership document was signed and the sectoral scopes its agreement covers.
 * Adding a partner is registering one of these; nothing in the code lists partners.
 *
 * <p>The signing date and the scopes were added after the first ledgers were written: a Party of
 * an older event has neither (empty date, no scope), so that it still decodes. The rules of
 * {@code RegisterParty} and {@code UpdateParty} require the date of a partner and refuse it for a
 * candidate and for Japan; the record itself accepts both, for replay.
 */
public record Party(String iso2, PartyCode code, String name, JcmStatus jcmStatus, boolean parisAgreementParty,
                    Optional<CooperativeApproachId> cooperativeApproachId, Optional<LocalDate> jcmSigningDate,
                    Set<SectoralScope> sectoralScopes) {

    public Party {
        Checks.notNull("Party.iso2", iso2);
        if (iso2.length() != 2 || !Checks.upperRun(iso2, 0, 2)) {
            throw new InvalidValueException("Party.iso2", iso2, "must be 2 upper-case letters (ISO 3166 alpha-2)");
        }
        Objects.requireNonNull(code, "code");
        Checks.freeText("Party.name", name, 200);
        Objects.requireNonNull(jcmStatus, "jcmStatus");
        Objects.requireNonNull(cooperativeApproachId, "cooperativeApproachId");
        Objects.requireNonNull(jcmSigningDate, "jcmSigningDate");
        sectoralScopes = SectoralScope.sortedSet(Objects.requireNonNull(sectoralScopes, "sectoralScopes"));
        if ((jcmStatus == JcmStatus.JAPAN) != code.isJapan()) {
            throw new InvalidValueException("Party.jcmStatus", jcmStatus.name(), "JAPAN is the status of JPN and only of JPN");
        }
    }

    /** A Party without signing date and sectoral scopes (as every Party of the first ledgers). */
    public Party(String iso2, PartyCode code, String name, JcmStatus jcmStatus, boolean parisAgreementParty,
                 Optional<CooperativeApproachId> cooperativeApproachId) {
        this(iso2, code, name, jcmStatus, parisAgreementParty, cooperativeApproachId, Optional.empty(), Set.of());
    }

    /** Whether the Party's agreement covers the scope. */
    public boolean covers(SectoralScope scope) {
        return sectoralScopes.contains(scope);
    }
}
