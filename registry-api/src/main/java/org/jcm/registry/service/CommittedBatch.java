package org.jcm.registry.service;

import java.util.List;

/**
 * Events that one transaction made durable: {@code fromSeq..toSeq}, gapless, with each event's
 * canonical JSON and hashes exactly as stored in {@code ledger_event}.
 */
public record CommittedBatch(long fromSeq, long toSeq, List<Entry> entries) {

    /** One committed event: its seq, type, canonical JSON (RFC 8785) and chain hashes (lowercase hex). */
    public record Entry(long seq, String type, String eventJson, String prevHashHex, String hashHex) {
    }
}
