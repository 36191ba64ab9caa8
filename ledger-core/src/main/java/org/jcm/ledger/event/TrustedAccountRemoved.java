package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;

/** The account left the organization's trusted-account list, at once. */
public record TrustedAccountRemoved(long seq, Instant at, Actor actor, OrganizationId organizationId, AccountId accountId)
        implements LedgerEvent {
    public TrustedAccountRemoved {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitTrustedAccountRemoved(this);
    }
}
