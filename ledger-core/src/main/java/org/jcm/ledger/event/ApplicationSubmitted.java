package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.ProjectIdea;

/**
 * A Project Idea Note was submitted: a new application, numbered by the ledger.
 */
public record ApplicationSubmitted(long seq, Instant at, Actor actor, ApplicationId applicationId, ProjectIdea idea, Participants participants)
        implements ProjectCycleEvent {
    public ApplicationSubmitted {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(idea, "idea");
        Objects.requireNonNull(participants, "participants");
    }

    @Override
    public String subjectId() {
        return applicationId.value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitApplicationSubmitted(this);
    }
}
