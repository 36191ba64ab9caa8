package org.jcm.ledger.id;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A third-party entity (validator and verifier) as the operator accredited it: id, name, the
 * sectoral scopes and host Parties its accreditation covers, and whether it is active. It may
 * validate or verify a project only within both.
 */
public record ThirdPartyEntity(ThirdPartyEntityId id, String name, Set<SectoralScope> scopes, Set<PartyCode> hostParties,
                               AccreditationStatus status) {

    public ThirdPartyEntity {
        Objects.requireNonNull(id, "id");
        Checks.freeText("ThirdPartyEntity.name", name, 200);
        scopes = SectoralScope.sortedSet(Objects.requireNonNull(scopes, "scopes"));
        Objects.requireNonNull(hostParties, "hostParties");
        if (scopes.isEmpty() || hostParties.isEmpty() || hostParties.size() > 200) {
            throw new InvalidValueException("ThirdPartyEntity", id.value(), "must be accredited for 1 to 15 scopes and 1 to 200 host Parties");
        }
        hostParties = Collections.unmodifiableSet(new TreeSet<>(hostParties));
        Objects.requireNonNull(status, "status");
    }

    /** Whether it may validate or verify now in {@code scope} for {@code host}. */
    public boolean accreditedFor(SectoralScope scope, PartyCode host) {
        return status == AccreditationStatus.ACTIVE && scopes.contains(scope) && hostParties.contains(host);
    }
}
