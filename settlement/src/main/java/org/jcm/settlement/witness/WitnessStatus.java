package org.jcm.settlement.witness;

/**
 * The witness's status.
 *
 * @param status {@code OK}, {@code ALARM} (a disagreement; no cosigning until an operator clears it) or
 *        {@code DISABLED} ({@code jcm.witness.enabled=false})
 * @param alarm the open alarm, or null
 * @param cosignedSize the tree size of the latest cosigned checkpoint, 0 before the first
 * @param waitingForTreeSize the size of the checkpoint that waits for the tree to grow, or null
 * @param problem why the witness is retrying (for example PostgreSQL down), or null
 */
public record WitnessStatus(String status, Alarm alarm, long cosignedSize, Long waitingForTreeSize, String problem) {

    static final String OK = "OK";
    static final String ALARM = "ALARM";
    static final String DISABLED = "DISABLED";

    /** True while an alarm is open. */
    public boolean alarmed() {
        return alarm != null;
    }
}
