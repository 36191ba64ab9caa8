package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A methodology in its host's registry of methodologies. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A methodology adopted by the Joint Committee of its host")
public record MethodologyResponse(
        @Schema(example = "MN_AM001") String id,
        @Schema(description = "Host Party, ISO 3166 alpha-3", example = "MNG") String hostParty,
        String title,
        @Schema(description = "UNFCCC sectoral scope number", example = "3") int sectoralScope,
        @Schema(example = "1") int version,
        @Schema(description = "DRAFT, APPROVED, SUSPENDED or WITHDRAWN") String status,
        @Schema(description = "Longest monitoring period in days; absent: any length") Integer maxMonitoringDays,
        boolean sameEntityMayVerify) {
}
