package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.SubmitDesign;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;

/** The project design document submitted (or resubmitted) for validation. */
@Schema(description = "The design submission: documents, at least one PDD")
public record DesignRequest(
        @Schema(description = "The cited documents, at most 50; at least one PDD", required = true)
        List<DocumentCitation> documents) {

    public SubmitDesign toCommand(String applicationId, List<DocumentRef> refs) {
        ApplicationId id = Fields.parse("id", applicationId, ApplicationId::parse);
        return Fields.shape(() -> new SubmitDesign(id, refs));
    }
}
