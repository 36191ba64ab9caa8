package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.Participants;

/**
 * Changes the participants of an application (and of its project once registered): at once when an
 * account holder of the representative asks, otherwise (the proxy) pending until the
 * representative consents.
 */
public record ChangeParticipants(ApplicationId applicationId, Participants participants) implements Command {
    public ChangeParticipants {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(participants, "participants");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitChangeParticipants(this);
    }
}
