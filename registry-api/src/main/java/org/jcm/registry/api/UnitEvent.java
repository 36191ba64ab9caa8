package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One event in the public history of units: what happened, when, to which of the asked units, and
 * between which kinds of account. Identities of holders, actors, memos, notes and trade terms are
 * left out; the full event is available to auditors through the ledger feed by its {@code seq}.
 *
 * @param seq the event's sequence number
 * @param type the event type, e.g. {@code CreditsTransferred}
 * @param at when it was applied, RFC 3339 UTC with milliseconds
 * @param serials the event's unit ranges that include asked units, as serials
 * @param quantity the units in {@code serials}
 * @param from where the units came from (movements only)
 * @param to where the units went (movements only)
 * @param details the public fields of this event type (see docs/api.md)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitEvent(long seq, String type, String at, List<String> serials, long quantity, HolderView from,
                        HolderView to, Map<String, Object> details) {
}
