package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.id.DocumentRef;

/**
 * A new application ({@code POST /applications}): the Project Idea Note and the participants. An
 * account holder of the representative or of the proxy submits it.
 */
@Schema(description = "A project application: its Project Idea Note (title, host Parties, methodology, financing, documents "
        + "with at least one PIN) and its participants")
public record ApplicationRequest(
        @Schema(description = "Title, 1 to 200 characters", example = "Solar power in Darkhan", required = true) String title,
        @Schema(description = "Host Parties (ISO 3166 alpha-3), 1 to 10, no repeats; the first one's methodology, project "
                + "numbering and JC secretariat", example = "[\"MNG\"]", required = true) List<String> hostParties,
        @Schema(description = "An APPROVED methodology of the first host, in a sectoral scope every host's agreement covers",
                example = "MN_AM001", required = true) String methodologyId,
        @Schema(required = true) FinancingRequest financing,
        @Schema(required = true) ParticipantsRequest participants,
        @Schema(description = "The cited documents, at most 50; at least one PIN", required = true)
        List<DocumentCitation> documents) {

    /** The command, citing {@code refs} (the references of {@link #documents()}, in order). */
    public SubmitProjectIdea toCommand(List<DocumentRef> refs) {
        var idea = ProjectIdeaRequest.idea(title, hostParties, methodologyId, financing, refs);
        var named = Fields.required("participants", participants).toParticipants("participants");
        return Fields.shape(() -> new SubmitProjectIdea(idea, named));
    }
}
