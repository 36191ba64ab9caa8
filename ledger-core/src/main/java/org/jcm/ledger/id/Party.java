package org.jcm.ledger.id;

import java.util.Objects;
import java.util.Optional;

/**
 * Reference data for a Party: ISO codes, name, JCM status, whether it is a Party to the Paris
 * Agreement (only those can authorize ITMOs) and the cooperative approach of its partnership.
 * Adding a partner is registering one of these; nothing in the code lists partners.
 */
public record Party(String iso2, PartyCode code, String name, JcmStatus jcmStatus, boolean parisAgreementParty,
                    Optional<CooperativeApproachId> cooperativeApproachId) {

    public Party {
        Checks.notNull("Party.iso2", iso2);
        if (iso2.length() != 2 || !Checks.upperRun(iso2, 0, 2)) {
            throw new InvalidValueException("Party.iso2", iso2, "must be 2 upper-case letters (ISO 3166 alpha-2)");
        }
        Objects.requireNonNull(code, "code");
        Checks.freeText("Party.name", name, 200);
        Objects.requireNonNull(jcmStatus, "jcmStatus");
        Objects.requireNonNull(cooperativeApproachId, "cooperativeApproachId");
        if ((jcmStatus == JcmStatus.JAPAN) != code.isJapan()) {
            throw new InvalidValueException("Party.jcmStatus", jcmStatus.name(), "JAPAN is the status of JPN and only of JPN");
        }
    }
}
