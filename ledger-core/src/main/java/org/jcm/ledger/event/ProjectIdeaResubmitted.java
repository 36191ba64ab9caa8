package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.ProjectIdea;

/**
 * The applicant resubmitted a returned Project Idea Note, possibly revised; every host government
 * reviews it again.
 */
public record ProjectIdeaResubmitted(long seq, Instant at, Actor actor, ApplicationId applicationId, ProjectIdea idea)
        implements ProjectCycleEvent {
    public ProjectIdeaResubmitted {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(idea, "idea");
    }

    @Override
    public String subjectId() {
        return applicationId.value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitProjectIdeaResubmitted(this);
    }
}
