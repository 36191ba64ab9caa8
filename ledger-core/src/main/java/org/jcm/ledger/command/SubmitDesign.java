package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;

/**
 * Submits (or, after a return, resubmits) the project design document for validation. The
 * applicant.
 */
public record SubmitDesign(ApplicationId applicationId, List<DocumentRef> documents) implements Command {
    public SubmitDesign {
        Objects.requireNonNull(applicationId, "applicationId");
        documents = DocumentRef.list(documents);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitSubmitDesign(this);
    }
}
