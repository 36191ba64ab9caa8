package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.Party;

/** A Party became known to the ledger. */
public record PartyRegistered(long seq, Instant at, Actor actor, Party party) implements LedgerEvent {
    public PartyRegistered {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(party, "party");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitPartyRegistered(this);
    }
}
