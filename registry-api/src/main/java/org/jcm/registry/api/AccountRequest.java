package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.id.OrganizationId;

/** Opens a holding account for an organization. */
@Schema(description = "A holding account to open for an organization; the ledger assigns its id")
public record AccountRequest(
        @Schema(description = "The organization", example = "JPN01-O0001", required = true) String organizationId,
        @Schema(description = "Account name, 1 to 200 characters", example = "Main holding account", required = true)
        String name) {

    public OpenAccount toCommand() {
        OrganizationId id = Fields.parse("organizationId", organizationId, OrganizationId::parse);
        Fields.required("name", name);
        return Fields.shape(() -> new OpenAccount(id, name));
    }
}
