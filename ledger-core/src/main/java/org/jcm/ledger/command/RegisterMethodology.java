package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Methodology;

/** Adds a methodology the Joint Committee adopted, in its host's registry of methodologies. The JC secretariat of the host Party. */
public record RegisterMethodology(Methodology methodology) implements Command {
    public RegisterMethodology {
        Objects.requireNonNull(methodology, "methodology");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRegisterMethodology(this);
    }
}
