package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account with its balance by vintage and Article 6 label. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An account with its balance by vintage and Article 6 label")
public record AccountDetails(
        @Schema(example = "JPN01-H00001") String id,
        @Schema(example = "JPN01") String registryId,
        @Schema(description = "Owning organization; absent for the registry's terminal accounts", example = "JPN01-O0001")
        String organizationId,
        @Schema(description = "HOLDING, CANCELLATION or RETIREMENT", example = "HOLDING") String type,
        @Schema(example = "Main holding account") String name,
        @Schema(description = "OPEN or CLOSED", example = "OPEN") String status,
        @Schema(description = "Whether units may not leave it") boolean frozen,
        @Schema(description = "All units held: the sum of the balance lines", example = "1000") long totalQuantity,
        @Schema(description = "One line per vintage and label held, by vintage, then NONE, AUTHORIZED, CA_APPLIED")
        List<BalanceLine> balances,
        @Schema(description = "Units held that nothing else may move: totalQuantity less reservedQuantity", example = "750")
        long availableQuantity,
        @Schema(description = "Units held but reserved for a pending action (a pending transfer, a proposed cancellation for "
                + "correction)", example = "250") long reservedQuantity,
        @Schema(description = "The reserved units, by pending action and unit range") List<ReservedUnits> reserved) {

    /** Units of the account reserved for one pending action. */
    @Schema(description = "A unit range reserved for a pending action")
    public record ReservedUnits(
            @Schema(description = "The pending action: PT... (pending transfer) or PR... (proposal)", example = "PT00000001")
            String actionId,
            @Schema(example = "MNG") String hostParty,
            @Schema(example = "2024") int vintage,
            @Schema(example = "1") long firstUnit,
            @Schema(example = "250") long lastUnit,
            @Schema(example = "250") long quantity) {
    }
}
