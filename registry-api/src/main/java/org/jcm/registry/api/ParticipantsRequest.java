package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Participants;

/** The participants of an application: the representative (the applicant), the others, and an optional proxy. */
@Schema(description = "The representative participant (focal point and applicant), the other participants, and optionally a "
        + "proxy organization acting for the representative; no organization twice")
public record ParticipantsRequest(
        @Schema(description = "The representative participant's organization", example = "MNG01-O00001", required = true)
        String representative,
        @Schema(description = "The other participants' organizations, at most 50", example = "[\"JPN01-O00002\"]")
        List<String> others,
        @Schema(description = "The proxy organization acting for the representative", example = "JPN01-O00003")
        String proxy) {

    /** The ledger's value; 400 {@code invalid_field} for a malformed id or an organization named twice. */
    public Participants toParticipants(String field) {
        OrganizationId rep = Fields.parse(field + ".representative", representative, OrganizationId::parse);
        List<OrganizationId> rest = new ArrayList<>();
        if (others != null) {
            for (int i = 0; i < others.size(); i++) {
                rest.add(Fields.parse(field + ".others[" + i + "]", others.get(i), OrganizationId::parse));
            }
        }
        Optional<OrganizationId> by = Fields.optional(field + ".proxy", proxy, OrganizationId::parse);
        return Fields.shape(() -> new Participants(rep, rest, by));
    }
}
