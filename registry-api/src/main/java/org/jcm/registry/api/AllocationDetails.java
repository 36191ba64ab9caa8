package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The units one allocation of an issuance received; the receiving account is not public, its registry is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The units one allocation received; the account is not public, its registry is")
public record AllocationDetails(
        @Schema(description = "The registry the units were issued into (the registry in their ITMO ids)", example = "MNG01")
        String registryId,
        @Schema(example = "JCM-MN001-2024-1-7000") String serial,
        @Schema(description = "Absent when the host Party has no cooperative approach", example = "CA0001-MNG01-MNG-1-2024")
        String firstItmoId,
        @Schema(example = "CA0001-MNG01-MNG-7000-2024") String lastItmoId,
        @Schema(example = "1") long firstUnit,
        @Schema(example = "7000") long lastUnit,
        @Schema(example = "7000") long quantity) {
}
