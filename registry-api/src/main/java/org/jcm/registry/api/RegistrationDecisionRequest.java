package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.DecideRegistration;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.ReviewVerdict;

/** The Joint Committee's decision on a validated application, as its secretariat records it. */
@Schema(description = "The Joint Committee's registration decision: ACCEPT (register the project), RETURN to the design "
        + "step or REJECT, citing the decision")
public record RegistrationDecisionRequest(
        @Schema(description = "ACCEPT, RETURN or REJECT", example = "ACCEPT", required = true) String verdict,
        @Schema(description = "The Joint Committee's decision reference, 1 to 200 characters", example = "JC-MN-2026-07",
                required = true) String decisionReference,
        @Schema(description = "Reasons, at most 20 of 1 to 500 characters; at least one to return or reject")
        List<String> reasons,
        @Schema(description = "The cited documents (for example the JC_DECISION), at most 50") List<DocumentCitation> documents) {

    public DecideRegistration toCommand(String applicationId, List<DocumentRef> refs) {
        ApplicationId id = Fields.parse("id", applicationId, ApplicationId::parse);
        ReviewVerdict v = ReviewRequest.verdict(verdict);
        Fields.required("decisionReference", decisionReference);
        return Fields.shape(() -> new DecideRegistration(id, v, decisionReference, ReviewRequest.reasons(reasons), refs));
    }
}
