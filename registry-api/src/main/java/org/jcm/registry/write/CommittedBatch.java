package org.jcm.registry.write;

/**
 * Events that one transaction made durable: {@code fromSeq..toSeq}, gapless. Their rows are in
 * {@code ledger_event} (canonical JSON and chain hashes exactly as hashed), where a listener that
 * needs them reads them.
 */
public record CommittedBatch(long fromSeq, long toSeq) {
}
