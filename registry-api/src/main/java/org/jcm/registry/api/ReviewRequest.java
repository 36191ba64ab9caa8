package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.ReviewProjectIdea;
import org.jcm.ledger.command.ValidateDesign;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * A reviewer's verdict on a step of an application: a host government on the Project Idea Note
 * ({@code POST /applications/{id}/project-idea-review}) or a third-party entity on the design
 * ({@code POST /applications/{id}/validation}).
 */
@Schema(description = "A review: ACCEPT, RETURN for revision or REJECT, with reasons (required to return or reject) and "
        + "documents (a VALIDATION_REPORT for a positive validation)")
public record ReviewRequest(
        @Schema(description = "ACCEPT, RETURN or REJECT", example = "ACCEPT", required = true) String verdict,
        @Schema(description = "Reasons, at most 20 of 1 to 500 characters; at least one to return or reject",
                example = "[\"The baseline is not explained.\"]") List<String> reasons,
        @Schema(description = "The cited documents, at most 50") List<DocumentCitation> documents) {

    /** The host government's review of the note. */
    public ReviewProjectIdea toProjectIdeaReview(String applicationId, List<DocumentRef> refs) {
        ApplicationId id = Fields.parse("id", applicationId, ApplicationId::parse);
        ReviewVerdict v = verdict(verdict);
        return Fields.shape(() -> new ReviewProjectIdea(id, v, reasons(reasons), refs));
    }

    /** The third-party entity's validation of the design. */
    public ValidateDesign toValidation(String applicationId, List<DocumentRef> refs) {
        ApplicationId id = Fields.parse("id", applicationId, ApplicationId::parse);
        ReviewVerdict v = verdict(verdict);
        return Fields.shape(() -> new ValidateDesign(id, v, reasons(reasons), refs));
    }

    /** A required verdict. */
    static ReviewVerdict verdict(String text) {
        return CycleFields.enumValue("verdict", text, ReviewVerdict.class);
    }

    /** Reasons; absent is none. */
    static List<String> reasons(List<String> reasons) {
        return reasons == null ? List.of() : reasons;
    }
}
