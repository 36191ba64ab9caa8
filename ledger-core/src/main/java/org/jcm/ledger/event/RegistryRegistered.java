package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;

/** A registry is hosted here, with its cancellation and retirement accounts. */
public record RegistryRegistered(long seq, Instant at, Actor actor, RegistryId registryId, PartyCode party, String name,
                                 AccountId cancellationAccountId, AccountId retirementAccountId) implements LedgerEvent {
    public RegistryRegistered {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cancellationAccountId, "cancellationAccountId");
        Objects.requireNonNull(retirementAccountId, "retirementAccountId");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitRegistryRegistered(this);
    }
}
