package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A ledger event that touched an account.
 *
 * @param seq the event's sequence number
 * @param type the event type, e.g. {@code CreditsTransferred}
 * @param at when it was applied, RFC 3339 UTC with milliseconds
 * @param event the event exactly as hashed into the ledger (its RFC 8785 canonical JSON)
 */
public record TransactionEntry(long seq, String type, String at, @JsonRawValue String event) {
}
