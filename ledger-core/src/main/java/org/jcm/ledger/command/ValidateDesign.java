package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * A third-party entity files its validation: positive (with its validation report), a return for
 * revision, or negative (the application is rejected). An accredited, active entity.
 */
public record ValidateDesign(ApplicationId applicationId, ReviewVerdict verdict, List<String> reasons, List<DocumentRef> documents) implements Command {
    public ValidateDesign {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(verdict, "verdict");
        reasons = Texts.reasons(reasons);
        documents = DocumentRef.list(documents);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitValidateDesign(this);
    }
}
