package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.Party;

/** A Party's reference data was replaced. */
public record PartyUpdated(long seq, Instant at, Actor actor, Party party) implements LedgerEvent {
    public PartyUpdated {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(party, "party");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitPartyUpdated(this);
    }
}
