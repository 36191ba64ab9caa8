package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A legal entity registered in a registry, with its accounts. */
@Schema(description = "A legal entity registered in a registry, with its accounts")
public record OrganizationDetails(
        @Schema(example = "JPN01-O0001") String id,
        @Schema(example = "JPN01") String registryId,
        @Schema(example = "Example Trading Co., Ltd.") String name,
        @Schema(description = "Its accounts, by id") List<AccountSummary> accounts) {
}
