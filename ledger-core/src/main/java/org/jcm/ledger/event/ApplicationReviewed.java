package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.ReviewStep;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * A reviewer decided a step of an application: a host government the Project Idea Note, a third-
 * party entity the validation, the JC secretariat the registration (citing the decision). The
 * actor is the reviewer.
 */
public record ApplicationReviewed(long seq, Instant at, Actor actor, ApplicationId applicationId, ReviewStep step, ReviewVerdict verdict, Optional<String> decisionReference, List<String> reasons, List<DocumentRef> documents)
        implements ProjectCycleEvent {
    public ApplicationReviewed {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decisionReference, "decisionReference");
        reasons = List.copyOf(reasons);
        documents = List.copyOf(documents);
    }

    @Override
    public String subjectId() {
        return applicationId.value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitApplicationReviewed(this);
    }
}
