package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.OrganizationId;

/** Opens a holding account for an organization in its registry; the ledger assigns the id. Registry administrator. */
public record OpenAccount(OrganizationId organizationId, String name) implements Command {
    public OpenAccount {
        Objects.requireNonNull(organizationId, "organizationId");
        Checks.freeText("name", name, Texts.NAME_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitOpenAccount(this);
    }
}
