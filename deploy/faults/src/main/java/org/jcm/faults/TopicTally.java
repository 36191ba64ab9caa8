package org.jcm.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * The seqs read from the ledger topic, in the order read: whether every seq 1..head is there,
 * how many came more than once (the outbox promises at least once, same seq and bytes), and
 * whether first sightings ever went backwards or skipped (which the outbox promises never happens).
 */
public final class TopicTally {

    private long[] counts = new long[1024];
    private long maxSeq;
    private long lastFirstSighting;
    private long records;
    private long duplicates;
    private long outOfOrder;
    private final List<String> problems = new ArrayList<>();

    /** Adds one record's seq. */
    public void add(long seq) {
        if (seq <= 0) {
            throw new IllegalArgumentException("seq must be positive: " + seq);
        }
        records++;
        if (seq >= counts.length) {
            long[] grown = new long[(int) Math.max(seq + 1, counts.length * 2L)];
            System.arraycopy(counts, 0, grown, 0, counts.length);
            counts = grown;
        }
        if (counts[(int) seq]++ > 0) {
            duplicates++;
            return;
        }
        if (seq != lastFirstSighting + 1) {
            outOfOrder++;
            if (problems.size() < 5) {
                problems.add("seq " + seq + " first seen after " + lastFirstSighting);
            }
        }
        lastFirstSighting = Math.max(lastFirstSighting, seq);
        maxSeq = Math.max(maxSeq, seq);
    }

    public long records() {
        return records;
    }

    public long maxSeq() {
        return maxSeq;
    }

    /** Records that repeat a seq already read. */
    public long duplicates() {
        return duplicates;
    }

    /** First sightings that were not the successor of the previous first sighting. */
    public long outOfOrder() {
        return outOfOrder;
    }

    /** The number of seqs in 1..head never read. */
    public long missing(long head) {
        long missing = 0;
        for (long seq = 1; seq <= head; seq++) {
            if (seq >= counts.length || counts[(int) seq] == 0) {
                missing++;
            }
        }
        return missing;
    }

    /** Every seq 1..head read at least once, and first sightings in order. */
    public boolean complete(long head) {
        return missing(head) == 0 && outOfOrder == 0;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
