package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Party;

/** Replaces a registered Party's reference data (name, status, Paris Agreement party, cooperative approach). Operator only. */
public record UpdateParty(Party party) implements Command {
    public UpdateParty {
        Objects.requireNonNull(party, "party");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitUpdateParty(this);
    }
}
