package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.ResubmitProjectIdea;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectIdea;

/**
 * A Project Idea Note resubmitted after a host government returned it
 * ({@code POST /applications/{id}/project-idea}): what the note states, without the participants
 * (they change with {@code POST /applications/{id}/participant-changes}).
 */
@Schema(description = "A revised Project Idea Note: title, host Parties, methodology, financing and documents (at least a PIN)")
public record ProjectIdeaRequest(
        @Schema(description = "Title, 1 to 200 characters", example = "Solar power in Darkhan", required = true) String title,
        @Schema(description = "Host Parties (ISO 3166 alpha-3), 1 to 10, no repeats; the first one's methodology, project "
                + "numbering and JC secretariat", example = "[\"MNG\"]", required = true) List<String> hostParties,
        @Schema(description = "An APPROVED methodology of the first host", example = "MN_AM001", required = true)
        String methodologyId,
        @Schema(required = true) FinancingRequest financing,
        @Schema(description = "The cited documents, at most 50; at least one PIN", required = true)
        List<DocumentCitation> documents) {

    /** The command, citing {@code documents} (the references of {@link #documents()}, in order). */
    public ResubmitProjectIdea toCommand(String applicationId, List<DocumentRef> refs) {
        ApplicationId id = Fields.parse("id", applicationId, ApplicationId::parse);
        ProjectIdea idea = idea(title, hostParties, methodologyId, financing, refs);
        return Fields.shape(() -> new ResubmitProjectIdea(id, idea));
    }

    /** What a note states, from the fields of a request; 400 {@code invalid_field}. */
    static ProjectIdea idea(String title, List<String> hostParties, String methodologyId, FinancingRequest financing,
                            List<DocumentRef> refs) {
        Fields.required("title", title);
        Fields.required("hostParties", hostParties);
        List<PartyCode> hosts = new ArrayList<>(hostParties.size());
        for (int i = 0; i < hostParties.size(); i++) {
            hosts.add(Fields.parse("hostParties[" + i + "]", hostParties.get(i), PartyCode::parse));
        }
        MethodologyId methodology = Fields.parse("methodologyId", methodologyId, MethodologyId::parse);
        var money = Fields.required("financing", financing).toFinancing("financing");
        return Fields.shape(() -> new ProjectIdea(title, hosts, methodology, money, refs));
    }
}
