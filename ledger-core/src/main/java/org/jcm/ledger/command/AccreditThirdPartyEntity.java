package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.ThirdPartyEntity;

/** Accredits a third-party entity (validator and verifier) for sectoral scopes and host Parties. Operator only. */
public record AccreditThirdPartyEntity(ThirdPartyEntity entity) implements Command {
    public AccreditThirdPartyEntity {
        Objects.requireNonNull(entity, "entity");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitAccreditThirdPartyEntity(this);
    }
}
