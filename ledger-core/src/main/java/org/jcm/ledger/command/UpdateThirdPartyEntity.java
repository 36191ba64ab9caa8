package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.ThirdPartyEntity;

/** Replaces a third-party entity's name, accreditation (scopes, host Parties) and status (a suspension, a reinstatement). Operator only. */
public record UpdateThirdPartyEntity(ThirdPartyEntity entity) implements Command {
    public UpdateThirdPartyEntity {
        Objects.requireNonNull(entity, "entity");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitUpdateThirdPartyEntity(this);
    }
}
