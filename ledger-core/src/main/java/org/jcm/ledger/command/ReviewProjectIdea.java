package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * A host government confirms the Project Idea Note, returns it for revision or rejects it (reasons
 * for both). The government of a host Party of the application.
 */
public record ReviewProjectIdea(ApplicationId applicationId, ReviewVerdict verdict, List<String> reasons, List<DocumentRef> documents) implements Command {
    public ReviewProjectIdea {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(verdict, "verdict");
        reasons = Texts.reasons(reasons);
        documents = DocumentRef.list(documents);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitReviewProjectIdea(this);
    }
}
