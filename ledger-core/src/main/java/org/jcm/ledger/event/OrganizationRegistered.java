package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.RegistryId;

/** A legal entity was recorded in a registry under the id the ledger assigned. */
public record OrganizationRegistered(long seq, Instant at, Actor actor, OrganizationId organizationId,
                                     RegistryId registryId, String name) implements LedgerEvent {
    public OrganizationRegistered {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitOrganizationRegistered(this);
    }
}
