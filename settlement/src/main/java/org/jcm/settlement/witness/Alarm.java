package org.jcm.settlement.witness;

import java.time.Instant;

/**
 * An open alarm: the first disagreement since the last time an operator cleared the alarm.
 *
 * @param reason the reason's code ({@link Reason#code()})
 * @param detail what the witness found
 * @param treeSize the refused checkpoint's tree size, or null when the message had none
 * @param note the refused checkpoint's note (or the message as received when it had no note), or null
 * @param raisedAt when the alarm was raised
 */
public record Alarm(String reason, String detail, Long treeSize, String note, Instant raisedAt) {
}
