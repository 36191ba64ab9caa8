package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A block an event placed into an account. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Units an event placed into an account, as a block")
public record BlockSummary(
        @Schema(description = "Block serial JCM-{projectId}-{vintage}-{first}-{last}, inclusive", example = "JCM-MN001-2024-1001-1250")
        String serial,
        @Schema(description = "The account that received the units; absent for Article 6.2 events, which change the "
                + "units' authorization and adjustment state where they are held, and for a pending transfer's "
                + "reserved units, which have not moved yet", example = "JPN01-H00002") String accountId,
        @Schema(description = "Units in the block", example = "250") long quantity,
        @Schema(description = "Article 6.2 id of the first unit; only where the host Party has a cooperative approach",
                example = "CA0001-MNG01-MNG-1001-2024") String firstItmoId,
        @Schema(description = "Article 6.2 id of the last unit", example = "CA0001-MNG01-MNG-1250-2024") String lastItmoId) {
}
