package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.id.RegistryId;

/** Records a legal entity in a registry. */
@Schema(description = "A legal entity to record in a registry; the ledger assigns its id")
public record OrganizationRequest(
        @Schema(description = "The registry", example = "JPN01", required = true) String registryId,
        @Schema(description = "Legal name, 1 to 200 characters", example = "Example Trading Co., Ltd.", required = true)
        String name) {

    public RegisterOrganization toCommand() {
        RegistryId id = Fields.parse("registryId", registryId, RegistryId::parse);
        Fields.required("name", name);
        return Fields.shape(() -> new RegisterOrganization(id, name));
    }
}
