package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the registry knows about the units a serial, unit reference or ITMO id names: the live blocks
 * holding them now and every event that touched them. Public, so holders appear only as registry
 * and account type.
 */
@Schema(description = "Units named by a serial, unit reference or ITMO id: their live blocks and full history")
public record UnitLookup(
        @Schema(description = "The text looked up, as given", example = "JCM-MN001-2024-1001-1250") String query,
        @Schema(example = "MNG") String hostParty,
        @Schema(example = "MN001") String projectId,
        @Schema(example = "2024") int vintage,
        @Schema(description = "First unit asked about", example = "1001") long firstUnit,
        @Schema(description = "Last unit asked about", example = "1250") long lastUnit,
        @Schema(description = "How many of the asked units were issued for the project", example = "250") long quantity,
        @Schema(description = "Live blocks holding those units, in unit order (at most 1,000); the first holds the first "
                + "existing unit") List<BlockView> blocks,
        @Schema(description = "Whether more than 1,000 live blocks hold them (list them with /blocks)") boolean moreBlocks,
        @Schema(description = "Events that touched those units, in ledger order: one page") List<UnitEvent> history,
        @Schema(description = "Cursor of the next page of history, null on the last one") String next) {
}
