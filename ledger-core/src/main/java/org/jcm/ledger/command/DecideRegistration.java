package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * Records the Joint Committee's decision on a validated application, citing the decision: register
 * (the project gets the next id of its first host), return to the design step, or reject. The JC
 * secretariat of the first host.
 */
public record DecideRegistration(ApplicationId applicationId, ReviewVerdict verdict, String decisionReference, List<String> reasons, List<DocumentRef> documents) implements Command {
    public DecideRegistration {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(verdict, "verdict");
        Checks.freeText("decisionReference", decisionReference, Texts.NAME_MAX);
        reasons = Texts.reasons(reasons);
        documents = DocumentRef.list(documents);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitDecideRegistration(this);
    }
}
