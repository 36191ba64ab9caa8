package org.jcm.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the harness needs from the ledger, folded from the entries of {@code GET /ledger/events}
 * in seq order: the seqs of the transfers carrying each load key as memo, and the tonnes
 * transferred per host Party and UTC day (settlement's volume feed counts the same).
 */
public final class LedgerIndex {

    static final String TRANSFERRED = "CreditsTransferred";

    private final String memoPrefix;
    private final Map<String, List<Long>> seqsByMemo = new HashMap<>();
    private final Map<String, Long> transferredByPartyDay = new TreeMap<>();
    private long head;

    /** Indexes transfers whose memo starts with {@code memoPrefix}. */
    public LedgerIndex(String memoPrefix) {
        this.memoPrefix = memoPrefix;
    }

    /** Adds one entry ({@code {seq, prevHash, hash, event}}); entries must come in seq order without gaps. */
    public void add(Map<?, ?> entry) {
        long seq = number(entry.get("seq"), "seq");
        if (seq != head + 1) {
            throw new IllegalStateException("Ledger entries out of order: seq " + seq + " after " + head);
        }
        head = seq;
        if (!(entry.get("event") instanceof Map<?, ?> event) || !TRANSFERRED.equals(event.get("type"))) {
            return;
        }
        if (event.get("memo") instanceof String memo && memo.startsWith(memoPrefix)) {
            seqsByMemo.computeIfAbsent(memo, m -> new ArrayList<>()).add(seq);
        }
        String day = String.valueOf(event.get("at")).substring(0, 10);
        if (event.get("ranges") instanceof List<?> ranges) {
            for (Object item : ranges) {
                if (item instanceof Map<?, ?> range) {
                    long tonnes = number(range.get("last"), "last") - number(range.get("first"), "first") + 1;
                    transferredByPartyDay.merge(range.get("hostParty") + " " + day, tonnes, Long::sum);
                }
            }
        }
    }

    /** The last seq added. */
    public long head() {
        return head;
    }

    /** The seqs of the transfers carrying each indexed memo. */
    public Map<String, List<Long>> seqsByMemo() {
        return seqsByMemo;
    }

    /** Tonnes transferred per "PARTY yyyy-mm-dd". */
    public Map<String, Long> transferredByPartyDay() {
        return transferredByPartyDay;
    }

    static long number(Object value, String field) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException("Not a number in " + field + ": " + value);
    }
}
