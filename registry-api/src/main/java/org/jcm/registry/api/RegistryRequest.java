package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.id.RegistryId;

/** Hosts a registry of a registered Party on this system. */
@Schema(description = "A registry to host: its id (Party alpha-3 + 2 digits) and name")
public record RegistryRequest(
        @Schema(description = "Registry id: the Party's ISO alpha-3 code and two digits", example = "MNG01", required = true)
        String registryId,
        @Schema(description = "Name, 1 to 200 characters", example = "Mongolia JCM Registry", required = true) String name) {

    public RegisterRegistry toCommand() {
        RegistryId id = Fields.parse("registryId", registryId, RegistryId::parse);
        Fields.required("name", name);
        return Fields.shape(() -> new RegisterRegistry(id, name));
    }
}
