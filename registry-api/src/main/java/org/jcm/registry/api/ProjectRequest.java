package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;

/** Registers a JCM project under the Joint Committee's id. */
@Schema(description = "A JCM project registered by the Joint Committee")
public record ProjectRequest(
        @Schema(description = "Project id: host alpha-2 + 3 digits", example = "MN001", required = true) String projectId,
        @Schema(description = "Title, 1 to 200 characters", example = "Centralized heat supply in Ulaanbaatar", required = true)
        String title,
        @Schema(description = "Methodology id", example = "MN_AM001", required = true) String methodologyId,
        @Schema(description = "The registry that registers it: Japan's or the host Party's", example = "MNG01", required = true)
        String registryId,
        @Schema(description = "Participant organizations (1 to 100, distinct)", example = "[\"MNG01-O0001\"]", required = true)
        List<String> participants) {

    public RegisterProject toCommand() {
        ProjectId id = Fields.parse("projectId", projectId, ProjectId::parse);
        Fields.required("title", title);
        MethodologyId methodology = Fields.parse("methodologyId", methodologyId, MethodologyId::parse);
        RegistryId registry = Fields.parse("registryId", registryId, RegistryId::parse);
        Fields.required("participants", participants);
        List<OrganizationId> organizations = new ArrayList<>(participants.size());
        for (int i = 0; i < participants.size(); i++) {
            organizations.add(Fields.parse("participants[" + i + "]", participants.get(i), OrganizationId::parse));
        }
        return Fields.shape(() -> new RegisterProject(id, title, methodology, registry, organizations));
    }
}
