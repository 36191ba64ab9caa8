package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.RegistryId;

/** Hosts a registry of a registered Party on this system, with its cancellation and retirement accounts. Operator only. */
public record RegisterRegistry(RegistryId registryId, String name) implements Command {
    public RegisterRegistry {
        Objects.requireNonNull(registryId, "registryId");
        Checks.freeText("name", name, Texts.NAME_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRegisterRegistry(this);
    }
}
