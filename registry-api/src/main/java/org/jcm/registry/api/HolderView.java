package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where units are held, as the public may see it: the registry and the kind of account, never the account or its owner. */
@Schema(description = "Where units are held: registry and account type, never the account")
public record HolderView(
        @Schema(description = "Registry of the account", example = "JPN01") String registryId,
        @Schema(description = "HOLDING, CANCELLATION or RETIREMENT", example = "HOLDING") String accountType) {
}
