package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The newest entry of the ledger: its sequence number and hash (seq 0 and 64 zeros when the
 * ledger is empty), which an auditor records to detect a later rewrite of history.
 */
@Schema(description = "The ledger head: the last seq and its hash (0 and 64 zeros for an empty ledger).")
public record LedgerHead(
        @Schema(description = "The sequence number of the newest event; 0 when there is none.", example = "1042") long seq,
        @Schema(description = "The newest event's hash, 64 lowercase hex characters.",
                example = "2b1b50c062c45f6440cee6f47101da82e8137251b45f5ff6d5a9124da0a04309") String hash) {
}
