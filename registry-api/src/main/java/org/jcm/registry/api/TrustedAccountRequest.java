package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.AddTrustedAccount;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;

/** An account to add to an organization's trusted-account list. */
@Schema(description = "An account to add to the organization's trusted-account list; trusted after the trusted-account delay")
public record TrustedAccountRequest(
        @Schema(description = "A holding account of any hosted registry", example = "JPN01-H00002", required = true)
        String accountId) {

    /** The command for the organization in the path. */
    public AddTrustedAccount toCommand(String organizationId) {
        OrganizationId organization = Fields.parse("organizationId", organizationId, OrganizationId::parse);
        AccountId account = Fields.parse("accountId", accountId, AccountId::parse);
        return Fields.shape(() -> new AddTrustedAccount(organization, account));
    }
}
