package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.Participants;

/**
 * The participants of an application (and of its project) changed: asked by the representative, or
 * consented by it.
 */
public record ParticipantsChanged(long seq, Instant at, Actor actor, ApplicationId applicationId, Participants participants)
        implements ProjectCycleEvent {
    public ParticipantsChanged {
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
        return visitor.visitParticipantsChanged(this);
    }
}
