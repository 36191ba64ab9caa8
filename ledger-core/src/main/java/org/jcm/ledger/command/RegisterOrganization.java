package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.RegistryId;

/** Records a legal entity in a registry; the ledger assigns its id. Registry administrator of that registry. */
public record RegisterOrganization(RegistryId registryId, String name) implements Command {
    public RegisterOrganization {
        Objects.requireNonNull(registryId, "registryId");
        Checks.freeText("name", name, Texts.NAME_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRegisterOrganization(this);
    }
}
