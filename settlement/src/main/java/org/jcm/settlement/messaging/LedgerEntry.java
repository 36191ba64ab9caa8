package org.jcm.settlement.messaging;

import org.jcm.ledger.event.LedgerEvent;

/**
 * One ledger entry read from the topic: the event and its hash chain link.
 *
 * @param seq the sequence number
 * @param prevHash the previous entry's hash, lowercase hex
 * @param hash this entry's hash, lowercase hex
 * @param event the decoded event
 * @param canonicalEvent the RFC 8785 bytes of the event, which the hash covers
 */
public record LedgerEntry(long seq, String prevHash, String hash, LedgerEvent event, byte[] canonicalEvent) {
}
