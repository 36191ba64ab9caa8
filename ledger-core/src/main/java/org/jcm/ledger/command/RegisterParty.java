package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Party;

/** Adds a Party (Japan, a partner, a candidate) as reference data. Operator only. */
public record RegisterParty(Party party) implements Command {
    public RegisterParty {
        Objects.requireNonNull(party, "party");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRegisterParty(this);
    }
}
