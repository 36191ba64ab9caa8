package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event in the public history of units: what happened, when, to which of the asked units and
 * between which kinds of account. Holder identities, actors, memos, notes and trade terms are left
 * out; auditors read the whole event from the ledger feed by its {@code seq}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One event in the public history of units")
public record UnitEvent(
        @Schema(example = "42") long seq,
        @Schema(example = "CreditsTransferred") String type,
        @Schema(description = "RFC 3339, UTC, milliseconds", example = "2025-04-01T09:30:00.000Z") String at,
        @Schema(description = "The event's unit ranges that include asked units, as serials") List<String> serials,
        @Schema(description = "Units in those serials", example = "250") long quantity,
        @Schema(description = "Where the units came from (transfers, cancellations, retirements)") HolderView from,
        @Schema(description = "Where the units went (transfers, cancellations, retirements)") HolderView to,
        @Schema(description = "The public fields of this event type (see docs/api.md)") Map<String, Object> details) {
}
