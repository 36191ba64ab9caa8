package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Methodology;

/** Replaces a methodology's title, scope, version, status, longest monitoring period and verification exception (a new version, an approval, a suspension, a withdrawal). The JC secretariat of the host Party. */
public record UpdateMethodology(Methodology methodology) implements Command {
    public UpdateMethodology {
        Objects.requireNonNull(methodology, "methodology");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitUpdateMethodology(this);
    }
}
