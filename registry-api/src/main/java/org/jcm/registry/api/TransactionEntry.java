package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ledger event that touched an account, with the event exactly as hashed into the ledger. */
@Schema(description = "A ledger event that touched an account")
public record TransactionEntry(
        @Schema(description = "Sequence number in the ledger", example = "42") long seq,
        @Schema(example = "CreditsTransferred") String type,
        @Schema(description = "When it was applied (RFC 3339, UTC, milliseconds)", example = "2025-04-01T09:30:00.000Z") String at,
        @Schema(description = "The event as hashed into the ledger (its RFC 8785 canonical JSON): seq, type, at, actor and "
                + "the payload of docs/ledger-model.md", implementation = Object.class)
        @JsonRawValue String event) {
}
