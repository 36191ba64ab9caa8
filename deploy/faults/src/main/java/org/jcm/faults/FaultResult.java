package org.jcm.faults;

import java.util.List;

/**
 * One row of the results table.
 *
 * @param fault the fault's name
 * @param verdict the exactly-once check of the phase's requests
 * @param verifyOk whether {@code POST /ledger/verify} answered ok
 * @param head the ledger's head seq after the phase
 * @param topicComplete whether the topic held every seq 1..head, first sightings in order
 * @param topicDuplicates records on the topic repeating a seq (allowed: at least once)
 * @param settlementEqual whether settlement's transferred volumes equal the registry's
 * @param firstAckSeconds seconds from the fault to the first 201 answering a request sent after it, or negative if none
 * @param caughtUpSeconds seconds from the restart to settlement having applied the registry's head, or negative
 * @param notes what else was seen, for the text under the table
 */
public record FaultResult(String fault, ExactlyOnceCheck.Verdict verdict, boolean verifyOk, long head,
                          boolean topicComplete, long topicDuplicates, boolean settlementEqual,
                          double firstAckSeconds, double caughtUpSeconds, List<String> notes) {

    public FaultResult {
        notes = List.copyOf(notes);
    }

    /** Everything the issue asks for held. */
    public boolean passed() {
        return verdict.passed() && verifyOk && topicComplete && settlementEqual;
    }
}
