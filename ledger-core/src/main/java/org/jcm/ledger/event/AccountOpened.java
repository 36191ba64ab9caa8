package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.RegistryId;

/** A holding account was opened under the id the ledger assigned. */
public record AccountOpened(long seq, Instant at, Actor actor, AccountId accountId, RegistryId registryId,
                            OrganizationId organizationId, String name) implements LedgerEvent {
    public AccountOpened {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitAccountOpened(this);
    }
}
