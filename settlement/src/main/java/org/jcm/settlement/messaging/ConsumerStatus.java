package org.jcm.settlement.messaging;

import java.time.Instant;

/**
 * A consistent snapshot of the consumer for the status endpoint, health and metrics.
 *
 * @param state what the consumer is doing
 * @param lastAppliedSeq the last sequence number whose effects are committed
 * @param lastAppliedAt that event's time, or null
 * @param foldedSeq the last sequence number folded into memory (at least lastAppliedSeq once started)
 * @param lagRecords records on the topic after the consumer's position, or -1 when unknown
 * @param waitingForSeq while a gap is open, the sequence number the consumer waits for; else 0
 * @param generation rebuilds so far
 * @param problem why the consumer failed or waits, or null
 */
public record ConsumerStatus(ConsumerState state, long lastAppliedSeq, Instant lastAppliedAt, long foldedSeq,
                             long lagRecords, long waitingForSeq, long generation, String problem) {

    /** The status before the consumer first starts. */
    public static ConsumerStatus initial() {
        return new ConsumerStatus(ConsumerState.STARTING, 0, null, 0, -1, 0, 0, null);
    }
}
