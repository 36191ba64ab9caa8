package org.jcm.settlement.persistence;

import java.time.Instant;

/**
 * How far the ledger has been applied to the database.
 *
 * @param lastSeq the last applied sequence number, 0 before the first
 * @param lastHash its hash (64 zeros before the first)
 * @param lastAt its event time, or null before the first
 * @param generation how many rebuilds the database has been through
 */
public record Position(long lastSeq, String lastHash, Instant lastAt, long generation) {
}
