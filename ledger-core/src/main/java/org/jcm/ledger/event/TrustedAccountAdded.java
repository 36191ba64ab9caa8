package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;

/** The account joins the organization's trusted-account list; it is trusted from {@code effectiveAt} on. */
public record TrustedAccountAdded(long seq, Instant at, Actor actor, OrganizationId organizationId, AccountId accountId,
                                  Instant effectiveAt) implements LedgerEvent {
    public TrustedAccountAdded {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitTrustedAccountAdded(this);
    }
}
