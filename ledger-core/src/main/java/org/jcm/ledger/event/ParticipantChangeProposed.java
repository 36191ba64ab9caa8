package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.Participants;

/**
 * The proxy proposed new participants; they take effect when the representative consents.
 */
public record ParticipantChangeProposed(long seq, Instant at, Actor actor, ApplicationId applicationId, Participants participants)
        implements ProjectCycleEvent {
    public ParticipantChangeProposed {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(participants, "participants");
    }

    @Override
    public String subjectId() {
        return applicationId.value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitParticipantChangeProposed(this);
    }
}
