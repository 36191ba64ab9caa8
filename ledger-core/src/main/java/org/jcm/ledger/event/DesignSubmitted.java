package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;

/**
 * The applicant submitted (or resubmitted) the project design document for validation.
 */
public record DesignSubmitted(long seq, Instant at, Actor actor, ApplicationId applicationId, List<DocumentRef> documents)
        implements ProjectCycleEvent {
    public DesignSubmitted {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(applicationId, "applicationId");
        documents = List.copyOf(documents);
    }

    @Override
    public String subjectId() {
        return applicationId.value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitDesignSubmitted(this);
    }
}
