package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;

/**
 * The applicant withdrew its application before registration.
 */
public record ApplicationWithdrawn(long seq, Instant at, Actor actor, ApplicationId applicationId, List<String> reasons)
        implements ProjectCycleEvent {
    public ApplicationWithdrawn {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(applicationId, "applicationId");
        reasons = List.copyOf(reasons);
    }

    @Override
    public String subjectId() {
        return applicationId.value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitApplicationWithdrawn(this);
    }
}
