package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.ProjectIdea;

/**
 * Resubmits a Project Idea Note that a host government returned for revision, possibly revised.
 * The applicant (an account holder of the representative or of the proxy).
 */
public record ResubmitProjectIdea(ApplicationId applicationId, ProjectIdea idea) implements Command {
    public ResubmitProjectIdea {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(idea, "idea");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitResubmitProjectIdea(this);
    }
}
