package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.ApplicationId;

/**
 * The representative participant consents to the participant change its proxy proposed. An account
 * holder of the representative organization.
 */
public record ConsentParticipantChange(ApplicationId applicationId) implements Command {
    public ConsentParticipantChange {
        Objects.requireNonNull(applicationId, "applicationId");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitConsentParticipantChange(this);
    }
}
