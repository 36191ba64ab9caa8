package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.AccountId;

/** A holding account may send again. */
public record AccountUnfrozen(long seq, Instant at, Actor actor, AccountId accountId, Optional<String> reason)
        implements LedgerEvent {
    public AccountUnfrozen {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitAccountUnfrozen(this);
    }
}
